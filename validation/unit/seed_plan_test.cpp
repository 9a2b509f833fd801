// Seed counts declared from a pilot record before the seeds run (issue 27): enough for 80 %
// power where a metric is inconclusive, none where the mean sits on its threshold, a 5-seed pilot
// where one seed has no spread, and the pilot's count where the verdict is already decided.
#include "results/seed_plan.h"
#include "common/error.h"
#include "results/artifacts_csv.h"
#include "test_files.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

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
  // Effect 0.5 sd: 27 seeds (one-sided t, 5 %, 80 % power).
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
  EXPECT_EQ(seeds.at("a"), 27);
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
  const std::vector<SeedPlanRow> declared{{"a", 5, 27, "m", "27 seeds give 80 % power"},
                                          {"gone", 5, 9, "m", "a claim no longer summarised"}};
  // After 27 seeds a re-plan of `a` would say "no more needed"; `new` has just had its pilot.
  const std::vector<SeedPlanRow> fresh{{"a", 27, 27, "", "reproduced at 27 seeds"},
                                       {"new", 5, 5, "", "reproduced at 5 seeds"}};
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

}  // namespace
}  // namespace aerepro::results
