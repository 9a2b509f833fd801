#include "reports/bench_csv.h"

#include "common/error.h"
#include "results/csv_fields.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include <fmt/format.h>

#include <cmath>

namespace aerepro::reports {
namespace {

// A number that may be absent: "" and "nan" are NaN, anything else must parse.
double optional_number(const std::string& text, const std::filesystem::path& file, unsigned line,
                       const char* column) {
  if (text.empty()) return std::nan("");
  return results::parse_csv_number(text, file, line, column);
}

}  // namespace

std::vector<BenchRow> read_bench_csv(const std::filesystem::path& file) {
  results::require_nonempty_file(file, "benchmark file");
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
      // "nan" (or empty): no batch, e.g. SGEMM or k-means (benchmarks/bench_csv.h).
      r.batch_size = batch.empty() || batch == "nan"
                         ? 0
                         : results::parse_csv_integer(batch, file, line, "batch_size");
      r.milliseconds = optional_number(ms, file, line, "milliseconds");
      r.images_per_second = optional_number(ips, file, line, "images_per_second");
      r.gflop_per_second = optional_number(gflops, file, line, "gflop_per_second");
      r.percent_of_peak = optional_number(peak, file, line, "percent_of_peak");
      r.threads = threads.empty() ? 0 : results::parse_csv_integer(threads, file, line, "threads");
      rows.push_back(r);
    }
  } catch (const io::error::base& e) {
    // fccp's messages name the file and line (missing column, too few columns, bad quote).
    throw ArtifactError(std::string(e.what()));
  }
  return rows;
}

}  // namespace aerepro::reports
