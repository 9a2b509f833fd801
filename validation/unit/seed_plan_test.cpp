// Seed counts declared from a pilot record before the seeds run (issue 27): enough for 80 %
// power where a metric is inconclusive, none where the mean sits on its threshold, a 5-seed pilot
// where one seed has no spread, and the pilot's count where the verdict is already decided.
#include "results/seed_plan.h"
#include "claims/claim.h"
#include "claims/share_test.h"
#include "common/error.h"
#include "results/artifacts_csv.h"
#include "test_files.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include <fmt/format.h>

namespace aerepro::results {
namespace {

using testing::InTempDir;
using SeedPlan = InTempDir;

SummaryRow summary(const std::string& claim, const std::string& verdict, const std::string& metric,
                   const std::string& metric_verdict, int n, double mean, double std,
                   double threshold) {
  SummaryRow r;
  r.profile = "full";
  r.claim = claim;
  r.verdict = verdict;
  r.metric = metric;
  r.comparison = ">";
  r.metric_verdict = metric_verdict;
  r.n = n;
  r.mean = mean;
  r.std = std;
  r.threshold = threshold;
  r.source_figure = r.bound = r.opposite_bound = std::nan("");
  return r;
}

TEST_F(SeedPlan, InconclusiveMetricsGetSeedsForEightyPercentPowerAndTheRestKeepTheirPilot) {
  const auto records = dir.path();
  const auto full = records / "full";
  std::filesystem::create_directories(full);
  // Effect 0.5 sd: 34 seeds (one-sided t at 2.5 % per look, 80 % power).
  write_summary_csv(full / "a.summary.csv",
                    {summary("a", "inconclusive", "m", "inconclusive", 5, 0.5, 1.0, 0.0)});
  // On its threshold: no practical n.
  write_summary_csv(full / "b.summary.csv",
                    {summary("b", "inconclusive", "m", "inconclusive", 5, 0.7001, 0.04, 0.70)});
  write_summary_csv(full / "c.summary.csv",
                    {summary("c", "reproduced", "m", "holds", 5, 0.9, 0.01, 0.70)});
  write_summary_csv(full / "d.summary.csv",
                    {summary("d", "inconclusive", "m", "inconclusive", 1, 0.9, 0.0, 0.70)});
  const auto plan = plan_seeds(records, "full");
  write_seed_plan(seed_plan_file(records, "full"), plan);
  const auto seeds = planned_seeds(records, "full");
  EXPECT_EQ(seeds.at("a"), 34);
  EXPECT_EQ(seeds.at("b"), 5);
  EXPECT_EQ(seeds.at("c"), 5);
  EXPECT_EQ(seeds.at("d"), 5);
  std::map<std::string, std::string> reasons;
  for (const auto& p : read_seed_plan(seed_plan_file(records, "full"))) reasons[p.claim] = p.reason;
  EXPECT_NE(reasons["b"].find("sits on its threshold"), std::string::npos);
  EXPECT_NE(reasons["d"].find("one seed has no spread"), std::string::npos);
  EXPECT_TRUE(planned_seeds(records, "ci").empty());  // no plan: the profile's default
}

TEST_F(SeedPlan, ADeclaredCountStandsWhenTheSeedsRunSinceWouldPlanAnotherOne) {
  const std::vector<SeedPlanRow> declared{{"a", 5, 27, 0, "m", "27 seeds give 80 % power"},
                                          {"gone", 5, 9, 0, "m", "a claim no longer summarised"}};
  // After 27 seeds a re-plan of `a` would say "no more needed"; `new` has just had its pilot.
  const std::vector<SeedPlanRow> fresh{{"a", 27, 27, 0, "", "reproduced at 27 seeds"},
                                       {"new", 5, 5, 0, "", "reproduced at 5 seeds"}};
  const auto plan = keep_declared(declared, fresh);
  ASSERT_EQ(plan.size(), 3u);
  EXPECT_EQ(plan[0].claim, "a");
  EXPECT_EQ(plan[0].pilot_seeds, 5);
  EXPECT_EQ(plan[0].reason, "27 seeds give 80 % power");
  EXPECT_EQ(plan[1].claim, "new");
  EXPECT_EQ(plan[2].claim, "gone");
}

TEST_F(SeedPlan, NoPilotIsAClearError) {
  EXPECT_THROW(plan_seeds(dir.path(), "full"), UsageError);
}

// The two-stage rule (issue 34): a claim the pilot leaves undecided gets new seeds after the
// pilot's, independent of it; the plan file says where they start.
TEST_F(SeedPlan, AFinalSampleIsNewSeedsAfterThePilotsAndItsFirstSeedIsDeclared) {
  const auto full = dir.path() / "full";
  std::filesystem::create_directories(full);
  write_summary_csv(full / "a.summary.csv",
                    {summary("a", "inconclusive", "m", "inconclusive", 5, 0.5, 1.0, 0.0)});
  write_summary_csv(full / "c.summary.csv",
                    {summary("c", "reproduced", "m", "holds", 5, 0.9, 0.01, 0.70)});
  const auto plan = plan_seeds(dir.path(), "full");
  write_seed_plan(seed_plan_file(dir.path(), "full"), plan);
  const auto a = declared_sample(dir.path(), "full", "a");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->first_seed, 5);
  EXPECT_FALSE(a->contains(4));
  EXPECT_TRUE(a->contains(5));
  EXPECT_EQ(a->describe(), fmt::format("seeds 5..{}", 4 + a->seeds));
  EXPECT_EQ(declared_sample(dir.path(), "full", "c")->first_seed, 0);
  // No row: the profile's count from seed 0; smoke declares nothing.
  EXPECT_EQ(declared_sample(dir.path(), "full", "zz")->seeds,
            claims::default_seeds(claims::Profile::full));
  EXPECT_FALSE(declared_sample(dir.path(), "smoke", "a").has_value());
}

// The committed plans (records/ci, records/full) declare every claim once, and no row is stale:
// a count kept at the pilot's says so, a final sample starts after the pilot's seeds, and a
// reason that blames the profile's departures needs a profile whose departures are biased.
TEST(DeclaredPlans, EveryClaimHasOneRowInTheCiAndFullPlans) {
  const auto records = std::filesystem::path(AEREPRO_SOURCE_DIR) / "records";
  for (const auto profile : {claims::Profile::ci, claims::Profile::full}) {
    const auto name = claims::to_string(profile);
    SCOPED_TRACE(name);
    const auto rows = read_seed_plan(seed_plan_file(records, name));
    std::map<std::string, int> count;
    for (const auto& r : rows) {
      SCOPED_TRACE(r.claim);
      ++count[r.claim];
      const auto& claim = claims::find_claim(r.claim);  // UsageError for an unknown id
      EXPECT_GE(r.pilot_seeds, 1);
      EXPECT_GE(r.planned_seeds, 1);
      if (r.first_seed > 0) EXPECT_GE(r.first_seed, r.pilot_seeds);
      if (r.reason.find("no more needed") != std::string::npos)
        EXPECT_EQ(r.planned_seeds, r.pilot_seeds);
      if (r.reason.find("inconclusive by its profile's departures") != std::string::npos) {
        const auto bias = claim.departure(profile).bias;
        EXPECT_TRUE(bias == claims::Bias::easier || bias == claims::Bias::harder);
      }
    }
    for (const auto& claim : claims::all_claims()) EXPECT_EQ(count[claim.id], 1) << claim.id;
  }
  // Declared before its seeds ran (issue 34): S2.9's final sample is 46 new seeds, 5..50.
  const auto conv = declared_sample(records, "full", "s2.conv_aes_reach_low_loss");
  ASSERT_TRUE(conv.has_value());
  EXPECT_EQ(conv->describe(), "seeds 5..50");
}

}  // namespace
}  // namespace aerepro::results
