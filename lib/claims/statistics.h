// The spread of a claim's metric over seeds.
#pragma once
#include <string>
#include <vector>

namespace aerepro::claims {

struct SeedSummary {
  int n = 0;
  double mean = 0;
  double std = 0;  // sample standard deviation (n - 1); 0 for n = 1
  double min = 0;
  double max = 0;
  double ci95_low = 0;  // mean -/+ t_{0.975, n-1} * std / sqrt(n); equal to mean for n = 1
  double ci95_high = 0;
  // "0.7346 ± 0.0123 [0.7211, 0.7450] n=3"
  std::string describe(int digits = 4) const;
};

// Summary of `values`; NaN values make every field NaN (a failed measurement is not averaged
// away). UsageError for an empty list.
SeedSummary summarize(const std::vector<double>& values);

}  // namespace aerepro::claims

namespace aerepro::claims {

// Welch's two-sample t-test of equal means: the two-sided p-value for samples of sizes n1, n2
// with sample standard deviations s1, s2. When both spreads are zero the means are compared
// exactly up to `floor` (absolute): p = 1 within it, 0 beyond. A single value (n = 1) has no
// spread and is never taken as exact: it is tested as one more draw from the other side's
// distribution (its 95 % prediction interval, t with n - 1 degrees of freedom); when both sides
// are single values there is no test and the result is NaN.
double welch_p_value(double mean1, double std1, int n1, double mean2, double std2, int n2,
                     double floor = 1e-12);

}  // namespace aerepro::claims

namespace aerepro::claims {

// The paired t-test of a zero mean difference: the two-sided p-value of the per-seed differences
// between two runs of the same seeds (issue 34: two hosts' runs of one seed share its draws, so
// their difference is what tells them apart). All differences equal: p = 1 within `floor`
// (absolute) of zero, else 0. NaN for fewer than two pairs or a NaN difference.
double paired_t_p_value(const std::vector<double>& differences, double floor = 1e-12);

}  // namespace aerepro::claims
