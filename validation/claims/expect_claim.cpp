#include "expect_claim.h"

#include "claims/claim.h"
#include "common/environment.h"
#include "results/claim_runner.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

namespace aerepro::validation {

void expect_claim_as_recorded(const std::string& claim_id) {
  const auto& claim = claims::find_claim(claim_id);
  results::RunOptions options;
  const char* profile = std::getenv("AEREPRO_PROFILE");
  options.profile = claims::parse_profile(profile && *profile ? profile : "ci");
  if (const char* seeds = std::getenv("AEREPRO_SEEDS"); seeds && *seeds) options.seeds = std::atoi(seeds);
  if (const char* device = std::getenv("AEREPRO_DEVICE"); device && *device) {
    options.device = parse_device(device);
  }
  options.progress = false;
  options.log = &std::cout;
  pin_threads(default_threads());
  const auto outcome = results::run_claim(claim, options);

  std::cout << fmt::format("{} [{}] profile {}: {}\n  claim: {}\n  departures: {}\n", claim.id,
                           claim.source, claims::to_string(options.profile), outcome.verdict(),
                           claim.sentence, claim.departure(options.profile));
  for (const auto& m : outcome.metrics) {
    std::cout << fmt::format("  {:<36} {}  {}\n", m.metric, m.summary.describe(),
                             m.comparison.empty() ? std::string("(evidence)")
                                                  : fmt::format("{} {:.4g}: {}", m.comparison, m.threshold,
                                                                m.met ? "met" : "NOT met"));
  }
  std::cout << "  results: " << outcome.file.string() << "\n";

  ASSERT_TRUE(outcome.error.empty()) << outcome.error;
  const auto expected = claim.expectation(options.profile);
  EXPECT_EQ(outcome.reproduced, expected.reproduced)
      << (expected.reproduced
              ? "the claim record expects this claim to reproduce in this profile, and it did not"
              : "the claim record says this claim does not reproduce (" + expected.evidence +
                    "), but it did: update the record");
}

}  // namespace aerepro::validation
