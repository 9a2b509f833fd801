// The spread of a claim's metric over seeds.
#pragma once
#include <string>
#include <vector>

namespace aerepro::claims {

struct SeedSummary {
  int n = 0;
  double mean = 0;
  double std = 0;       // sample standard deviation (n - 1); 0 for n = 1
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

// Whether `value` meets `comparison` ("<", "<=", ">", ">=") against `threshold`.
bool meets(double value, const std::string& comparison, double threshold);

}  // namespace aerepro::claims
