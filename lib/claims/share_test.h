// Exact inference on the share of seeds whose value meets a threshold (issue 34: a test per
// metric that fits it). For a bimodal or skewed metric (a run that sometimes collapses) the mean
// answers another question than "does a run of the method meet the bar"; the share of seeds
// meeting it, tested exactly against a declared share (binomial; share 0.5 is the sign test of
// the median), does not assume normality. Nothing here depends on LibTorch.
#pragma once
#include <optional>

namespace aerepro::claims {

// P(X >= k) and P(X <= k) for X ~ Binomial(n, p).
double binomial_at_least(int k, int n, double p);
double binomial_at_most(int k, int n, double p);

// Clopper–Pearson bounds of a share from k successes in n: `low` is the one-sided (1 - alpha)
// lower bound (0 for k = 0), `high` the upper (1 for k = n); together a two-sided 1 - 2 alpha
// interval. UsageError unless 0 <= k <= n, n >= 1 and 0 < alpha < 0.5.
struct ShareInterval {
  double low = 0, high = 1;
};
ShareInterval clopper_pearson(int k, int n, double alpha);

// Seeds for `power` of the exact one-sided test at `alpha` that the share exceeds (or falls
// short of) `declared`, when the true share is `share` (either side); none beyond `cap`, or
// when share == declared.
std::optional<int> seeds_for_share_power(double share, double declared, double alpha, int cap,
                                         double power = 0.8);

}  // namespace aerepro::claims
