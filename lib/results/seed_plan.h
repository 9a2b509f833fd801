// Seed counts declared before the seeds run (issues 27, 34: no optional stopping). From a pilot
// record (records/<profile>/, e.g. 5 seeds), each claim gets the number of seeds that gives 80 %
// power to settle its inconclusive metrics at the pilot's mean and spread (claims::seeds_for_power,
// or seeds_for_share_power for a metric judged by the share), capped at kSeedPlanCap; a metric
// whose mean sits on its threshold is said to be undecidable at any practical n.
// The two-stage rule (issue 34): a final sample is new seeds, independent of the pilot's
// (first_seed = the pilot's count), and each look tests at claims::kLookAlpha (2.5 % per side),
// so the pilot and the final look together err at most 5 % per side. A claim the pilot decided
// keeps the pilot as its sample (first_seed 0, planned = pilot).
// The plan is written to records/<profile>/seed_plan.csv and committed; `aerepro run`, `merge`,
// `rejudge` and the claim tests then use the declared sample (declared_sample), and fewer seeds
// than declared give an interim result, never a verdict.
#pragma once
#include "results/declared_sample.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace aerepro::results {

constexpr int kSeedPlanCap = 50;

struct SeedPlanRow {
  std::string claim;
  int pilot_seeds = 0;          // seeds in the pilot record
  int planned_seeds = 0;        // seeds of the sample the verdict uses
  long long first_seed = 0;     // its first seed: seeds first_seed .. first_seed + planned - 1
  std::string deciding_metric;  // the metric that needs the most seeds ("" when none does)
  std::string reason;           // why this many, in words
};

// The plan for every claim summarised under `records_root`/<profile>/ (ArtifactError when a
// summary is damaged; UsageError when there is none).
std::vector<SeedPlanRow> plan_seeds(const std::filesystem::path& records_root,
                                    const std::string& profile);

std::filesystem::path seed_plan_file(const std::filesystem::path& records_root,
                                     const std::string& profile);
void write_seed_plan(const std::filesystem::path& file, const std::vector<SeedPlanRow>& rows);
std::vector<SeedPlanRow> read_seed_plan(const std::filesystem::path& file);

// A declared count is never revised by a later pilot (no optional stopping): the plan `fresh`
// (plan_seeds) with every claim of `declared` (the committed plan) keeping its declared row;
// claims only in `fresh` are added, claims only in `declared` kept.
std::vector<SeedPlanRow> keep_declared(const std::vector<SeedPlanRow>& declared,
                                       const std::vector<SeedPlanRow>& fresh);

// Planned seeds by claim id, from the committed plan; empty when there is no plan file.
std::map<std::string, int> planned_seeds(const std::filesystem::path& records_root,
                                         const std::string& profile);

// The claim's declared sample in `profile`: its seed-plan row, else (no row, or no plan) the
// profile's default count from seed 0 (`default_seeds`); none for the smoke profile.
std::optional<DeclaredSample> declared_sample(const std::filesystem::path& records_root,
                                              const std::string& profile,
                                              const std::string& claim_id);

}  // namespace aerepro::results
