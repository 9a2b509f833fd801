// What a claim asserts, declared as data in its record: which measured metric, which way, the
// threshold each profile holds it to (smoke holds none), and the source report's own figure.
#pragma once
#include "claims/departure.h"  // Bias, Departure: a profile's departures, declared beside
#include "claims/profile.h"

#include <optional>
#include <string>

namespace aerepro::claims {

enum class Comparison { less, less_equal, greater, greater_equal };

std::string to_string(Comparison comparison);          // "<", "<=", ">", ">="
Comparison parse_comparison(const std::string& text);  // UsageError for anything else
// Whether `value` meets `comparison` against `threshold` (false for NaN).
bool meets(double value, Comparison comparison, double threshold);
// Whether larger values favour the claim (">" and ">=").
inline bool larger_is_better(Comparison c) {
  return c == Comparison::greater || c == Comparison::greater_equal;
}

// How an asserted metric is judged over seeds (issue 34): by its mean (a Student-t bound: for
// near-normal metrics) or by the share of seeds whose own value meets the threshold (an exact
// binomial test against a declared share: for bimodal or skewed metrics; share 0.5 is the
// median, the sign test).
enum class JudgedBy { mean, share };
std::string to_string(JudgedBy judged_by);  // "mean", "share"

struct Assertion {
  std::string metric;  // the name the evaluation measures it under
  Comparison comparison = Comparison::greater;
  std::optional<double> ci;             // threshold in the ci profile (none: not asserted there)
  std::optional<double> full;           // threshold in the full profile
  std::optional<double> source_figure;  // the source report's own figure for this metric
  // Why the source's figure cannot be compared with ours ("" when it can): e.g. S2's errors
  // were evaluated on 0-255 pixels, S2.7's are single-image values.
  std::string source_figure_caveat;
  JudgedBy judged_by = JudgedBy::mean;
  double share = 0.5;  // JudgedBy::share: the share of seeds the statement needs (0.5: median)

  // The threshold of `profile`; none in smoke (wiring only) or where the record declares none.
  std::optional<double> threshold(Profile profile) const;
  // "majority_accuracy_codes > 0.7 (source 0.7346)"
  std::string describe(Profile profile) const;
};

// The name a claim's negative control's value of `metric` is recorded under
// ("control.<metric>"; claims/claim.h, Control), and back.
constexpr const char* kControlPrefix = "control.";
std::string control_metric(const std::string& metric);
bool is_control_metric(const std::string& metric);
std::string controlled_metric(const std::string& control);  // "control.x" -> "x"

// `a` judged by the share of seeds meeting its threshold, against `share` (0.5: the median).
Assertion by_share(Assertion a, double share = 0.5);

}  // namespace aerepro::claims
