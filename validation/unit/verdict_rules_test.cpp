// The rules that make a verdict one a grader can rely on (issue 27): a profile's bias limits what
// it may say on both sides; the failing side is corrected for the number of metrics a claim
// asserts; a single seed is never taken as an exact value; the report's own number is placed in
// the method's prediction interval; seed counts are planned for power, not guessed.
#include "claims/statistics.h"
#include "claims/verdict.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace aerepro::claims {
namespace {

std::vector<double> normal_draws(std::mt19937_64& rng, int n, double mean, double std) {
  std::normal_distribution<double> normal(mean, std);
  std::vector<double> out(n);
  for (auto& v : out) v = normal(rng);
  return out;
}

TEST(BiasRule, HarderDeparturesCannotCallAClaimNotReproduced) {
  std::string note;
  EXPECT_EQ(limit_by_bias(ClaimVerdict::not_reproduced, Bias::harder, &note),
            ClaimVerdict::inconclusive);
  EXPECT_NE(note.find("can only make the claim harder"), std::string::npos);
  EXPECT_EQ(limit_by_bias(ClaimVerdict::reproduced, Bias::harder, &note), ClaimVerdict::reproduced);
  EXPECT_EQ(note, "");
}

TEST(BiasRule, EasierDeparturesCannotCallAClaimReproduced) {
  std::string note;
  EXPECT_EQ(limit_by_bias(ClaimVerdict::reproduced, Bias::easier, &note),
            ClaimVerdict::inconclusive);
  EXPECT_NE(note.find("can favour the claim"), std::string::npos);
  EXPECT_EQ(limit_by_bias(ClaimVerdict::not_reproduced, Bias::easier, &note),
            ClaimVerdict::not_reproduced);
  for (auto bias : {Bias::none, Bias::unknown}) {
    EXPECT_EQ(limit_by_bias(ClaimVerdict::reproduced, bias, &note), ClaimVerdict::reproduced);
    EXPECT_EQ(limit_by_bias(ClaimVerdict::not_reproduced, bias, &note),
              ClaimVerdict::not_reproduced);
  }
}

// A planted case: of four metrics, one misses its threshold at p ~ 0.03 — enough alone, not
// after Holm over four (0.05 / 4 = 0.0125); the claim is inconclusive, not "not reproduced".
TEST(HolmOnTheFailingSide, AMarginalFailAmongFourMetricsIsInconclusive) {
  // 5 seeds, mean 0.98, std 0.0158 against "> 1": t = 2.828, one-sided p = 0.0237.
  const std::vector<double> marginal{0.96, 0.97, 0.98, 0.99, 1.0};
  auto a = judge(marginal, Comparison::greater, 1.0);
  ASSERT_EQ(a.verdict, MetricVerdict::fails);
  EXPECT_NEAR(a.miss_p, 0.0237, 0.0005);
  auto b = judge({2, 2.1, 2.2, 2.3, 2.4}, Comparison::greater, 1.0);
  auto c = b, d = b;
  judge_family({&a, &b, &c, &d});
  EXPECT_EQ(a.verdict, MetricVerdict::inconclusive);
  EXPECT_TRUE(a.fails_only_uncorrected);
  EXPECT_NE(a.explain().find("Holm"), std::string::npos);
  EXPECT_EQ(combine({a.verdict, b.verdict, c.verdict, d.verdict}), ClaimVerdict::inconclusive);
  // Alone, the same metric fails.
  auto alone = judge(marginal, Comparison::greater, 1.0);
  judge_family({&alone});
  EXPECT_EQ(alone.verdict, MetricVerdict::fails);
}

TEST(HolmOnTheFailingSide, AClearFailStillFailsAmongFourMetrics) {
  auto a = judge({0.5, 0.55, 0.6, 0.52, 0.58}, Comparison::greater, 1.0);  // p ~ 1e-6
  auto b = judge({2, 2.1, 2.2, 2.3, 2.4}, Comparison::greater, 1.0);
  auto c = b, d = b;
  judge_family({&a, &b, &c, &d});
  EXPECT_EQ(a.verdict, MetricVerdict::fails);
  EXPECT_EQ(combine({a.verdict, b.verdict, c.verdict, d.verdict}), ClaimVerdict::not_reproduced);
}

// A claim true at its thresholds (every metric's true mean exactly on it) is called not
// reproduced at most ~2.5 % of the time at one look with Holm; without it, 1 - 0.975^4 = 9.6 %.
TEST(HolmOnTheFailingSide, AFourMetricClaimTrueAtItsThresholdsFailsAtMostFivePercent) {
  std::mt19937_64 rng(27);
  const int trials = 4000;
  int corrected = 0, uncorrected = 0;
  for (int t = 0; t < trials; ++t) {
    std::vector<MetricJudgement> js;
    for (int m = 0; m < 4; ++m)
      js.push_back(judge(normal_draws(rng, 5, 1.0, 0.1), Comparison::greater, 1.0));
    std::vector<MetricVerdict> raw;
    for (const auto& j : js) raw.push_back(j.verdict);
    if (combine(raw) == ClaimVerdict::not_reproduced) ++uncorrected;
    std::vector<MetricJudgement*> family;
    for (auto& j : js) family.push_back(&j);
    judge_family(family);
    std::vector<MetricVerdict> holm;
    for (const auto& j : js) holm.push_back(j.verdict);
    if (combine(holm) == ClaimVerdict::not_reproduced) ++corrected;
  }
  EXPECT_NEAR(uncorrected / double(trials), 0.096, 0.02);
  EXPECT_LE(corrected / double(trials), 0.035);
}

// A one-seed record is one draw, not an exact value: a fresh 5-seed run of the same method is
// called different about 0.1 % of the time (the record's alpha), not 2.5 %.
TEST(SingleSeed, ARecordOfOneSeedIsComparedByTheOtherSidesPredictionInterval) {
  std::mt19937_64 rng(1);
  const int trials = 20000;
  int differs = 0;
  for (int t = 0; t < trials; ++t) {
    const double record = normal_draws(rng, 1, 0.0, 1.0)[0];
    const auto fresh = summarize(normal_draws(rng, 5, 0.0, 1.0));
    if (welch_p_value(record, 0, 1, fresh.mean, fresh.std, 5) < 0.001) ++differs;
  }
  EXPECT_LT(differs / double(trials), 0.004);
  // The formula: |x - mean| / (s sqrt(1 + 1/n)) against t with n - 1 degrees of freedom.
  const double p = welch_p_value(1.0, 0, 1, 0.0, 0.5, 5);
  EXPECT_NEAR(p, 0.1419, 0.001);  // t = 1 / (0.5 sqrt(1.2)) = 1.826, df 4, two-sided
  EXPECT_EQ(welch_p_value(2.0, 0, 1, 2.0, 0, 5), 1.0);           // zero spread: exact
  EXPECT_TRUE(std::isnan(welch_p_value(1.0, 0, 1, 1.5, 0, 1)));  // no spread either side
}

TEST(SingleSeed, TheConfidenceIntervalUsesExactTQuantilesBeyondThirtyDegreesOfFreedom) {
  EXPECT_NEAR(t_quantile_975(31), 2.0395, 1e-4);
  EXPECT_NEAR(t_quantile_975(4), 2.7764, 1e-4);
  std::vector<double> values(32);
  for (int i = 0; i < 32; ++i) values[i] = i % 2;
  const auto s = summarize(values);
  EXPECT_NEAR(s.ci95_high - s.mean, 2.0395 * s.std / std::sqrt(32.0), 1e-5);
}

TEST(ReportsNumber, APrintedFigureIsPlacedInTheMethodsPredictionInterval) {
  const std::vector<double> seeds{0.70, 0.72, 0.74, 0.71, 0.73};  // mean 0.72, s 0.0158
  const auto pi = prediction_interval_95(seeds);
  ASSERT_TRUE(pi.has_value());
  const double half = 2.7764 * 0.0158114 * std::sqrt(1.2);
  EXPECT_NEAR(pi->low, 0.72 - half, 1e-4);
  EXPECT_NEAR(pi->high, 0.72 + half, 1e-4);
  EXPECT_EQ(figure_position(pi, 5, 0.7346), "inside");
  EXPECT_EQ(figure_position(pi, 5, 0.81), "above");  // a planted figure above the interval
  EXPECT_EQ(figure_position(pi, 5, 0.60), "below");
  EXPECT_EQ(figure_position(prediction_interval_95({0.7}), 1, 0.7346), "no spread (n = 1)");
  EXPECT_EQ(figure_position(pi, 5, std::nan("")), "");
  // A printed figure is rounded: a deterministic value that rounds to it lies inside.
  const auto exact = prediction_interval_95({13.8662, 13.8662, 13.8662});
  EXPECT_EQ(figure_position(exact, 3, 13.87), "inside");
  EXPECT_EQ(figure_position(exact, 3, 13.88), "above");
  EXPECT_EQ(figure_position(exact, 3, 13.8), "below");
  // The reports' float32 arithmetic: S2's PCA mean of the ten printed errors (13.968258…) against
  // the same deterministic computation in double precision (13.968255…) is inside, a figure 1e-4
  // away is not.
  const auto pca = prediction_interval_95({13.968255662918091, 13.968255662918091});
  EXPECT_EQ(figure_position(pca, 2, 13.968258671569824), "inside");
  EXPECT_EQ(figure_position(pca, 2, 13.968255662918091 * (1 + 1e-4)), "above");
}

// One-sample, one-sided t test at 5 % with 80 % power (G*Power: d = 1 needs 8, d = 0.5 needs 27).
TEST(SeedPower, SeedsForEightyPercentPowerFollowTheNoncentralT) {
  // One-sided tests at 2.5 % per look (issue 34).
  EXPECT_EQ(seeds_for_power(1.0, 1.0, 0.0, 50), 10);
  EXPECT_EQ(seeds_for_power(0.5, 1.0, 0.0, 50), 34);
  EXPECT_EQ(seeds_for_power(-0.5, 1.0, 0.0, 50), 34);                // either direction
  EXPECT_FALSE(seeds_for_power(0.7, 0.038, 0.698, 50).has_value());  // on its threshold
  EXPECT_FALSE(seeds_for_power(0.7, 0.0, 0.5, 50).has_value());      // no spread
}

}  // namespace
}  // namespace aerepro::claims
