#include "claims/verdict.h"

#include "common/enum_names.h"
#include "common/error.h"

#include <fmt/format.h>
#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <numeric>

namespace aerepro::claims {

constexpr EnumName<MetricVerdict> kMetricVerdictNames[] = {
    {MetricVerdict::holds, "holds"},
    {MetricVerdict::fails, "fails"},
    {MetricVerdict::inconclusive, "inconclusive"},
    {MetricVerdict::error, "error"}};
static_assert(enum_names_complete(kMetricVerdictNames, MetricVerdict::error));

constexpr EnumName<ClaimVerdict> kClaimVerdictNames[] = {
    {ClaimVerdict::reproduced, "reproduced"},
    {ClaimVerdict::not_reproduced, "not reproduced"},
    {ClaimVerdict::inconclusive, "inconclusive"},
    {ClaimVerdict::error, "error"},
    {ClaimVerdict::no_verdict, "no verdict (smoke)"}};
static_assert(enum_names_complete(kClaimVerdictNames, ClaimVerdict::no_verdict));

std::string to_string(MetricVerdict verdict) {
  return std::string(enum_name(kMetricVerdictNames, verdict));
}

MetricVerdict parse_metric_verdict(const std::string& text) {
  return parse_enum(kMetricVerdictNames, text, "metric verdict");
}

std::string to_string(ClaimVerdict verdict) {
  return std::string(enum_name(kClaimVerdictNames, verdict));
}

double t_quantile_95(int dof) {
  if (dof < 1) throw UsageError("t quantile needs at least one degree of freedom");
  return boost::math::quantile(boost::math::students_t(static_cast<double>(dof)), 0.95);
}

MetricJudgement judge(const std::vector<double>& values, Comparison comparison, double threshold) {
  MetricJudgement j;
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
  if (j.n < 2) {  // one seed: no spread to bound the mean with
    j.verdict = MetricVerdict::inconclusive;
    return j;
  }
  const double half = t_quantile_95(j.n - 1) * j.std / std::sqrt(static_cast<double>(j.n));
  const bool up = larger_is_better(comparison);
  j.bound = up ? j.mean - half : j.mean + half;
  j.opposite_bound = up ? j.mean + half : j.mean - half;
  if (meets(j.bound, comparison, threshold)) {
    j.verdict = MetricVerdict::holds;
  } else if (!meets(j.opposite_bound, comparison, threshold)) {
    j.verdict = MetricVerdict::fails;
  } else {
    j.verdict = MetricVerdict::inconclusive;
    const double gap = std::abs(j.mean - threshold);
    if (gap > 0 && j.std > 0) {
      for (int n = j.n + 1; n <= 1000; ++n) {
        if (t_quantile_95(n - 1) * j.std / std::sqrt(static_cast<double>(n)) < gap) {
          j.seeds_to_settle = n;
          break;
        }
      }
    }
  }
  return j;
}

std::string MetricJudgement::explain() const {
  const auto met = fmt::format("{}/{} seeds meet the threshold", seeds_met, n);
  switch (verdict) {
    case MetricVerdict::holds:
      return fmt::format("holds: 95 % bound {:.4g} clears the threshold ({})", bound, met);
    case MetricVerdict::fails:
      return fmt::format("fails: even the opposite 95 % bound {:.4g} misses the threshold ({})",
                         opposite_bound, met);
    case MetricVerdict::inconclusive:
      if (n < 2)
        return fmt::format("inconclusive: one seed has no spread to bound the mean ({})", met);
      return fmt::format(
          "inconclusive: 95 % bounds {:.4g} and {:.4g} straddle the threshold ({}; {})", bound,
          opposite_bound, met,
          seeds_to_settle ? fmt::format("about {} seeds would settle it", *seeds_to_settle)
                          : std::string("more seeds would not settle it at this mean"));
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
    if (v == MetricVerdict::fails) return ClaimVerdict::not_reproduced;
    if (v != MetricVerdict::holds) all_hold = false;
  }
  return all_hold ? ClaimVerdict::reproduced : ClaimVerdict::inconclusive;
}

}  // namespace aerepro::claims
