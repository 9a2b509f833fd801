#include "expect_claim.h"

#include "claims/claim.h"
#include "common/environment.h"
#include "results/claim_runner.h"
#include "results/seed_plan.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

namespace aerepro::validation {

void expect_claim_agrees_with_record(const std::string& claim_id) {
  const auto& claim = claims::find_claim(claim_id);
  results::RunOptions options;
  const char* profile = std::getenv("AEREPRO_PROFILE");
  options.profile = claims::parse_profile(profile && *profile ? profile : "ci");
  // The claim's declared sample (records/<profile>/seed_plan.csv, else the profile's count);
  // $AEREPRO_SEEDS runs another count from seed 0, judged against it (interim when short).
  options.declared = results::declared_sample(results::resolve_records_root(),
                                              claims::to_string(options.profile), claim.id);
  if (options.declared) {
    options.seeds = options.declared->seeds;
    options.first_seed = static_cast<uint64_t>(options.declared->first_seed);
  }
  if (const char* seeds = std::getenv("AEREPRO_SEEDS"); seeds && *seeds) {
    options.seeds = std::atoi(seeds);
    options.first_seed = 0;
  }
  if (const char* device = std::getenv("AEREPRO_DEVICE"); device && *device) {
    options.device = parse_device(device);
  }
  options.progress = false;
  options.log = &std::cout;
  pin_threads(default_threads());
  const auto outcome = results::run_claim(claim, options);

  std::cout << fmt::format(
      "{} [{}] profile {}: {}{}\n  claim: {}\n  departures ({}): {}\n", claim.id, claim.source,
      claims::to_string(options.profile), outcome.verdict_text(),
      outcome.verdict_note.empty() ? "" : " — " + outcome.verdict_note, claim.sentence,
      claim.departure(options.profile).bias_text(), claim.departure(options.profile).described());
  std::cout << "  results: " << outcome.file.string() << "\n";

  // JUnit XML (ctest --output-junit): each asserted metric's mean, bound and verdict.
  ::testing::Test::RecordProperty("verdict", outcome.verdict_text());
  ::testing::Test::RecordProperty("record", results::to_string(outcome.record.status));
  ::testing::Test::RecordProperty(
      "bit_identical", fmt::format("{} ({} environment)", outcome.record.bit_identical,
                                   outcome.record.same_environment ? "same" : "another"));
  for (const auto& m : outcome.metrics) {
    if (!m.asserted()) continue;
    ::testing::Test::RecordProperty(
        m.metric, fmt::format("mean {:.6g} bound {:.6g} {} {:.6g}: {}", m.summary.mean,
                              m.judgement.bound, claims::to_string(m.assertion->comparison),
                              m.threshold, claims::to_string(m.judgement.verdict)));
  }

  ASSERT_TRUE(outcome.error.empty()) << outcome.error;
  if (options.profile == claims::Profile::smoke) return;  // wiring only: no verdict, no record
  ASSERT_NE(outcome.record.status, results::RecordStatus::missing)
      << "no record of " << claim.id << " in this profile: run the claim, check its results, "
      << "then commit the record: " << outcome.record.refresh_command;
  EXPECT_NE(outcome.record.status, results::RecordStatus::differs)
      << "the run differs from its record:\n"
      << outcome.record.describe();
}

}  // namespace aerepro::validation
