// The three-way verdict of a claim over seeds (issues: verdicts with confidence; 34, the error
// rate of the whole procedure). Each look at a claim's seeds tests at kLookAlpha = 2.5 % per
// side, and a claim has at most two looks (its pilot, then a final sample declared from it:
// results/seed_plan.h), so the whole procedure errs at most 5 % per side (Bonferroni over the
// looks, whatever the final sample's overlap with the pilot). Per asserted metric, judged by
//   the mean (JudgedBy::mean): the one-sided 97.5 % Student-t bound of the mean in the claim's
//     direction, i.e. an end of the two-sided 95 % interval of the mean;
//   the share (JudgedBy::share): the exact binomial test of the share of seeds meeting the
//     threshold against the declared share (share_test.h; 0.5: the sign test of the median);
//   holds         the bound clears the threshold (e.g. for "> t": mean - t975·s/√n > t);
//   fails         the opposite bound misses it   (for "> t": mean + t975·s/√n does not exceed t);
//   inconclusive  neither (the interval straddles the threshold, or one seed gives no spread).
// A claim is reproduced when every asserted metric holds (an intersection-union test: each at
// 2.5 %), not reproduced when one fails after Holm's correction over the claim's k asserted
// metrics, else inconclusive. A profile's departures then limit what it may say
// (limit_by_bias); fewer seeds than declared give no verdict at all (interim). Nothing here
// depends on LibTorch.
#pragma once
#include "claims/assertion.h"

#include <optional>
#include <string>
#include <vector>

namespace aerepro::claims {

// `interim`: judged on fewer seeds than declared: the values are shown, no verdict yet.
enum class MetricVerdict { holds, fails, inconclusive, error, interim };
std::string to_string(MetricVerdict verdict);  // "holds", "fails", ..., "interim"
MetricVerdict parse_metric_verdict(const std::string& text);

// `vacuous`: every asserted metric holds, and holds on the claim's negative control too (issue
// 33): the procedure would say the same of a model that cannot have the property.
enum class ClaimVerdict {
  reproduced,
  not_reproduced,
  inconclusive,
  error,
  no_verdict,
  interim,
  vacuous
};
// "reproduced", "not reproduced", "inconclusive", "error", "no verdict (smoke)", "interim",
// "vacuous"
std::string to_string(ClaimVerdict verdict);

// The one-sided 95 % Student-t quantile t_{0.95, dof} (dof >= 1).
double t_quantile_95(int dof);
// The two-sided 95 % Student-t quantile t_{0.975, dof} (dof >= 1), exact for every dof.
double t_quantile_975(int dof);

// The one-sided Student-t quantile t_{p, dof} (dof >= 1, 0 < p < 1).
double t_quantile(double p, int dof);

// The level of each one-sided test at one look, and of the family on the failing side; two
// looks at most (pilot, final) keep the procedure's error per side within kProcedureAlpha.
constexpr double kLookAlpha = 0.025;
constexpr double kProcedureAlpha = 0.05;
constexpr double kVerdictAlpha = kLookAlpha;

struct MetricJudgement {
  MetricVerdict verdict = MetricVerdict::inconclusive;
  int n = 0;
  double mean = 0;
  double std = 0;
  JudgedBy judged_by = JudgedBy::mean;
  double share = 0.5;  // the declared share (JudgedBy::share)
  // One-sided 97.5 % bound of the mean in the claim's direction, and the other side's (NaN for
  // n < 2, and when judged by the share).
  double bound = 0;
  double opposite_bound = 0;
  int seeds_met = 0;  // seeds whose own value meets the threshold
  // The share of seeds meeting it: Clopper–Pearson one-sided 97.5 % bounds (a two-sided 95 %
  // interval); set for every judgement, decisive when judged by the share.
  double share_low = 0, share_high = 1;
  // One-sided p-value of "the true mean meets the threshold" against the seeds (small: the
  // seeds miss it); NaN for n < 2. `fails` alone means miss_p <= 5 %.
  double miss_p = 0;
  // Set by judge_family when this metric failed on its own but not after Holm's correction
  // over the claim's `family_size` asserted metrics (it is then inconclusive).
  bool fails_only_uncorrected = false;
  int family_size = 1;
  // When inconclusive with n >= 2: about how many seeds would settle it at the measured mean
  // and spread (or share); none beyond the practical cap (50). Then `on_threshold` says why:
  // the mean lies within the half-width 50 seeds would give (it sits on the threshold), or not
  // (the spread is too large for a practical number of seeds).
  std::optional<int> seeds_to_settle;
  bool on_threshold = false;
  // The declared seeds are not all in: the judgement is shown, but gives no verdict.
  int declared_seeds = 0;
  std::string explain() const;  // one line: "holds: lower bound 0.71 > 0.7 (5/5 seeds meet it)"
};

// Judges `values` (one per seed) against `comparison` `threshold`, by the mean or by the share
// of seeds meeting it against `share`. A NaN value gives `error`.
MetricJudgement judge(const std::vector<double>& values, Comparison comparison, double threshold,
                      JudgedBy judged_by = JudgedBy::mean, double share = 0.5);
MetricJudgement judge(const std::vector<double>& values, const Assertion& assertion,
                      double threshold);

// Holm's step-down correction on the failing side over one claim's asserted metrics: a metric
// keeps `fails` only when its miss_p is rejected by Holm at kVerdictAlpha; the others become
// inconclusive (fails_only_uncorrected). Holds are untouched (the intersection-union test needs
// no correction). Every judgement's family_size is set to the list's size.
void judge_family(std::vector<MetricJudgement*> family);

// The claim's verdict from its metrics' verdicts (an empty list: inconclusive).
ClaimVerdict combine(const std::vector<MetricVerdict>& verdicts);

// What a claim may say given its negative control's verdict (claims/claim.h, Control): a claim
// reproduced where its control is reproduced too is vacuous; every other verdict stands (a
// control that fails or is inconclusive leaves it). `note` receives why ("" when unchanged).
ClaimVerdict limit_by_control(ClaimVerdict verdict, ClaimVerdict control,
                              const std::string& stands_in, std::string* note);

// What a profile may say given its departures' bias: `easier` cannot call a claim reproduced,
// `harder` cannot call it not reproduced (either becomes inconclusive); `none` and `unknown`
// leave the verdict. `note` receives why the verdict changed ("" when it did not).
ClaimVerdict limit_by_bias(ClaimVerdict verdict, Bias bias, std::string* note);

// The 95 % prediction interval of one more run of the method, from n seeds:
// mean ± t_{0.975, n-1} · s · sqrt(1 + 1/n). Empty for n < 2 or a NaN value.
constexpr double kSinglePrecisionTolerance = 1e-5;
struct PredictionInterval {
  double low = 0, high = 0;
  bool range = false;  // the seeds' range [min, max] in place of the t interval (not near-normal)
};
std::optional<PredictionInterval> prediction_interval_95(const std::vector<double>& values);
// Where a metric is not near-normal (judged by the share): the seeds' range, said so (`range`).
// Empty for n < 2 or a NaN value.
std::optional<PredictionInterval> seeds_range(const std::vector<double>& values);

// Where the report's printed figure lies against the method's prediction interval: "inside",
// "above", "below", "no spread (n = 1)" (one seed), or "" (no figure). The figure stands for
// every value that rounds to it (13.87: [13.865, 13.875]), so a deterministic method whose value
// rounds to the printed one is "inside"; and the interval is widened by a relative
// kSinglePrecisionTolerance, the reports' float32 arithmetic.
std::string figure_position(const std::optional<PredictionInterval>& interval, int n,
                            double figure);

// Whether a mean sits on its threshold: within the half-width of the one-sided bound that `cap`
// seeds of this spread would give (else an unsettled metric's spread is too large).
bool sits_on_threshold(double mean, double std, double threshold, int cap);

// Seeds needed for 80 % power of the one-sided test at kVerdictAlpha to settle a metric whose
// true mean and spread are the pilot's (noncentral t); none when more than `cap` would be
// needed, when the mean sits on the threshold, or when the pilot has no spread.
std::optional<int> seeds_for_power(double mean, double std, double threshold, int cap,
                                   double power = 0.8);

}  // namespace aerepro::claims
