#include "results/results_csv.h"

#include "common/atomic_file.h"
#include "common/error.h"
#include "results/csv_fields.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include <fmt/format.h>

#include <cmath>
#include <sstream>

namespace aerepro::results {

void write_results_csv(const std::filesystem::path& file, const std::vector<ResultRow>& rows) {
  std::ostringstream out;
  const auto& columns = result_columns();
  for (size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << columns[i];
  out << "\n";
  for (const auto& r : rows) {
    out << csv_quoted(r.profile) << ',' << csv_quoted(r.claim) << ',' << csv_quoted(r.source) << ','
        << r.seed << ',' << csv_quoted(r.metric) << ',' << csv_number(r.value) << ','
        << csv_quoted(r.comparison) << ',' << csv_number(r.threshold) << ','
        << csv_quoted(r.verdict) << ',' << csv_number(r.source_figure) << ','
        << csv_quoted(r.git_revision) << ',' << csv_quoted(r.torch_version) << ','
        << csv_quoted(r.device) << ',' << r.threads << ',' << csv_quoted(r.dataset_checksum) << ','
        << csv_number(r.seconds) << ',' << csv_quoted(r.date) << ','
        << (r.deterministic ? "true" : "false") << ',' << csv_quoted(r.note) << ','
        << csv_quoted(r.host) << "\n";
  }
  write_text_atomically(file, out.str());
}

std::vector<ResultRow> read_results_csv(const std::filesystem::path& file) {
  require_nonempty_file(file, "results file");
  std::vector<ResultRow> rows;
  try {
    io::CSVReader<20, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>> reader(
        file.string());
    // `host` (2 Dec 2026) is optional: records written before it still read.
    reader.read_header(io::ignore_no_column | io::ignore_missing_column, "profile", "claim",
                       "source", "seed", "metric", "value", "comparison", "threshold", "verdict",
                       "source_figure", "git_revision", "torch_version", "device", "threads",
                       "dataset_checksum", "seconds", "date", "deterministic", "note", "host");
    require_columns(
        file,
        {"profile", "claim", "source", "seed", "metric", "value", "comparison", "threshold",
         "verdict", "source_figure", "git_revision", "torch_version", "device", "threads",
         "dataset_checksum", "seconds", "date", "deterministic", "note"},
        [&](const std::string& name) { return reader.has_column(name); });
    std::string seed, value, threshold, source_figure, threads, seconds, deterministic;
    ResultRow r;
    while (reader.read_row(r.profile, r.claim, r.source, seed, r.metric, value, r.comparison,
                           threshold, r.verdict, source_figure, r.git_revision, r.torch_version,
                           r.device, threads, r.dataset_checksum, seconds, r.date, deterministic,
                           r.note, r.host)) {
      const unsigned line = reader.get_file_line();
      r.seed = parse_csv_integer(seed, file, line, "seed");
      r.value = parse_csv_number(value, file, line, "value");
      r.threshold = parse_csv_number(threshold, file, line, "threshold");
      r.source_figure = parse_csv_number(source_figure, file, line, "source_figure");
      r.threads = parse_csv_int(threads, file, line, "threads");
      r.seconds = parse_csv_number(seconds, file, line, "seconds");
      r.deterministic = parse_csv_bool(deterministic, file, line, "deterministic");
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
