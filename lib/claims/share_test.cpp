#include "claims/share_test.h"

#include "common/error.h"

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/special_functions/beta.hpp>

#include <cmath>

namespace aerepro::claims {

double binomial_at_most(int k, int n, double p) {
  if (k < 0) return 0.0;
  if (k >= n) return 1.0;
  return boost::math::cdf(boost::math::binomial(n, p), k);
}

double binomial_at_least(int k, int n, double p) {
  return k <= 0 ? 1.0 : 1.0 - binomial_at_most(k - 1, n, p);
}

ShareInterval clopper_pearson(int k, int n, double alpha) {
  if (n < 1 || k < 0 || k > n || !(alpha > 0 && alpha < 0.5))
    throw UsageError("clopper_pearson: needs 0 <= k <= n, n >= 1, 0 < alpha < 0.5");
  ShareInterval out;
  if (k > 0) out.low = boost::math::ibeta_inv(k, n - k + 1, alpha);
  if (k < n) out.high = boost::math::ibeta_inv(k + 1, n - k, 1 - alpha);
  return out;
}

std::optional<int> seeds_for_share_power(double share, double declared, double alpha, int cap,
                                         double power) {
  if (!(share >= 0 && share <= 1) || share == declared) return std::nullopt;
  const bool above = share > declared;
  for (int n = 1; n <= cap; ++n) {
    // The rejection region of the exact test at `alpha`, then its probability at `share`.
    double achieved = 0;
    for (int k = 0; k <= n; ++k) {
      const double p = above ? binomial_at_least(k, n, declared) : binomial_at_most(k, n, declared);
      if (p <= alpha) achieved += boost::math::pdf(boost::math::binomial(n, share), k);
    }
    if (achieved >= power) return n;
  }
  return std::nullopt;
}

}  // namespace aerepro::claims
