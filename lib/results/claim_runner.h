// Runs a claim over its seeds, summarises each metric, decides the verdict and writes the rows
// to results/<profile>/<claim>.csv (atomically).
#pragma once
#include "claims/claim.h"
#include "claims/claim_support.h"
#include "claims/statistics.h"
#include "results/result_row.h"

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace aerepro::results {

struct RunOptions {
  claims::Profile profile = claims::Profile::ci;
  int seeds = 0;                 // 0: the profile's default
  uint64_t first_seed = 0;       // seeds first_seed, first_seed + 1, ...
  torch::Device device = torch::kCPU;
  // The run uses LibTorch's deterministic algorithms (use_deterministic_algorithms(), set by the
  // caller). CPU rows are always recorded as deterministic; CUDA rows only with this set.
  bool deterministic_algorithms = false;
  std::filesystem::path results_root;  // empty: $AEREPRO_RESULTS_DIR, else <source>/results
  data::DatasetOptions data;
  train::CheckpointStore checkpoints;
  bool progress = true;
  std::ostream* log = nullptr;   // one line per seed and a verdict line, when set
  // Datasets shared across seeds and claims; run_claim makes one for its seeds when empty.
  std::shared_ptr<claims::DataCache> cache;
};

std::filesystem::path resolve_results_root(const RunOptions& options);
std::filesystem::path results_file(const RunOptions& options, const std::string& claim_id);

struct MetricSummary {
  std::string metric;
  std::string comparison;  // "" for informative metrics
  double threshold = 0;
  double source_figure = 0;
  claims::SeedSummary summary;
  bool met = true;         // comparison holds for the mean (always true when informative)
};

struct ClaimOutcome {
  const claims::Claim* claim = nullptr;
  claims::Profile profile = claims::Profile::ci;
  std::vector<MetricSummary> metrics;
  bool reproduced = false;        // every asserted metric's mean meets its threshold, no error
  claims::Expectation expected;   // what the claim record says this profile should give
  std::string error;              // the first error (e.g. divergence), if any
  std::vector<ResultRow> rows;
  std::filesystem::path file;
  double seconds = 0;

  bool as_expected() const { return error.empty() && reproduced == expected.reproduced; }
  // "reproduced" | "not reproduced" | "error"
  std::string verdict() const;
};

// Evaluates `claim` for each seed. An aerepro::Error or LibTorch error in one seed is recorded
// (row note, outcome.error) and the remaining seeds still run; the rows are written even then.
ClaimOutcome run_claim(const claims::Claim& claim, const RunOptions& options);

}  // namespace aerepro::results
