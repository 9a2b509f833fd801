#include "csv_collecting_reporter.h"

#include "bench_registry.h"

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

double counter(const benchmark::BenchmarkReporter::Run& run, const char* name) {
  const auto it = run.counters.find(name);
  return it == run.counters.end() ? NAN : it->second.value;
}

}  // namespace

CsvCollectingReporter::CsvCollectingReporter(OutputOptions options, RowEnvironment environment)
    : ConsoleReporter(options), environment_(std::move(environment)) {}

void CsvCollectingReporter::ReportRuns(const std::vector<Run>& runs) {
  for (const auto& run : runs) {
    if (run.error_occurred) continue;
    const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
    if (run.run_type == Run::RT_Aggregate && !median) continue;
    const std::string name = run.run_name.function_name;
    const BenchmarkInfo* info = find_benchmark_info(name);
    if (info == nullptr) continue;  // not one of ours (cannot happen: all are registered)
    if (rows_.count(name) == 0)
      order_.push_back(name);
    else if (!median && run.repetition_index > 0)
      continue;  // keep the first repetition or the median
    rows_[name] = results::BenchRow{name,
                                    info->model,
                                    info->kind,
                                    info->device,
                                    info->implementation,
                                    info->batch_size,
                                    to_milliseconds(run.GetAdjustedRealTime(), run.time_unit),
                                    counter(run, "images/s"),
                                    counter(run, "GFLOP/s"),
                                    counter(run, "%peak"),
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
