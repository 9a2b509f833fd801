#include "results/artifacts_csv.h"

#include "common/atomic_file.h"
#include "common/error.h"
#include "results/csv_fields.h"
#include "results/csv_reading.h"

#include <fmt/format.h>

#include <cctype>
#include <sstream>

namespace aerepro::results {

std::filesystem::path index_file(const std::filesystem::path& profile_dir) {
  return profile_dir / "index.csv";
}
std::filesystem::path summary_file(const std::filesystem::path& profile_dir,
                                   const std::string& claim) {
  return profile_dir / (claim + ".summary.csv");
}
std::filesystem::path series_file(const std::filesystem::path& profile_dir,
                                  const std::string& claim) {
  return profile_dir / (claim + ".series.csv");
}
std::filesystem::path images_file(const std::filesystem::path& profile_dir,
                                  const std::string& claim) {
  return profile_dir / (claim + ".images.csv");
}

// --- index -----------------------------------------------------------------------------------

void write_index_csv(const std::filesystem::path& file, const std::vector<ClaimIndexRow>& rows) {
  std::ostringstream out;
  out << "claim,source,sentence,departure,bias,assertions,origin,reading,reading_of\n";
  for (const auto& r : rows) {
    out << csv_quoted(r.claim) << ',' << csv_quoted(r.source) << ',' << csv_quoted(r.sentence)
        << ',' << csv_quoted(r.departure) << ',' << csv_quoted(r.bias) << ','
        << csv_quoted(r.assertions) << ',' << csv_quoted(r.origin) << ',' << csv_quoted(r.reading)
        << ',' << csv_quoted(r.reading_of) << '\n';
  }
  write_text_atomically(file, out.str());
}

std::vector<ClaimIndexRow> read_index_csv(const std::filesystem::path& file) {
  return guarded(file, "claim index", [&] {
    std::vector<ClaimIndexRow> rows;
    CsvReader<9> reader(file.string());
    // `origin` (6 Dec 2026) is optional: an index written before it reads as all "report";
    // `reading` and `reading_of` (7 Dec 2026) too: no claim there declares a reading.
    reader.read_header(io::ignore_no_column | io::ignore_missing_column, "claim", "source",
                       "sentence", "departure", "bias", "assertions", "origin", "reading",
                       "reading_of");
    require_columns(file, {"claim", "source", "sentence", "departure", "bias", "assertions"},
                    [&](const std::string& name) { return reader.has_column(name); });
    ClaimIndexRow r;
    while (reader.read_row(r.claim, r.source, r.sentence, r.departure, r.bias, r.assertions,
                           r.origin, r.reading, r.reading_of)) {
      if (r.origin.empty()) r.origin = "report";
      require_text(r.claim, file, reader.get_file_line(), "claim");
      rows.push_back(r);
    }
    return rows;
  });
}

// --- summary ---------------------------------------------------------------------------------

// The claim-wide texts of a summary: written on a claim's first row, empty on its later rows
// where equal, and carried forward from the row above when read.
constexpr std::string SummaryRow::*kCarriedForward[] = {
    &SummaryRow::source,          &SummaryRow::sentence, &SummaryRow::departure,
    &SummaryRow::verdict_note,    &SummaryRow::error,    &SummaryRow::record_note,
    &SummaryRow::dataset_checksum};

void write_summary_csv(const std::filesystem::path& file, const std::vector<SummaryRow>& rows) {
  std::ostringstream out;
  out << "profile,claim,source,sentence,departure,bias,verdict,verdict_note,error,"
         "claim_seconds,metric,comparison,threshold,source_figure,source_caveat,n,mean,std,min,"
         "max,ci95_low,ci95_high,met,metric_verdict,bound,opposite_bound,seeds_met,"
         "seeds_to_settle,record_status,record_note,date,git_revision,torch_version,device,"
         "threads,dataset_checksum,deterministic,host,pi95_low,pi95_high,figure_position,judged_"
         "revision,judged_by,declared_share,share_low,share_high,declared_seeds,pi_kind\n";
  const auto b = [](bool v) { return v ? "true" : "false"; };
  const SummaryRow* previous = nullptr;
  for (const auto& row : rows) {
    // The claim's long texts go on its first row only (read_summary_csv carries them forward):
    // a claim's summary repeated them on every metric's row, 3/4 of the records' bytes.
    SummaryRow r = row;
    if (previous && previous->claim == row.claim) {
      for (auto member : kCarriedForward) {
        if (row.*member == previous->*member) r.*member = "";
      }
    }
    previous = &row;
    out << csv_quoted(r.profile) << ',' << csv_quoted(r.claim) << ',' << csv_quoted(r.source) << ','
        << csv_quoted(r.sentence) << ',' << csv_quoted(r.departure) << ',' << csv_quoted(r.bias)
        << ',' << csv_quoted(r.verdict) << ',' << csv_quoted(r.verdict_note) << ','
        << csv_quoted(r.error) << ',' << csv_number(r.claim_seconds) << ',' << csv_quoted(r.metric)
        << ',' << csv_quoted(r.comparison) << ',' << csv_number(r.threshold) << ','
        << csv_number(r.source_figure) << ',' << csv_quoted(r.source_caveat) << ',' << r.n << ','
        << csv_number(r.mean) << ',' << csv_number(r.std) << ',' << csv_number(r.min) << ','
        << csv_number(r.max) << ',' << csv_number(r.ci95_low) << ',' << csv_number(r.ci95_high)
        << ',' << b(r.met) << ',' << csv_quoted(r.metric_verdict) << ',' << csv_number(r.bound)
        << ',' << csv_number(r.opposite_bound) << ',' << r.seeds_met << ',' << r.seeds_to_settle
        << ',' << csv_quoted(r.record_status) << ',' << csv_quoted(r.record_note) << ','
        << csv_quoted(r.date) << ',' << csv_quoted(r.git_revision) << ','
        << csv_quoted(r.torch_version) << ',' << csv_quoted(r.device) << ',' << r.threads << ','
        << csv_quoted(r.dataset_checksum) << ',' << b(r.deterministic) << ',' << csv_quoted(r.host)
        << ',' << csv_number(r.pi95_low) << ',' << csv_number(r.pi95_high) << ','
        << csv_quoted(r.figure_position) << ',' << csv_quoted(r.judged_revision) << ','
        << csv_quoted(r.judged_by) << ',' << csv_number(r.declared_share) << ','
        << csv_number(r.share_low) << ',' << csv_number(r.share_high) << ',' << r.declared_seeds
        << ',' << csv_quoted(r.pi_kind) << '\n';
  }
  write_text_atomically(file, out.str());
}

std::vector<SummaryRow> read_summary_csv(const std::filesystem::path& file) {
  return guarded(file, "summary file", [&] {
    std::vector<SummaryRow> rows;
    CsvReader<48> reader(file.string());
    // `host` (2 Dec 2026) and the prediction interval with the figure's position in it (6 Dec
    // 2026) are optional: summaries written before them still read.
    reader.read_header(
        io::ignore_no_column | io::ignore_missing_column, "profile", "claim", "source", "sentence",
        "departure", "bias", "verdict", "verdict_note", "error", "claim_seconds", "metric",
        "comparison", "threshold", "source_figure", "source_caveat", "n", "mean", "std", "min",
        "max", "ci95_low", "ci95_high", "met", "metric_verdict", "bound", "opposite_bound",
        "seeds_met", "seeds_to_settle", "record_status", "record_note", "date", "git_revision",
        "torch_version", "device", "threads", "dataset_checksum", "deterministic", "host",
        "pi95_low", "pi95_high", "figure_position", "judged_revision", "judged_by",
        "declared_share", "share_low", "share_high", "declared_seeds", "pi_kind");
    require_columns(file, {"profile",       "claim",
                           "source",        "sentence",
                           "departure",     "bias",
                           "verdict",       "verdict_note",
                           "error",         "claim_seconds",
                           "metric",        "comparison",
                           "threshold",     "source_figure",
                           "source_caveat", "n",
                           "mean",          "std",
                           "min",           "max",
                           "ci95_low",      "ci95_high",
                           "met",           "metric_verdict",
                           "bound",         "opposite_bound",
                           "seeds_met",     "seeds_to_settle",
                           "record_status", "record_note",
                           "date",          "git_revision",
                           "torch_version", "device",
                           "threads",       "dataset_checksum",
                           "deterministic"},
                    [&](const std::string& name) { return reader.has_column(name); });
    SummaryRow r;
    std::string claim_seconds, threshold, source_figure, n, mean, sd, mn, mx, lo, hi, met, bound,
        opposite, seeds_met, settle, threads, deterministic, pi_low, pi_high, declared_share,
        share_low, share_high, declared_seeds;
    while (reader.read_row(r.profile, r.claim, r.source, r.sentence, r.departure, r.bias, r.verdict,
                           r.verdict_note, r.error, claim_seconds, r.metric, r.comparison,
                           threshold, source_figure, r.source_caveat, n, mean, sd, mn, mx, lo, hi,
                           met, r.metric_verdict, bound, opposite, seeds_met, settle,
                           r.record_status, r.record_note, r.date, r.git_revision, r.torch_version,
                           r.device, threads, r.dataset_checksum, deterministic, r.host, pi_low,
                           pi_high, r.figure_position, r.judged_revision, r.judged_by,
                           declared_share, share_low, share_high, declared_seeds, r.pi_kind)) {
      const unsigned line = reader.get_file_line();
      require_text(r.claim, file, line, "claim");
      require_text(r.metric, file, line, "metric");
      r.claim_seconds = parse_csv_number(claim_seconds, file, line, "claim_seconds");
      r.threshold = parse_csv_number(threshold, file, line, "threshold");
      r.source_figure = parse_csv_number(source_figure, file, line, "source_figure");
      r.n = parse_csv_int(n, file, line, "n");
      r.mean = parse_csv_number(mean, file, line, "mean");
      r.std = parse_csv_number(sd, file, line, "std");
      r.min = parse_csv_number(mn, file, line, "min");
      r.max = parse_csv_number(mx, file, line, "max");
      r.ci95_low = parse_csv_number(lo, file, line, "ci95_low");
      r.ci95_high = parse_csv_number(hi, file, line, "ci95_high");
      r.met = parse_csv_bool(met, file, line, "met");
      r.bound = parse_csv_number(bound, file, line, "bound");
      r.opposite_bound = parse_csv_number(opposite, file, line, "opposite_bound");
      r.seeds_met = parse_csv_int(seeds_met, file, line, "seeds_met");
      r.seeds_to_settle = parse_csv_int(settle, file, line, "seeds_to_settle");
      r.threads = parse_csv_int(threads, file, line, "threads");
      r.deterministic = parse_csv_bool(deterministic, file, line, "deterministic");
      r.pi95_low = pi_low.empty() ? std::nan("") : parse_csv_number(pi_low, file, line, "pi95_low");
      r.pi95_high =
          pi_high.empty() ? std::nan("") : parse_csv_number(pi_high, file, line, "pi95_high");
      const auto optional_number = [&](std::string& text, const char* column) {
        const double v = text.empty() ? std::nan("") : parse_csv_number(text, file, line, column);
        text.clear();  // a missing column leaves the variable as it was
        return v;
      };
      r.declared_share = optional_number(declared_share, "declared_share");
      r.share_low = optional_number(share_low, "share_low");
      r.share_high = optional_number(share_high, "share_high");
      r.declared_seeds =
          declared_seeds.empty() ? 0 : parse_csv_int(declared_seeds, file, line, "declared_seeds");
      declared_seeds.clear();
      if (!rows.empty() && rows.back().claim == r.claim) {
        for (auto member : kCarriedForward) {
          if ((r.*member).empty()) r.*member = rows.back().*member;
        }
      }
      rows.push_back(r);
    }
    return rows;
  });
}

// --- series ----------------------------------------------------------------------------------

void write_series_csv(const std::filesystem::path& file, const std::vector<SeriesPoint>& points) {
  std::ostringstream out;
  out << "claim,seed,figure,series,x,y\n";
  for (const auto& p : points) {
    out << csv_quoted(p.claim) << ',' << p.seed << ',' << csv_quoted(p.figure) << ','
        << csv_quoted(p.series) << ',' << csv_quoted(p.x) << ',' << csv_number(p.y) << '\n';
  }
  write_text_atomically(file, out.str());
}

std::vector<SeriesPoint> read_series_csv(const std::filesystem::path& file) {
  return guarded(file, "series file", [&] {
    std::vector<SeriesPoint> points;
    CsvReader<6> reader(file.string());
    reader.read_header(io::ignore_no_column, "claim", "seed", "figure", "series", "x", "y");
    SeriesPoint p;
    std::string seed, y;
    while (reader.read_row(p.claim, seed, p.figure, p.series, p.x, y)) {
      const unsigned line = reader.get_file_line();
      require_text(p.claim, file, line, "claim");
      require_text(p.figure, file, line, "figure");
      p.seed = parse_csv_integer(seed, file, line, "seed");
      p.y = parse_csv_number(y, file, line, "y");
      points.push_back(p);
    }
    return points;
  });
}

// --- images ----------------------------------------------------------------------------------

void write_images_csv(const std::filesystem::path& file, const std::vector<ImageCell>& cells) {
  std::ostringstream out;
  out << "claim,seed,figure,row,col,row_label,height,width,pixels\n";
  for (const auto& c : cells) {
    if (c.pixels.size() != static_cast<size_t>(c.height) * static_cast<size_t>(c.width)) {
      throw ArtifactError(fmt::format("{}: image {} ({}, {}) has {} pixels, not {}x{}",
                                      file.string(), c.figure, c.row, c.col, c.pixels.size(),
                                      c.height, c.width));
    }
    out << csv_quoted(c.claim) << ',' << c.seed << ',' << csv_quoted(c.figure) << ',' << c.row
        << ',' << c.col << ',' << csv_quoted(c.row_label) << ',' << c.height << ',' << c.width
        << ',';
    for (size_t i = 0; i < c.pixels.size(); ++i) out << (i ? " " : "") << int(c.pixels[i]);
    out << '\n';
  }
  write_text_atomically(file, out.str());
}

std::vector<ImageCell> read_images_csv(const std::filesystem::path& file) {
  return guarded(file, "images file", [&] {
    std::vector<ImageCell> cells;
    CsvReader<9> reader(file.string());
    reader.read_header(io::ignore_no_column, "claim", "seed", "figure", "row", "col", "row_label",
                       "height", "width", "pixels");
    ImageCell c;
    std::string seed, row, col, height, width, pixels;
    while (reader.read_row(c.claim, seed, c.figure, row, col, c.row_label, height, width, pixels)) {
      const unsigned line = reader.get_file_line();
      require_text(c.claim, file, line, "claim");
      require_text(c.figure, file, line, "figure");
      c.seed = parse_csv_integer(seed, file, line, "seed");
      c.row = parse_csv_int(row, file, line, "row");
      c.col = parse_csv_int(col, file, line, "col");
      const auto h = parse_csv_integer(height, file, line, "height");
      const auto w = parse_csv_integer(width, file, line, "width");
      if (h < 1 || h > 1024 || w < 1 || w > 1024 || c.row < 0 || c.col < 0) {
        throw ArtifactError(fmt::format("{}:{}: image size {}x{} at ({}, {}) is out of range",
                                        file.string(), line, h, w, c.row, c.col));
      }
      c.height = static_cast<int>(h);
      c.width = static_cast<int>(w);
      c.pixels.clear();
      c.pixels.reserve(static_cast<size_t>(h * w));
      const char* p = pixels.c_str();
      while (*p) {
        char* end = nullptr;
        // digits only: strtol alone would also take a sign or leading blanks
        const long v = std::isdigit(static_cast<unsigned char>(*p)) ? std::strtol(p, &end, 10) : -1;
        if (end == p || v < 0 || v > 255 || (*end != ' ' && *end != '\0')) {
          throw ArtifactError(fmt::format("{}:{}: pixel {} is not an integer in 0..255",
                                          file.string(), line, c.pixels.size() + 1));
        }
        c.pixels.push_back(static_cast<uint8_t>(v));
        p = *end ? end + 1 : end;
      }
      if (c.pixels.size() != static_cast<size_t>(h * w)) {
        throw ArtifactError(fmt::format("{}:{}: {} pixels for a {}x{} image", file.string(), line,
                                        c.pixels.size(), h, w));
      }
      cells.push_back(c);
    }
    return cells;
  });
}

void write_figure_data(const std::filesystem::path& dir, const std::string& name,
                       const std::vector<SeriesPoint>& series,
                       const std::vector<ImageCell>& images) {
  std::error_code ignored;
  if (series.empty()) {
    std::filesystem::remove(series_file(dir, name), ignored);
  } else {
    write_series_csv(series_file(dir, name), series);
  }
  if (images.empty()) {
    std::filesystem::remove(images_file(dir, name), ignored);
  } else {
    write_images_csv(images_file(dir, name), images);
  }
}

}  // namespace aerepro::results
