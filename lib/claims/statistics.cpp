#include "claims/statistics.h"

#include "claims/verdict.h"
#include "common/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace aerepro::claims {

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
  if (n1 == 1 && n2 == 1) return std::nan("");  // no spread on either side: no test
  const double diff = std::abs(mean1 - mean2);
  if (n1 == 1 || n2 == 1) {
    // One side is a single run: is it one more draw from the other side's distribution? Its
    // prediction interval, mean ± t_{n-1} · s · sqrt(1 + 1/n), never the single value as exact.
    const double s = n1 == 1 ? std2 : std1;
    const int n = n1 == 1 ? n2 : n1;
    if (s <= 0) return diff <= floor ? 1.0 : 0.0;
    const double t = diff / (s * std::sqrt(1.0 + 1.0 / n));
    return 2.0 * boost::math::cdf(boost::math::complement(
                     boost::math::students_t(static_cast<double>(n - 1)), t));
  }
  const double v1 = std1 * std1 / n1;
  const double v2 = std2 * std2 / n2;
  const double se2 = v1 + v2;
  if (se2 <= 0) return diff <= floor ? 1.0 : 0.0;
  const double dof = se2 * se2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));  // Welch-Satterthwaite
  const double t = diff / std::sqrt(se2);
  return 2.0 * boost::math::cdf(boost::math::complement(boost::math::students_t(dof), t));
}

}  // namespace aerepro::claims

namespace aerepro::claims {

double paired_t_p_value(const std::vector<double>& differences, double floor) {
  const int n = static_cast<int>(differences.size());
  if (n < 2) return std::nan("");
  for (double d : differences) {
    if (std::isnan(d)) return std::nan("");
  }
  const auto s = summarize(differences);
  if (s.std <= 0) return std::abs(s.mean) <= floor ? 1.0 : 0.0;
  const double t = std::abs(s.mean) / (s.std / std::sqrt(static_cast<double>(n)));
  return 2.0 * boost::math::cdf(
                   boost::math::complement(boost::math::students_t(static_cast<double>(n - 1)), t));
}

}  // namespace aerepro::claims
