// lib/claims: profiles and the statistics of a claim over seeds.
#include "claims/profile.h"
#include "claims/statistics.h"
#include "common/error.h"

#include <gtest/gtest.h>

#include <cmath>

namespace aerepro::claims {
namespace {

TEST(Profiles, ParseRoundTripsAndRejectsUnknownNames) {
  for (auto p : all_profiles()) EXPECT_EQ(parse_profile(to_string(p)), p);
  EXPECT_THROW(parse_profile("nightly"), UsageError);
  EXPECT_GE(default_seeds(Profile::ci), 3);
  EXPECT_GE(default_seeds(Profile::full), 5);
}

TEST(SeedStatistics, SummaryOfThreeSeeds) {
  const auto s = summarize({0.70, 0.72, 0.74});
  EXPECT_EQ(s.n, 3);
  EXPECT_NEAR(s.mean, 0.72, 1e-12);
  EXPECT_NEAR(s.std, 0.02, 1e-12);
  EXPECT_DOUBLE_EQ(s.min, 0.70);
  EXPECT_DOUBLE_EQ(s.max, 0.74);
  EXPECT_NEAR(s.ci95_high - s.mean, 4.303 * 0.02 / std::sqrt(3.0), 1e-9);
}

TEST(SeedStatistics, NanIsNotAveragedAway) {
  EXPECT_TRUE(std::isnan(summarize({0.5, std::nan("")}).mean));
  EXPECT_THROW(summarize({}), UsageError);
}

TEST(SeedStatistics, ComparisonsAndNanNeverMeets) {
  EXPECT_TRUE(meets(0.71, ">", 0.70));
  EXPECT_FALSE(meets(0.70, ">", 0.70));
  EXPECT_TRUE(meets(0.70, ">=", 0.70));
  EXPECT_TRUE(meets(1.0, "<", 2.0));
  EXPECT_FALSE(meets(std::nan(""), "<", 2.0));
  EXPECT_THROW(meets(1.0, "~", 2.0), UsageError);
}

}  // namespace
}  // namespace aerepro::claims
