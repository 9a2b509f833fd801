// Runs a claim over its seeds, summarises each metric, judges the asserted ones (claims/verdict.h),
// compares the run with the claim's record (records/<profile>/, results/record.h) and writes the
// rows to results/<profile>/<claim>.csv (atomically).
#pragma once
#include "claims/claim.h"
#include "claims/claim_support.h"
#include "claims/statistics.h"
#include "claims/verdict.h"
#include "results/artifacts_csv.h"
#include "results/record.h"
#include "results/result_row.h"
#include "results/seed_plan.h"

#include <cmath>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace aerepro::results {

struct RunOptions {
  claims::Profile profile = claims::Profile::ci;
  int seeds = 0;            // 0: the profile's default
  uint64_t first_seed = 0;  // seeds first_seed, first_seed + 1, ...
  torch::Device device = torch::kCPU;
  // The run uses LibTorch's deterministic algorithms (use_deterministic_algorithms(), set by the
  // caller). CPU rows are always recorded as deterministic; CUDA rows only with this set.
  bool deterministic_algorithms = false;
  std::filesystem::path results_root;  // empty: $AEREPRO_RESULTS_DIR, else <source>/results
  std::filesystem::path records_root;  // empty: $AEREPRO_RECORDS_DIR, else <source>/records
  // The git checkout whose history says whether shards of two revisions may merge (empty: the
  // source tree this program was built from).
  std::filesystem::path source_dir;
  data::DatasetOptions data;
  train::CheckpointStore checkpoints;
  bool progress = true;
  std::ostream* log = nullptr;  // one line per seed and a verdict line, when set
  // The sample the verdict uses (results/seed_plan.h: declared_sample); none: every seed run.
  // Rows of other seeds are set aside (not judged, not written), and fewer of its seeds than
  // declared give an interim result (values, no verdict). Callers that run seeds set `seeds` and
  // `first_seed` from it.
  std::optional<DeclaredSample> declared;
  // Measure only each seed's negative control (claims/claim.h, Control), not the claim: the
  // rows of an old record then gain their control (results/record_controls.h).
  bool controls_only = false;
  // Datasets shared across seeds and claims; run_claim makes one for its seeds when empty.
  std::shared_ptr<claims::DataCache> cache;
};

std::filesystem::path resolve_results_root(const RunOptions& options);
std::filesystem::path results_file(const RunOptions& options, const std::string& claim_id);

// index.csv's rows for `profile`: every claim, its departure and bias, its assertions.
std::vector<ClaimIndexRow> claim_index(claims::Profile profile);

struct MetricSummary {
  std::string metric;
  std::optional<claims::Assertion> assertion;  // set when the claim asserts it in this profile
  double threshold = std::nan("");             // the profile's threshold (NaN: informative)
  double source_figure = std::nan("");
  claims::SeedSummary summary;
  std::vector<double> values;         // one per seed, in seed order
  claims::MetricJudgement judgement;  // meaningful when asserted
  // The report's number against the method: one more run's 95 % prediction interval (none for
  // n < 2) and where source_figure lies in it (claims::figure_position; "not comparable" when
  // the assertion gives a caveat).
  std::optional<claims::PredictionInterval> prediction;
  std::string figure_position;
  bool asserted() const { return assertion.has_value(); }
  // A negative control's value of an asserted metric ("control.<metric>"): judged like it,
  // never part of the claim's own verdict (it decides whether the claim is vacuous).
  bool control() const { return claims::is_control_metric(metric); }
  bool met() const;  // the mean meets the threshold (true: informative)
};

struct ClaimOutcome {
  const claims::Claim* claim = nullptr;
  claims::Profile profile = claims::Profile::ci;
  std::vector<MetricSummary> metrics;
  claims::ClaimVerdict verdict = claims::ClaimVerdict::error;
  // The negative control's verdict over its seeds (none: the claim has no control)
  std::optional<claims::ClaimVerdict> control_verdict;
  // Why the verdict is what it is beyond its metrics (e.g. this profile's departures favour the
  // claim, so it cannot be called reproduced), else "".
  std::string verdict_note;
  std::string error;        // the first error (e.g. divergence), if any
  RecordComparison record;  // the run against records/<profile>/<claim>
  std::vector<ResultRow> rows;
  std::filesystem::path file;
  double seconds = 0;
  int declared_seeds = 0;   // the declared sample's size (0: none declared)
  int seeds_in_sample = 0;  // the distinct seeds judged

  // "reproduced", ..., or "interim (5 of 46 declared)"
  std::string verdict_text() const;
  // No error, and the record (where one exists) agrees.
  bool ok() const { return error.empty() && record.status != RecordStatus::differs; }
};
// What a claim's seeds produced: rows (one per seed and metric; a failed seed has one row with
// metric "error" and the error in its note), figure data and image grids (those of the first
// seed that produced any).
struct SeedResults {
  std::vector<ResultRow> rows;
  std::vector<SeriesPoint> series;
  std::vector<ImageCell> images;
};

// Evaluates `claim` for seeds first_seed … first_seed + seeds - 1. An aerepro::Error or
// LibTorch error in one seed is recorded (an "error" row) and the remaining seeds still run.
SeedResults evaluate_seeds(const claims::Claim& claim, const RunOptions& options);

// Summarises `results` per metric, judges the asserted ones, compares with the record, and
// writes the rows and artifacts to results/<profile>/ (`seconds`: the claim's wall time).
ClaimOutcome conclude_claim(const claims::Claim& claim, const RunOptions& options,
                            const SeedResults& results, double seconds);

// evaluate_seeds, then conclude_claim; the rows are written even when a seed failed.
ClaimOutcome run_claim(const claims::Claim& claim, const RunOptions& options);

}  // namespace aerepro::results
