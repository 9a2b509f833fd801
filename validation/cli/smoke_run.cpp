#include "smoke_run.h"

#include "results/results_csv.h"

#include <cstring>

namespace aerepro::testing {
namespace {

bool same_bits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

}  // namespace

std::vector<std::string> SmokeRun::args() const {
  // One thread: results are bit-identical only for the same thread count.
  return {"run",       "--claim", kDeterminismClaim, "--profile",     "smoke",
          "--threads", "1",       "--results",       results.string()};
}

std::vector<std::string> SmokeRun::env() const {
  return {"AEREPRO_CHECKPOINT_DIR=" + checkpoints.string(), "OMP_NUM_THREADS=1",
          "OMP_WAIT_POLICY=PASSIVE"};
}

CliResult SmokeRun::run() const {
  return run_cli(args(), env());
}

std::vector<results::ResultRow> SmokeRun::rows() const {
  return results::read_results_csv(results / "smoke" / (std::string(kDeterminismClaim) + ".csv"));
}

std::string compare_rows(const std::vector<results::ResultRow>& a,
                         const std::vector<results::ResultRow>& b) {
  if (a.size() != b.size()) {
    return std::to_string(a.size()) + " rows against " + std::to_string(b.size());
  }
  for (size_t i = 0; i < a.size(); ++i) {
    const auto& x = a[i];
    const auto& y = b[i];
    const auto where = "row " + std::to_string(i) + " (" + x.metric + "): ";
    if (x.claim != y.claim || x.seed != y.seed || x.metric != y.metric) return where + "other key";
    if (!same_bits(x.value, y.value)) {
      return where + "value " + std::to_string(x.value) + " vs " + std::to_string(y.value);
    }
    if (!same_bits(x.threshold, y.threshold) || !same_bits(x.source_figure, y.source_figure) ||
        x.comparison != y.comparison || x.verdict != y.verdict) {
      return where + "threshold, comparison or verdict";
    }
    if (x.dataset_checksum != y.dataset_checksum || x.threads != y.threads ||
        x.deterministic != y.deterministic || x.device != y.device ||
        x.torch_version != y.torch_version || x.git_revision != y.git_revision) {
      return where + "environment";
    }
    if (x.note != y.note) return where + "note '" + x.note + "' vs '" + y.note + "'";
  }
  return "";
}

}  // namespace aerepro::testing
