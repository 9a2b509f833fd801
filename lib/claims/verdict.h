// The three-way verdict of a claim over seeds (issue: verdicts with confidence). Per asserted
// metric, the one-sided 95 % Student-t bound of the mean in the claim's direction decides:
//   holds         the bound clears the threshold (e.g. for "> t": mean - t95·s/√n > t);
//   fails         the opposite bound misses it   (for "> t": mean + t95·s/√n does not exceed t);
//   inconclusive  neither (the interval straddles the threshold, or one seed gives no spread).
// A claim is reproduced when every asserted metric holds (an intersection-union test: each at
// 5 %), not reproduced when one fails after Holm's correction over the claim's k asserted metrics
// (so a claim true at its thresholds is called not reproduced at most 5 % of the time, not
// 1 - 0.95^k), else inconclusive. A profile's departures then limit what it may say
// (limit_by_bias). Nothing here depends on LibTorch.
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
// The two-sided 95 % Student-t quantile t_{0.975, dof} (dof >= 1), exact for every dof.
double t_quantile_975(int dof);

// The level of each one-sided test, and of the family on the failing side.
constexpr double kVerdictAlpha = 0.05;

struct MetricJudgement {
  MetricVerdict verdict = MetricVerdict::inconclusive;
  int n = 0;
  double mean = 0;
  double std = 0;
  double bound = 0;           // one-sided 95 % bound in the claim's direction (NaN for n < 2)
  double opposite_bound = 0;  // the other side's (NaN for n < 2)
  int seeds_met = 0;          // seeds whose own value meets the threshold
  // One-sided p-value of "the true mean meets the threshold" against the seeds (small: the
  // seeds miss it); NaN for n < 2. `fails` alone means miss_p <= 5 %.
  double miss_p = 0;
  // Set by judge_family when this metric failed on its own but not after Holm's correction
  // over the claim's `family_size` asserted metrics (it is then inconclusive).
  bool fails_only_uncorrected = false;
  int family_size = 1;
  // When inconclusive with n >= 2: about how many seeds would settle it at the measured mean
  // and spread (none when the mean sits on the threshold or more than 1,000 would be needed).
  std::optional<int> seeds_to_settle;
  std::string explain() const;  // one line: "holds: lower bound 0.71 > 0.7 (5/5 seeds meet it)"
};

// Judges `values` (one per seed) against `comparison` `threshold`. A NaN value gives `error`.
MetricJudgement judge(const std::vector<double>& values, Comparison comparison, double threshold);

// Holm's step-down correction on the failing side over one claim's asserted metrics: a metric
// keeps `fails` only when its miss_p is rejected by Holm at kVerdictAlpha; the others become
// inconclusive (fails_only_uncorrected). Holds are untouched (the intersection-union test needs
// no correction). Every judgement's family_size is set to the list's size.
void judge_family(std::vector<MetricJudgement*> family);

// The claim's verdict from its metrics' verdicts (an empty list: inconclusive).
ClaimVerdict combine(const std::vector<MetricVerdict>& verdicts);

// What a profile may say given its departures' bias: `easier` cannot call a claim reproduced,
// `harder` cannot call it not reproduced (either becomes inconclusive); `none` and `unknown`
// leave the verdict. `note` receives why the verdict changed ("" when it did not).
ClaimVerdict limit_by_bias(ClaimVerdict verdict, Bias bias, std::string* note);

// The 95 % prediction interval of one more run of the method, from n seeds:
// mean ± t_{0.975, n-1} · s · sqrt(1 + 1/n). Empty for n < 2 or a NaN value.
constexpr double kSinglePrecisionTolerance = 1e-5;
struct PredictionInterval {
  double low = 0, high = 0;
};
std::optional<PredictionInterval> prediction_interval_95(const std::vector<double>& values);

// Where the report's printed figure lies against the method's prediction interval: "inside",
// "above", "below", "no spread (n = 1)" (one seed), or "" (no figure). The figure stands for
// every value that rounds to it (13.87: [13.865, 13.875]), so a deterministic method whose value
// rounds to the printed one is "inside"; and the interval is widened by a relative
// kSinglePrecisionTolerance, the reports' float32 arithmetic.
std::string figure_position(const std::optional<PredictionInterval>& interval, int n,
                            double figure);

// Seeds needed for 80 % power of the one-sided test at kVerdictAlpha to settle a metric whose
// true mean and spread are the pilot's (noncentral t); none when more than `cap` would be
// needed, when the mean sits on the threshold, or when the pilot has no spread.
std::optional<int> seeds_for_power(double mean, double std, double threshold, int cap,
                                   double power = 0.8);

}  // namespace aerepro::claims
