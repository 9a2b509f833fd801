#include "csv_samples.h"

#include "results/artifacts_csv.h"
#include "results/bench_csv.h"
#include "results/results_csv.h"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace aerepro::testing {
namespace {

using namespace aerepro::results;

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.emplace_back();
  return parts;
}

ResultRow result_row(long long seed) {
  ResultRow r;
  r.profile = "ci";
  r.claim = "s0.kmeans_codes_above_70";
  r.source = "S0.7";
  r.seed = seed;
  r.metric = "majority_accuracy";
  r.value = 0.7346 + 0.001 * static_cast<double>(seed);
  r.comparison = ">";
  r.threshold = 0.70;
  r.verdict = "pass";
  r.source_figure = 0.7346;
  r.git_revision = "abc123";
  r.torch_version = "1.13.1";
  r.device = "cpu";
  r.threads = 2;
  r.dataset_checksum = "ba891046e650";
  r.seconds = 12.5;
  return r;
}

SummaryRow summary_row(const std::string& metric) {
  SummaryRow r;
  r.profile = "ci";
  r.claim = "s0.kmeans_codes_above_70";
  r.source = "S0.7";
  r.sentence = "k-means on the codes beats 70 percent";
  r.bias = "none";
  r.metric_verdict = "holds";
  r.record_status = "agrees";
  r.date = "2026-12-01T12:00:00Z";
  r.verdict = "reproduced";
  r.claim_seconds = 31.25;
  r.metric = metric;
  r.comparison = ">";
  r.threshold = 0.7;
  r.source_figure = std::nan("");
  r.n = 3;
  r.mean = 0.735;
  r.std = 0.01;
  r.min = 0.72;
  r.max = 0.75;
  r.ci95_low = 0.71;
  r.ci95_high = 0.76;
  r.git_revision = "abc123";
  r.torch_version = "1.13.1";
  r.device = "cpu";
  r.threads = 2;
  r.dataset_checksum = "ba891046e650";
  return r;
}

ImageCell image_cell(int col) {
  ImageCell c;
  c.claim = "s0.denoising";
  c.seed = 0;
  c.figure = "reconstructions";
  c.row = 0;
  c.col = col;
  c.row_label = "original";
  c.height = 2;
  c.width = 3;
  c.pixels = {0, 10, 20, 30, 40, 255};
  return c;
}

}  // namespace

const std::vector<CsvKind>& csv_kinds() {
  static const std::vector<CsvKind> kinds = {
      {"results",
       [](const std::filesystem::path& f) {
         write_results_csv(f, {result_row(0), result_row(1)});
       },
       [](const std::filesystem::path& f) { read_results_csv(f); }, "claim", "value", "threads"},
      {"index",
       [](const std::filesystem::path& f) {
         write_index_csv(f, {{"s0.a", "S0.1", "a holds", "", "reproduced", ""},
                             {"s0.b", "S0.2", "b holds", "fewer epochs", "not reproduced", "0.6"}});
       },
       [](const std::filesystem::path& f) { read_index_csv(f); }, "claim", "", ""},
      {"summary",
       [](const std::filesystem::path& f) {
         write_summary_csv(f, {summary_row("accuracy"), summary_row("purity")});
       },
       [](const std::filesystem::path& f) { read_summary_csv(f); }, "claim", "mean", "n"},
      {"series",
       [](const std::filesystem::path& f) {
         write_series_csv(f, {{"s0.a", 0, "loss_curve", "ae train", "1", 0.25},
                              {"s0.a", 0, "loss_curve", "ae train", "2", 0.125}});
       },
       [](const std::filesystem::path& f) { read_series_csv(f); }, "figure", "y", "seed"},
      // Before images (hostile_images_csv_test takes the last kind). The integer columns accept
      // "nan" (batch_size) or an empty field (threads): none listed.
      {"bench",
       [](const std::filesystem::path& f) {
         write_bench_csv(f, {{"train_step/s0_conv_dae/cpu", "s0_conv_dae", "train_step", "cpu",
                              "cpp", 256, 40.5, 6320.99, 12.25, 14.5, 2, "1.13.1", "abc123"},
                             {"sgemm/2048/cpu", "sgemm_2048", "sgemm", "cpu", "cpp", std::nullopt,
                              250.5, std::nan(""), 68.75, 100, 2, "1.13.1", "abc123"}});
       },
       [](const std::filesystem::path& f) { read_bench_csv(f); }, "benchmark", "milliseconds", ""},
      {"images",
       [](const std::filesystem::path& f) {
         write_images_csv(f, {image_cell(0), image_cell(1)});
       },
       [](const std::filesystem::path& f) { read_images_csv(f); }, "figure", "", "row"},
  };
  return kinds;
}

std::vector<CsvKind> csv_kinds_with_numbers() {
  std::vector<CsvKind> out;
  for (const auto& kind : csv_kinds()) {
    if (!kind.integer_column.empty()) out.push_back(kind);
  }
  return out;
}

std::string with_field(const std::string& text, unsigned line, const std::string& column,
                       const std::string& value) {
  auto lines = split(text, '\n');
  const auto header = split(lines.at(0), ',');
  size_t index = 0;
  while (index < header.size() && header[index] != column) ++index;
  if (index == header.size()) throw std::logic_error("no column " + column);
  auto fields = split(lines.at(line - 1), ',');
  fields.at(index) = value;
  std::string joined;
  for (size_t i = 0; i < fields.size(); ++i) joined += (i ? "," : "") + fields[i];
  lines[line - 1] = joined;
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) out += lines[i] + (i + 1 < lines.size() ? "\n" : "");
  return out;
}

}  // namespace aerepro::testing
