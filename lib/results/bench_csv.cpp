#include "results/bench_csv.h"

#include "common/atomic_file.h"
#include "common/error.h"
#include "results/csv_fields.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include <fmt/format.h>

#include <cmath>

namespace aerepro::results {
namespace {

// 6 significant digits, as the benchmark files have always been written and as the Python
// reference writes them (not csv_number's shortest round-trip text: timings need no more).
std::string bench_number(double value) {
  return std::isnan(value) ? "nan" : fmt::format("{:.6g}", value);
}

// A number that may be absent: "" and "nan" are NaN, anything else must parse.
double bench_number_or_nan(const std::string& text, const std::filesystem::path& file,
                           unsigned line, const char* column) {
  if (text.empty()) return std::nan("");
  return parse_csv_number(text, file, line, column);
}

}  // namespace

std::string format_bench_csv(const std::vector<BenchRow>& rows) {
  std::string text = std::string(kBenchCsvHeader) + "\n";
  for (const auto& r : rows) {
    text += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_quoted(r.benchmark),
                        csv_quoted(r.model), csv_quoted(r.kind), csv_quoted(r.device),
                        csv_quoted(r.implementation),
                        r.batch_size ? fmt::format("{}", *r.batch_size) : std::string("nan"),
                        bench_number(r.milliseconds), bench_number(r.images_per_second),
                        bench_number(r.gflop_per_second), bench_number(r.percent_of_peak),
                        r.threads, csv_quoted(r.torch_version), csv_quoted(r.git_revision));
  }
  return text;
}

void write_bench_csv(const std::filesystem::path& file, const std::vector<BenchRow>& rows) {
  write_text_atomically(file, format_bench_csv(rows));
}

std::vector<BenchRow> read_bench_csv(const std::filesystem::path& file) {
  require_nonempty_file(file, "benchmark file");
  std::vector<BenchRow> rows;
  try {
    io::CSVReader<13, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>> reader(
        file.string());
    reader.read_header(io::ignore_no_column, "benchmark", "model", "kind", "device",
                       "implementation", "batch_size", "milliseconds", "images_per_second",
                       "gflop_per_second", "percent_of_peak", "threads", "torch_version",
                       "git_revision");
    BenchRow r;
    std::string batch, ms, ips, gflops, peak, threads;
    while (reader.read_row(r.benchmark, r.model, r.kind, r.device, r.implementation, batch, ms, ips,
                           gflops, peak, threads, r.torch_version, r.git_revision)) {
      const unsigned line = reader.get_file_line();
      if (r.benchmark.empty()) {
        throw ArtifactError(fmt::format("{}:{}: column 'benchmark' is empty", file.string(), line));
      }
      r.batch_size = batch.empty() || batch == "nan"
                         ? std::nullopt
                         : std::optional(parse_csv_integer(batch, file, line, "batch_size"));
      r.milliseconds = bench_number_or_nan(ms, file, line, "milliseconds");
      r.images_per_second = bench_number_or_nan(ips, file, line, "images_per_second");
      r.gflop_per_second = bench_number_or_nan(gflops, file, line, "gflop_per_second");
      r.percent_of_peak = bench_number_or_nan(peak, file, line, "percent_of_peak");
      r.threads = threads.empty() ? 0 : parse_csv_int(threads, file, line, "threads");
      rows.push_back(r);
    }
  } catch (const io::error::base& e) {
    // fccp's messages name the file and line (missing column, too few columns, bad quote).
    throw ArtifactError(std::string(e.what()));
  }
  return rows;
}

}  // namespace aerepro::results
