// Two results profile folders side by side: per claim and asserted metric (those its verdict
// rests on), each side's mean, threshold and metric verdict, the delta and whether the delta
// exceeds the spread over seeds; verdicts that changed.
#pragma once
#include "reports/report_data.h"

#include <optional>
#include <string>
#include <vector>

namespace aerepro::reports {

struct MetricDelta {
  std::string metric;
  std::optional<results::SummaryRow> a, b;  // absent where that side has no such metric
  double delta = 0;                         // b.mean - a.mean (NaN where either is missing)
  double spread = 0;                        // max(std_a, std_b); a NaN std (one seed) counts as 0
  bool flagged = false;                     // |delta| > spread
};

struct ClaimDelta {
  std::string claim;
  std::string verdict_a, verdict_b;
  bool verdict_changed = false;
  std::vector<MetricDelta> metrics;
};

struct Comparison {
  ProfileData a, b;
  std::vector<ClaimDelta> claims;  // A's order, then claims only B has
  int flagged = 0;
  int verdict_changes = 0;
};

// The rule behind `flagged`, in words (shown in the page).
std::string spread_rule();

Comparison compare_profiles(ProfileData a, ProfileData b);

}  // namespace aerepro::reports
