#include "claims/statistics.h"

#include "common/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace aerepro::claims {
namespace {

// Two-sided 95 % Student t quantiles for 1..30 degrees of freedom; 1.96 beyond.
double t_quantile_975(int dof) {
  static const double table[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
                                 2.262,  2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
                                 2.110,  2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
                                 2.060,  2.056, 2.052, 2.048, 2.045, 2.042};
  return dof >= 1 && dof <= 30 ? table[dof - 1] : 1.96;
}

}  // namespace

SeedSummary summarize(const std::vector<double>& values) {
  if (values.empty()) throw UsageError("cannot summarise an empty list of seed results");
  SeedSummary s;
  s.n = static_cast<int>(values.size());
  if (std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); })) {
    const double nan = std::nan("");
    s.mean = s.std = s.min = s.max = s.ci95_low = s.ci95_high = nan;
    return s;
  }
  s.mean = std::accumulate(values.begin(), values.end(), 0.0) / s.n;
  double squares = 0;
  for (double v : values) squares += (v - s.mean) * (v - s.mean);
  s.std = s.n > 1 ? std::sqrt(squares / (s.n - 1)) : 0.0;
  s.min = *std::min_element(values.begin(), values.end());
  s.max = *std::max_element(values.begin(), values.end());
  const double half = s.n > 1 ? t_quantile_975(s.n - 1) * s.std / std::sqrt(s.n) : 0.0;
  s.ci95_low = s.mean - half;
  s.ci95_high = s.mean + half;
  return s;
}

std::string SeedSummary::describe(int digits) const {
  return fmt::format("{:.{}g} ± {:.{}g} [{:.{}g}, {:.{}g}] n={}", mean, digits, std, 2, min, digits,
                     max, digits, n);
}

}  // namespace aerepro::claims

#include <boost/math/distributions/students_t.hpp>

namespace aerepro::claims {

double welch_p_value(double mean1, double std1, int n1, double mean2, double std2, int n2,
                     double floor) {
  if (n1 < 1 || n2 < 1 || std::isnan(mean1) || std::isnan(mean2)) return std::nan("");
  const double v1 = n1 > 1 ? std1 * std1 / n1 : 0.0;
  const double v2 = n2 > 1 ? std2 * std2 / n2 : 0.0;
  const double se2 = v1 + v2;
  const double diff = std::abs(mean1 - mean2);
  if (se2 <= 0) return diff <= floor ? 1.0 : 0.0;
  double denominator = 0;  // Welch-Satterthwaite degrees of freedom
  if (n1 > 1) denominator += v1 * v1 / (n1 - 1);
  if (n2 > 1) denominator += v2 * v2 / (n2 - 1);
  const double dof = se2 * se2 / denominator;
  const double t = diff / std::sqrt(se2);
  return 2.0 * boost::math::cdf(boost::math::complement(boost::math::students_t(dof), t));
}

}  // namespace aerepro::claims
