#include "results/results_csv.h"

#include "common/atomic_file.h"
#include "common/error.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include <fmt/format.h>

#include <cmath>
#include <sstream>

namespace aerepro::results {
namespace {

std::string quoted(const std::string& field) {
  if (field.find_first_of(",\"\n\r") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string number(double value) {
  if (std::isnan(value)) return "nan";
  return fmt::format("{:.9g}", value);
}

double parse_number(const std::string& text, const std::filesystem::path& file, unsigned line,
                    const char* column) {
  if (text == "nan" || text == "NaN") return std::nan("");
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || std::isinf(value)) {
    throw ArtifactError(fmt::format("{}:{}: column '{}' holds '{}', not a number", file.string(),
                                    line, column, text));
  }
  return value;
}

long long parse_integer(const std::string& text, const std::filesystem::path& file,
                        unsigned line, const char* column) {
  char* end = nullptr;
  const long long value = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0') {
    throw ArtifactError(fmt::format("{}:{}: column '{}' holds '{}', not an integer",
                                    file.string(), line, column, text));
  }
  return value;
}

}  // namespace

void write_results_csv(const std::filesystem::path& file, const std::vector<ResultRow>& rows) {
  std::ostringstream out;
  const auto& columns = result_columns();
  for (size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << columns[i];
  out << "\n";
  for (const auto& r : rows) {
    out << quoted(r.profile) << ',' << quoted(r.claim) << ',' << quoted(r.source) << ','
        << r.seed << ',' << quoted(r.metric) << ',' << number(r.value) << ','
        << quoted(r.comparison) << ',' << number(r.threshold) << ',' << quoted(r.verdict) << ','
        << number(r.source_figure) << ',' << quoted(r.git_revision) << ','
        << quoted(r.torch_version) << ',' << quoted(r.device) << ',' << r.threads << ','
        << quoted(r.dataset_checksum) << ',' << number(r.seconds) << ','
        << (r.deterministic ? "true" : "false") << ',' << quoted(r.note) << "\n";
  }
  write_text_atomically(file, out.str());
}

std::vector<ResultRow> read_results_csv(const std::filesystem::path& file) {
  if (!std::filesystem::exists(file)) {
    throw ArtifactError(file.string() + ": results file not found");
  }
  if (std::filesystem::file_size(file) == 0) {
    throw ArtifactError(file.string() + ": empty results file (no header)");
  }
  std::vector<ResultRow> rows;
  try {
    io::CSVReader<18, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>> reader(
        file.string());
    reader.read_header(io::ignore_no_column, "profile", "claim", "source", "seed", "metric",
                       "value", "comparison", "threshold", "verdict", "source_figure",
                       "git_revision", "torch_version", "device", "threads", "dataset_checksum",
                       "seconds", "deterministic", "note");
    std::string seed, value, threshold, source_figure, threads, seconds, deterministic;
    ResultRow r;
    while (reader.read_row(r.profile, r.claim, r.source, seed, r.metric, value, r.comparison,
                           threshold, r.verdict, source_figure, r.git_revision, r.torch_version,
                           r.device, threads, r.dataset_checksum, seconds, deterministic,
                           r.note)) {
      const unsigned line = reader.get_file_line();
      r.seed = parse_integer(seed, file, line, "seed");
      r.value = parse_number(value, file, line, "value");
      r.threshold = parse_number(threshold, file, line, "threshold");
      r.source_figure = parse_number(source_figure, file, line, "source_figure");
      r.threads = static_cast<int>(parse_integer(threads, file, line, "threads"));
      r.seconds = parse_number(seconds, file, line, "seconds");
      if (deterministic != "true" && deterministic != "false") {
        throw ArtifactError(fmt::format("{}:{}: column 'deterministic' holds '{}', not true/false",
                                        file.string(), line, deterministic));
      }
      r.deterministic = deterministic == "true";
      if (r.claim.empty()) {
        throw ArtifactError(fmt::format("{}:{}: empty claim id", file.string(), line));
      }
      rows.push_back(r);
    }
  } catch (const io::error::base& e) {
    // The parser's own messages name the file and line: a missing or extra column in the
    // header, too few or too many columns on a line (a truncated last line), a bad quote.
    throw ArtifactError(std::string(e.what()));
  }
  return rows;
}

}  // namespace aerepro::results
