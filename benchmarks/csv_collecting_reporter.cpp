#include "csv_collecting_reporter.h"

#include "run_description.h"

#include <cmath>

namespace aerepro::bench {
namespace {

double to_milliseconds(double time, benchmark::TimeUnit unit) {
  switch (unit) {
    case benchmark::kNanosecond:
      return time * 1e-6;
    case benchmark::kMicrosecond:
      return time * 1e-3;
    case benchmark::kMillisecond:
      return time;
    case benchmark::kSecond:
      return time * 1e3;
  }
  return NAN;
}

// The run's counter `name`, or NaN where it has none.
double counter_or_nan(const benchmark::BenchmarkReporter::Run& run, const char* name) {
  const auto it = run.counters.find(name);
  return it == run.counters.end() ? NAN : it->second.value;
}

std::optional<long long> batch_size_of(const benchmark::BenchmarkReporter::Run& run) {
  const auto it = run.counters.find(kBatchSizeCounter);
  if (it == run.counters.end()) return std::nullopt;
  return std::llround(it->second.value);
}

}  // namespace

CsvCollectingReporter::CsvCollectingReporter(OutputOptions options, RowEnvironment environment)
    : ConsoleReporter(options), environment_(std::move(environment)) {}

void CsvCollectingReporter::ReportRuns(const std::vector<Run>& runs) {
  for (const auto& run : runs) {
    if (run.error_occurred) continue;
    const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
    if (run.run_type == Run::RT_Aggregate && !median) continue;
    const auto label = parse_run_label(run.report_label);
    if (!label) continue;  // not described by describe_run: not one of ours
    const std::string name = run.run_name.function_name;
    if (rows_.count(name) == 0)
      order_.push_back(name);
    else if (!median && run.repetition_index > 0)
      continue;  // keep the first repetition or the median
    rows_[name] = results::BenchRow{name,
                                    label->model,
                                    label->kind,
                                    label->device,
                                    label->implementation,
                                    batch_size_of(run),
                                    to_milliseconds(run.GetAdjustedRealTime(), run.time_unit),
                                    counter_or_nan(run, kImagesRateCounter),
                                    counter_or_nan(run, kGflopRateCounter),
                                    counter_or_nan(run, kPeakPercentCounter),
                                    environment_.threads,
                                    environment_.torch_version,
                                    environment_.git_revision};
  }
  ConsoleReporter::ReportRuns(runs);
}

std::vector<results::BenchRow> CsvCollectingReporter::rows() const {
  std::vector<results::BenchRow> rows;
  for (const auto& name : order_) rows.push_back(rows_.at(name));
  return rows;
}

}  // namespace aerepro::bench
