#include "bench_csv.h"

#include "common/atomic_file.h"

#include <fmt/format.h>

#include <cmath>

namespace aerepro::bench {
namespace {

std::string field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) quoted += (c == '"') ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string number(double value) {
  return std::isnan(value) ? "nan" : fmt::format("{:.6g}", value);
}

}  // namespace

std::string format_bench_csv(const std::vector<BenchRow>& rows) {
  std::string text = std::string(kBenchCsvHeader) + "\n";
  for (const auto& r : rows) {
    text += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}\n", field(r.benchmark),
                        field(r.model), field(r.kind), field(r.device), field(r.implementation),
                        number(r.batch_size), number(r.milliseconds), number(r.images_per_second),
                        number(r.gflop_per_second), number(r.percent_of_peak), r.threads,
                        field(r.torch_version), field(r.git_revision));
  }
  return text;
}

void write_bench_csv(const std::filesystem::path& target, const std::vector<BenchRow>& rows) {
  write_text_atomically(target, format_bench_csv(rows));
}

}  // namespace aerepro::bench
