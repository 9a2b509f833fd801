// Seed counts declared before the seeds run (issue 27: no optional stopping). From a pilot record
// (records/<profile>/, e.g. 5 seeds), each claim gets the number of seeds that gives 80 % power
// to settle its inconclusive metrics at the pilot's mean and spread (claims::seeds_for_power),
// capped at kSeedPlanCap; a metric whose mean sits on its threshold is said to be undecidable at
// any practical n. The plan is written to records/<profile>/seed_plan.csv and committed; `aerepro
// run` then runs that many seeds by default, and `aerepro merge` lists the seeds still missing.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace aerepro::results {

constexpr int kSeedPlanCap = 50;

struct SeedPlanRow {
  std::string claim;
  int pilot_seeds = 0;          // seeds in the pilot record
  int planned_seeds = 0;        // seeds the claim runs (>= pilot_seeds)
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

}  // namespace aerepro::results
