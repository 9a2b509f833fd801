#include "claims/verdict.h"

#include "claims/share_test.h"
#include "common/enum_names.h"
#include "common/error.h"

#include <fmt/format.h>
#include <boost/math/distributions/non_central_t.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace aerepro::claims {

constexpr EnumName<MetricVerdict> kMetricVerdictNames[] = {
    {MetricVerdict::holds, "holds"},
    {MetricVerdict::fails, "fails"},
    {MetricVerdict::inconclusive, "inconclusive"},
    {MetricVerdict::error, "error"},
    {MetricVerdict::interim, "interim"}};
static_assert(enum_names_complete(kMetricVerdictNames, MetricVerdict::interim));

constexpr EnumName<ClaimVerdict> kClaimVerdictNames[] = {
    {ClaimVerdict::reproduced, "reproduced"},
    {ClaimVerdict::not_reproduced, "not reproduced"},
    {ClaimVerdict::inconclusive, "inconclusive"},
    {ClaimVerdict::error, "error"},
    {ClaimVerdict::no_verdict, "no verdict (smoke)"},
    {ClaimVerdict::interim, "interim"},
    {ClaimVerdict::vacuous, "vacuous"}};
static_assert(enum_names_complete(kClaimVerdictNames, ClaimVerdict::vacuous));

std::string to_string(MetricVerdict verdict) {
  return std::string(enum_name(kMetricVerdictNames, verdict));
}

MetricVerdict parse_metric_verdict(const std::string& text) {
  return parse_enum(kMetricVerdictNames, text, "metric verdict");
}

std::string to_string(ClaimVerdict verdict) {
  return std::string(enum_name(kClaimVerdictNames, verdict));
}

double t_quantile(double p, int dof) {
  if (dof < 1) throw UsageError("t quantile needs at least one degree of freedom");
  return boost::math::quantile(boost::math::students_t(static_cast<double>(dof)), p);
}

double t_quantile_95(int dof) {
  if (dof < 1) throw UsageError("t quantile needs at least one degree of freedom");
  return boost::math::quantile(boost::math::students_t(static_cast<double>(dof)), 0.95);
}

double t_quantile_975(int dof) {
  if (dof < 1) throw UsageError("t quantile needs at least one degree of freedom");
  return boost::math::quantile(boost::math::students_t(static_cast<double>(dof)), 0.975);
}

namespace {

// The practical cap on a claim's seeds: beyond it a metric is "on its threshold".
constexpr int kSettleCap = 50;

// One-sided p-value of "the true mean meets the threshold" given the seeds (small when they miss
// it). Zero spread: 0 when the mean misses, 1 when it meets.
double miss_p_value(double mean, double std, int n, Comparison comparison, double threshold) {
  if (n < 2) return std::nan("");
  if (std <= 0) return meets(mean, comparison, threshold) ? 1.0 : 0.0;
  const double se = std / std::sqrt(static_cast<double>(n));
  // Signed distance by which the seeds miss the threshold, in standard errors.
  const double t = (larger_is_better(comparison) ? threshold - mean : mean - threshold) / se;
  return boost::math::cdf(
      boost::math::complement(boost::math::students_t(static_cast<double>(n - 1)), t));
}

}  // namespace

MetricJudgement judge(const std::vector<double>& values, Comparison comparison, double threshold,
                      JudgedBy judged_by, double share) {
  MetricJudgement j;
  j.judged_by = judged_by;
  j.share = share;
  j.n = static_cast<int>(values.size());
  const double nan = std::nan("");
  j.bound = j.opposite_bound = nan;
  if (values.empty()) {
    j.verdict = MetricVerdict::error;
    j.mean = j.std = nan;
    return j;
  }
  for (double v : values) {
    if (std::isnan(v)) {
      j.verdict = MetricVerdict::error;
      j.mean = j.std = nan;
      return j;
    }
    if (meets(v, comparison, threshold)) ++j.seeds_met;
  }
  j.mean = std::accumulate(values.begin(), values.end(), 0.0) / j.n;
  double squares = 0;
  for (double v : values) squares += (v - j.mean) * (v - j.mean);
  j.std = j.n > 1 ? std::sqrt(squares / (j.n - 1)) : 0.0;
  const auto shares = clopper_pearson(j.seeds_met, j.n, kLookAlpha);
  j.share_low = shares.low;
  j.share_high = shares.high;
  if (judged_by == JudgedBy::share) {
    // Exact: the seeds meeting the threshold are Binomial(n, true share).
    j.miss_p = binomial_at_most(j.seeds_met, j.n, share);
    if (binomial_at_least(j.seeds_met, j.n, share) <= kLookAlpha) {
      j.verdict = MetricVerdict::holds;
    } else if (j.miss_p <= kLookAlpha) {
      j.verdict = MetricVerdict::fails;
    } else {
      j.verdict = MetricVerdict::inconclusive;
      j.seeds_to_settle = seeds_for_share_power(static_cast<double>(j.seeds_met) / j.n, share,
                                                kLookAlpha, kSettleCap);
      j.on_threshold = !j.seeds_to_settle;
    }
    return j;
  }
  j.miss_p = miss_p_value(j.mean, j.std, j.n, comparison, threshold);
  if (j.n < 2) {  // one seed: no spread to bound the mean with
    j.verdict = MetricVerdict::inconclusive;
    return j;
  }
  const double half =
      t_quantile(1 - kLookAlpha, j.n - 1) * j.std / std::sqrt(static_cast<double>(j.n));
  const bool up = larger_is_better(comparison);
  j.bound = up ? j.mean - half : j.mean + half;
  j.opposite_bound = up ? j.mean + half : j.mean - half;
  if (meets(j.bound, comparison, threshold)) {
    j.verdict = MetricVerdict::holds;
  } else if (!meets(j.opposite_bound, comparison, threshold)) {
    j.verdict = MetricVerdict::fails;
  } else {
    j.verdict = MetricVerdict::inconclusive;
    j.seeds_to_settle = seeds_for_power(j.mean, j.std, threshold, kSettleCap);
    j.on_threshold = !j.seeds_to_settle && sits_on_threshold(j.mean, j.std, threshold, kSettleCap);
  }
  return j;
}

MetricJudgement judge(const std::vector<double>& values, const Assertion& assertion,
                      double threshold) {
  return judge(values, assertion.comparison, threshold, assertion.judged_by, assertion.share);
}

bool sits_on_threshold(double mean, double std, double threshold, int cap) {
  if (cap < 2 || std::isnan(mean) || std::isnan(std)) return false;
  const double half = t_quantile(1 - kLookAlpha, cap - 1) * std / std::sqrt(cap);
  return std::abs(mean - threshold) <= half;
}

void judge_family(std::vector<MetricJudgement*> family) {
  const int k = static_cast<int>(family.size());
  for (auto* j : family) j->family_size = k;
  // Holm: order by miss_p (NaN last); reject while p_(i) <= alpha / (k - i); stop at the first
  // that is not rejected. Every `fails` not rejected becomes inconclusive.
  std::vector<MetricJudgement*> order = family;
  std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
    const double pa = std::isnan(a->miss_p) ? 2.0 : a->miss_p;
    const double pb = std::isnan(b->miss_p) ? 2.0 : b->miss_p;
    return pa < pb;
  });
  bool rejecting = true;
  for (int i = 0; i < k; ++i) {
    auto* j = order[i];
    rejecting = rejecting && !std::isnan(j->miss_p) && j->miss_p <= kVerdictAlpha / (k - i);
    if (!rejecting && j->verdict == MetricVerdict::fails) {
      j->verdict = MetricVerdict::inconclusive;
      j->fails_only_uncorrected = true;
    }
  }
}

std::string MetricJudgement::explain() const {
  const auto met = fmt::format("{}/{} seeds meet the threshold", seeds_met, n);
  const bool by_share = judged_by == JudgedBy::share;
  const auto shares = fmt::format("{}; share 95 % interval [{:.3g}, {:.3g}] against {:g}{}", met,
                                  share_low, share_high, share, share == 0.5 ? ", the median" : "");
  const auto unsettled =
      seeds_to_settle
          ? fmt::format("about {} seeds would settle it with 80 % power", *seeds_to_settle)
      : on_threshold ? fmt::format(
                           "the {} sits on the threshold: no practical number of seeds (up to "
                           "{}) settles it",
                           by_share ? "share" : "mean", kSettleCap)
                     : fmt::format(
                           "the spread is too large for {} seeds: up to {} give less than 80 % "
                           "power",
                           n, kSettleCap);
  switch (verdict) {
    case MetricVerdict::holds:
      if (by_share)
        return fmt::format("holds by the share of seeds: exact p = {:.3g} ({})",
                           binomial_at_least(seeds_met, n, share), shares);
      return fmt::format("holds: one-sided 97.5 % bound {:.4g} clears the threshold ({})", bound,
                         met);
    case MetricVerdict::fails:
      if (by_share)
        return fmt::format("fails by the share of seeds: exact p = {:.3g} ({})", miss_p, shares);
      return fmt::format(
          "fails: even the opposite one-sided 97.5 % bound {:.4g} misses the threshold ({})",
          opposite_bound, met);
    case MetricVerdict::inconclusive:
      if (!by_share && n < 2)
        return fmt::format("inconclusive: one seed has no spread to bound the mean ({})", met);
      if (fails_only_uncorrected)
        return fmt::format(
            "inconclusive: misses the threshold on its own (p = {:.3g}), but not after Holm's "
            "correction over the claim's {} asserted metrics ({})",
            miss_p, family_size, by_share ? shares : met);
      if (by_share)
        return fmt::format("inconclusive by the share of seeds ({}; {})", shares, unsettled);
      return fmt::format(
          "inconclusive: 97.5 % bounds {:.4g} and {:.4g} straddle the threshold ({}; {})", bound,
          opposite_bound, met, unsettled);
    case MetricVerdict::interim:
      return fmt::format("interim: {} of {} declared seeds; no verdict yet ({})", n, declared_seeds,
                         by_share ? shares : met);
    case MetricVerdict::error:
      return "error: a seed's value is missing or NaN";
  }
  return "";
}

ClaimVerdict combine(const std::vector<MetricVerdict>& verdicts) {
  if (verdicts.empty()) return ClaimVerdict::inconclusive;
  bool all_hold = true;
  for (auto v : verdicts) {
    if (v == MetricVerdict::error) return ClaimVerdict::error;
  }
  for (auto v : verdicts) {
    if (v == MetricVerdict::interim) return ClaimVerdict::interim;
  }
  for (auto v : verdicts) {
    if (v == MetricVerdict::fails) return ClaimVerdict::not_reproduced;
    if (v != MetricVerdict::holds) all_hold = false;
  }
  return all_hold ? ClaimVerdict::reproduced : ClaimVerdict::inconclusive;
}

ClaimVerdict limit_by_control(ClaimVerdict verdict, ClaimVerdict control,
                              const std::string& stands_in, std::string* note) {
  const bool vacuous = verdict == ClaimVerdict::reproduced && control == ClaimVerdict::reproduced;
  if (note) {
    *note = vacuous ? "every asserted metric holds on its negative control too (" + stands_in +
                          "): the procedure does not show the statement about the model"
                    : "";
  }
  return vacuous ? ClaimVerdict::vacuous : verdict;
}

ClaimVerdict limit_by_bias(ClaimVerdict verdict, Bias bias, std::string* note) {
  std::string why;
  if (verdict == ClaimVerdict::reproduced && bias == Bias::easier) {
    why =
        "every asserted metric holds, but this profile's departures can favour the claim, so it "
        "cannot call it reproduced (see the full profile's record)";
  } else if (verdict == ClaimVerdict::not_reproduced && bias == Bias::harder) {
    why =
        "an asserted metric fails, but this profile's departures can only make the claim harder, "
        "so it cannot call it not reproduced (see the full profile's record)";
  }
  if (note) *note = why;
  return why.empty() ? verdict : ClaimVerdict::inconclusive;
}

std::optional<PredictionInterval> prediction_interval_95(const std::vector<double>& values) {
  const int n = static_cast<int>(values.size());
  if (n < 2) return std::nullopt;
  if (std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); }))
    return std::nullopt;
  const double mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
  double squares = 0;
  for (double v : values) squares += (v - mean) * (v - mean);
  const double s = std::sqrt(squares / (n - 1));
  const double half = t_quantile_975(n - 1) * s * std::sqrt(1.0 + 1.0 / n);
  return PredictionInterval{mean - half, mean + half, false};
}

std::optional<PredictionInterval> seeds_range(const std::vector<double>& values) {
  if (values.size() < 2) return std::nullopt;
  if (std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); }))
    return std::nullopt;
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  return PredictionInterval{*low, *high, true};
}

std::string figure_position(const std::optional<PredictionInterval>& interval, int n,
                            double figure) {
  if (std::isnan(figure)) return "";
  if (n < 2 || !interval) return "no spread (n = 1)";
  // A printed figure stands for every value that rounds to it: 13.87 for [13.865, 13.875].
  const auto text = fmt::format("{}", figure);
  const auto point = text.find('.');
  const auto exponent = text.find_first_of("eE");
  const int decimals = point == std::string::npos || exponent != std::string::npos
                           ? 0
                           : static_cast<int>(text.size() - point - 1);
  const double half_unit = exponent != std::string::npos ? 0.0 : 0.5 * std::pow(10.0, -decimals);
  // The reports computed in single precision (PyTorch, Keras float32): a figure within a relative
  // kSinglePrecisionTolerance of the interval is what the method gives (this matters where the
  // method is deterministic and the interval a point, e.g. S2's PCA errors).
  const double slack =
      kSinglePrecisionTolerance * std::max(std::abs(interval->low), std::abs(interval->high));
  if (figure + half_unit < interval->low - slack) return "below";
  if (figure - half_unit > interval->high + slack) return "above";
  return "inside";
}

std::optional<int> seeds_for_power(double mean, double std, double threshold, int cap,
                                   double power) {
  const double gap = std::abs(mean - threshold);
  if (!(gap > 0) || !(std > 0) || std::isnan(mean)) return std::nullopt;
  const double effect = gap / std;
  const auto achieved = [&](int n) {
    const double critical = t_quantile(1 - kLookAlpha, n - 1);
    return boost::math::cdf(boost::math::complement(
        boost::math::non_central_t(n - 1.0, effect * std::sqrt(static_cast<double>(n))), critical));
  };
  // The normal approximation needs fewer seeds than the t-test, never more: past the cap, none;
  // else the exact count is searched from just below it (power grows with n).
  const boost::math::normal z;
  const double approx = std::pow(
      (boost::math::quantile(z, 1 - kLookAlpha) + boost::math::quantile(z, power)) / effect, 2);
  if (approx > cap) return std::nullopt;
  int n = std::max(2, static_cast<int>(std::floor(approx)) - 1);
  while (n > 2 && achieved(n - 1) >= power) --n;
  while (n <= cap && achieved(n) < power) ++n;
  if (n > cap) return std::nullopt;
  return n;
}

}  // namespace aerepro::claims
