// The three-way verdict of a claim over seeds (issue: verdicts with confidence). Per asserted
// metric, the one-sided 95 % Student-t bound of the mean in the claim's direction decides:
//   holds         the bound clears the threshold (e.g. for "> t": mean - t95·s/√n > t);
//   fails         the opposite bound misses it   (for "> t": mean + t95·s/√n does not exceed t);
//   inconclusive  neither (the interval straddles the threshold, or one seed gives no spread).
// A claim is reproduced when every asserted metric holds, not reproduced when one fails, else
// inconclusive. Nothing here depends on LibTorch.
#pragma once
#include "claims/assertion.h"

#include <optional>
#include <string>
#include <vector>

namespace aerepro::claims {

enum class MetricVerdict { holds, fails, inconclusive, error };
std::string to_string(MetricVerdict verdict);  // "holds", "fails", "inconclusive", "error"
MetricVerdict parse_metric_verdict(const std::string& text);

enum class ClaimVerdict { reproduced, not_reproduced, inconclusive, error, no_verdict };
// "reproduced", "not reproduced", "inconclusive", "error", "no verdict (smoke)"
std::string to_string(ClaimVerdict verdict);

// The one-sided 95 % Student-t quantile t_{0.95, dof} (dof >= 1).
double t_quantile_95(int dof);

struct MetricJudgement {
  MetricVerdict verdict = MetricVerdict::inconclusive;
  int n = 0;
  double mean = 0;
  double std = 0;
  double bound = 0;           // one-sided 95 % bound in the claim's direction (NaN for n < 2)
  double opposite_bound = 0;  // the other side's (NaN for n < 2)
  int seeds_met = 0;          // seeds whose own value meets the threshold
  // When inconclusive with n >= 2: about how many seeds would settle it at the measured mean
  // and spread (none when the mean sits on the threshold or more than 1,000 would be needed).
  std::optional<int> seeds_to_settle;
  std::string explain() const;  // one line: "holds: lower bound 0.71 > 0.7 (5/5 seeds meet it)"
};

// Judges `values` (one per seed) against `comparison` `threshold`. A NaN value gives `error`.
MetricJudgement judge(const std::vector<double>& values, Comparison comparison, double threshold);

// The claim's verdict from its metrics' verdicts (an empty list: inconclusive).
ClaimVerdict combine(const std::vector<MetricVerdict>& verdicts);

}  // namespace aerepro::claims
