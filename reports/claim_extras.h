// What a claim's record may hold beyond the columns the results reader knows: the optional
// summary columns others add as the harness grows (a negative control's values, the readings of
// an ambiguous report, the seeds declared for the claim, the loss its models train with), and the
// committed seed plan (records/<profile>/seed_plan.csv). Read by name, so a record without them
// simply has none and the card leaves the place empty; never throws (a broken file is the summary
// reader's problem).
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace aerepro::reports {

// The optional columns of one metric row: column name → its text, for the columns whose name
// starts with "control" or "reading" (non-empty values only).
struct MetricExtras {
  std::map<std::string, std::string> control;
  std::map<std::string, std::string> readings;
};

struct ClaimExtras {
  std::map<std::string, MetricExtras> metrics;  // metric → its optional values
  int declared_seeds = 0;  // the plan's (or the summary's declared_seeds); 0: none declared
  std::string loss;        // the summary's `loss` column (the loss the claim trains with), or ""
};

// Rows of a CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks).
std::vector<std::vector<std::string>> parse_csv(const std::string& text);

// The optional columns of <claim>.summary.csv (`summary`); empty when it has none.
ClaimExtras read_claim_extras(const std::filesystem::path& summary);

// claim → planned seeds, from `seed_plan` (columns claim, planned_seeds); empty when absent.
std::map<std::string, int> read_planned_seeds(const std::filesystem::path& seed_plan);

}  // namespace aerepro::reports
