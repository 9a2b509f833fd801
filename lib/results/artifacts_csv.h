// What a claim run leaves beside its rows for the report (which never retrains):
//   results/<profile>/index.csv            every claim of the harness (written by each run), so
//                                          the report can mark what was not run;
//   results/<profile>/<claim>.summary.csv  one row per metric: the spread over seeds, the
//                                          verdict and the claim's record (sentence, departure);
//   results/<profile>/<claim>.series.csv   figure data: (figure, series, seed, x, y) points;
//   results/<profile>/<claim>.images.csv   image grids: one 8-bit greyscale image per row.
// All are written atomically and read with the Fast C++ CSV Parser; readers throw
// ArtifactError naming the file and line. Nothing here depends on LibTorch.
#pragma once
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace aerepro::results {

// index.csv: columns claim, source, sentence, departure, bias, assertions, origin, reading,
// reading_of.
struct ClaimIndexRow {
  std::string claim;       // e.g. s0.kmeans_codes_above_70
  std::string source;      // SOURCES.md items, e.g. "S0.3, S0.7"
  std::string sentence;    // what the claim says (with the source's figure)
  std::string departure;   // how this profile departs from the source
  std::string bias;        // none|harder|easier|unknown, and why unknown (bias_text)
  std::string assertions;  // "metric > 0.7 (source 0.7346); ..." for this profile
  // Whose statement it checks: "report" (counted in its report's tally), "brief" (a headline
  // check of the project's brief) or "harness" (our own; never counted).
  std::string origin = "report";
  // The plausible reading it runs (claims::Reading; results/readings.h): the reading's name
  // ("" when the claim declares none) and, for a variant, the as-made claim's id.
  std::string reading;
  std::string reading_of;
};

// <claim>.summary.csv: one row per metric (a claim that produced no metric at all gets one row
// with metric "error"). The claim-wide texts (source, sentence, departure, verdict note, error,
// record note, dataset checksum) are written on the claim's first row only and carried forward
// when read.
struct SummaryRow {
  std::string profile;
  std::string claim;
  std::string source;
  std::string sentence;
  std::string departure;
  std::string bias;  // none | harder | easier | unknown (why), claims/departure.h bias_text()
  // "reproduced" | "not reproduced" | "inconclusive" | "error" | "no verdict (smoke)"
  std::string verdict;
  std::string verdict_note;  // why, beyond the metrics (e.g. departures favour the claim)
  std::string error;         // the first error of any seed, else ""
  double claim_seconds = 0;  // wall time of the whole claim (all seeds)
  std::string metric;
  std::string comparison;     // "<", ">", ... or "" (informative metric)
  double threshold = 0;       // NaN when informative
  double source_figure = 0;   // NaN when the source has none
  std::string source_caveat;  // why the source's figure is not comparable, else ""
  int n = 0;                  // seeds summarised
  double mean = 0, std = 0, min = 0, max = 0, ci95_low = 0, ci95_high = 0;
  bool met = true;  // mean meets comparison/threshold (true when informative)
  // The three-way verdict of an asserted metric (claims/verdict.h), "" when informative.
  std::string metric_verdict;
  double bound = 0;  // one-sided 95 % bound in the claim's direction (NaN: none)
  double opposite_bound = 0;
  int seeds_met = 0;        // seeds whose value meets the threshold
  int seeds_to_settle = 0;  // when inconclusive: about how many seeds would settle it (0: n/a)
  // The run against its record (records/<profile>/): "agrees" | "warning" | "differs" |
  // "no record" | "not compared", and the record's evidence (date, revision, numbers).
  std::string record_status;
  std::string record_note;
  std::string date;  // when the run ended (UTC, ISO 8601)
  // Environment.
  std::string git_revision;
  std::string torch_version;
  std::string device;
  int threads = 0;
  std::string dataset_checksum;
  bool deterministic = true;
  std::string host;  // ResultRow::host
  // The report's number against the method (the second question of a claim): the 95 %
  // prediction interval of one more run from these seeds (NaN for n < 2) and where the source's
  // figure lies in it: "inside" | "above" | "below" | "no spread (n = 1)" | "not comparable"
  // (see source_caveat) | "" (no figure).
  double pi95_low = std::nan("");
  double pi95_high = std::nan("");
  std::string figure_position;
  // The revision whose verdict rules judged these values (git_revision is the one that measured
  // them; `aerepro rejudge` judges them again); "" in summaries written before 6 Dec 2026.
  std::string judged_revision;
  // Issue 34 (optional columns: older summaries read with the defaults). How the metric is
  // judged ("mean" | "share"; "" when informative) and the declared share; the share of seeds
  // meeting the threshold as an exact (Clopper–Pearson) 95 % interval; the seeds declared for
  // the claim (0: none declared; n < declared_seeds: an interim result); and "range" where the
  // prediction interval is the seeds' range (a metric not near-normal), "t" otherwise.
  std::string judged_by;
  double declared_share = std::nan("");
  double share_low = std::nan("");
  double share_high = std::nan("");
  int declared_seeds = 0;
  std::string pi_kind;
};

// <claim>.series.csv: columns claim, seed, figure, series, x, y. `x` is text: a number for
// curves and scatter plots, a category for bars. The figure names the claims write are those of
// common/figure_catalog.h (FigureId), e.g.
//   loss_curve (series "<model label> train|validation", x epoch),
//   confusion_matrix (series = true class, x = assigned class, y = count),
//   codes_2d (series = class, x, y = the two coordinates), ... (see each claim).
// `figure` is the file's text as read: a name not in the catalog (another harness version's)
// is read as it is, not refused (the report draws it with labels made from the name).
struct SeriesPoint {
  std::string claim;
  long long seed = 0;
  std::string figure;
  std::string series;
  std::string x;
  double y = 0;
};

// <claim>.images.csv: columns claim, seed, figure, row, col, row_label, height, width, pixels;
// pixels is height*width values 0..255 (0 black), row-major, separated by single spaces.
// An image grid is all cells of one (claim, seed, figure), placed at (row, col).
struct ImageCell {
  std::string claim;
  long long seed = 0;
  std::string figure;  // as in SeriesPoint: a catalog name, or another one read as it is
  int row = 0;
  int col = 0;
  std::string row_label;  // e.g. "original", "noisy σ=0.5", "reconstructed"
  int height = 0;
  int width = 0;
  std::vector<uint8_t> pixels;
};

std::filesystem::path index_file(const std::filesystem::path& profile_dir);
std::filesystem::path summary_file(const std::filesystem::path& profile_dir,
                                   const std::string& claim);
std::filesystem::path series_file(const std::filesystem::path& profile_dir,
                                  const std::string& claim);
std::filesystem::path images_file(const std::filesystem::path& profile_dir,
                                  const std::string& claim);

void write_index_csv(const std::filesystem::path& file, const std::vector<ClaimIndexRow>& rows);
void write_summary_csv(const std::filesystem::path& file, const std::vector<SummaryRow>& rows);
void write_series_csv(const std::filesystem::path& file, const std::vector<SeriesPoint>& points);
void write_images_csv(const std::filesystem::path& file, const std::vector<ImageCell>& cells);

// <name>.series.csv and <name>.images.csv in `dir`: each written, or removed when there is
// nothing for it (so no stale figure outlives a rerun).
void write_figure_data(const std::filesystem::path& dir, const std::string& name,
                       const std::vector<SeriesPoint>& series,
                       const std::vector<ImageCell>& images);

std::vector<ClaimIndexRow> read_index_csv(const std::filesystem::path& file);
std::vector<SummaryRow> read_summary_csv(const std::filesystem::path& file);
std::vector<SeriesPoint> read_series_csv(const std::filesystem::path& file);
// Also checks each cell: height, width in 1..1024 and exactly height*width pixels in 0..255.
std::vector<ImageCell> read_images_csv(const std::filesystem::path& file);

}  // namespace aerepro::results
