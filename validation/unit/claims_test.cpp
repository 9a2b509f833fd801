// lib/claims: profiles and the statistics of a claim over seeds.
#include "claims/claim.h"
#include "claims/profile.h"
#include "claims/s3/support.h"
#include "claims/statistics.h"
#include "claims/verdict.h"
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

// The names are written in results files, records and messages: each stays as it was.
TEST(EnumNames, EveryEnumKeepsItsNamesAndAnUnknownNameListsTheValidOnes) {
  EXPECT_EQ(to_string(Profile::smoke) + to_string(Profile::ci) + to_string(Profile::full),
            "smokecifull");
  EXPECT_EQ(to_string(Comparison::less) + to_string(Comparison::less_equal) +
                to_string(Comparison::greater) + to_string(Comparison::greater_equal),
            "<<=>>=");
  EXPECT_EQ(to_string(Bias::none) + "|" + to_string(Bias::harder) + "|" + to_string(Bias::easier) +
                "|" + to_string(Bias::unknown),
            "none|harder|easier|unknown");
  EXPECT_EQ(to_string(MetricVerdict::holds) + "|" + to_string(MetricVerdict::fails) + "|" +
                to_string(MetricVerdict::inconclusive) + "|" + to_string(MetricVerdict::error),
            "holds|fails|inconclusive|error");
  EXPECT_EQ(to_string(ClaimVerdict::reproduced) + "|" + to_string(ClaimVerdict::not_reproduced) +
                "|" + to_string(ClaimVerdict::inconclusive) + "|" + to_string(ClaimVerdict::error) +
                "|" + to_string(ClaimVerdict::no_verdict),
            "reproduced|not reproduced|inconclusive|error|no verdict (smoke)");
  EXPECT_EQ(
      s3::to_string(s3::StackReading::as_made) + "|" + s3::to_string(s3::StackReading::corrected),
      "as made|corrected");
  for (auto v : {MetricVerdict::holds, MetricVerdict::fails, MetricVerdict::inconclusive,
                 MetricVerdict::error}) {
    EXPECT_EQ(parse_metric_verdict(to_string(v)), v);
  }
  const auto message = [](auto parse) -> std::string {
    try {
      parse();
    } catch (const UsageError& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_EQ(message([] { parse_profile("nightly"); }),
            "unknown profile 'nightly': use smoke, ci or full");
  EXPECT_EQ(message([] { parse_comparison("~"); }), "unknown comparison '~': use <, <=, > or >=");
  EXPECT_EQ(message([] { parse_metric_verdict("maybe"); }),
            "unknown metric verdict 'maybe': use holds, fails, inconclusive, error or interim");
}

TEST(SeedStatistics, SummaryOfThreeSeeds) {
  const auto s = summarize({0.70, 0.72, 0.74});
  EXPECT_EQ(s.n, 3);
  EXPECT_NEAR(s.mean, 0.72, 1e-12);
  EXPECT_NEAR(s.std, 0.02, 1e-12);
  EXPECT_DOUBLE_EQ(s.min, 0.70);
  EXPECT_DOUBLE_EQ(s.max, 0.74);
  EXPECT_NEAR(s.ci95_high - s.mean, 4.3027 * 0.02 / std::sqrt(3.0), 1e-5);  // t_{0.975,2}
}

TEST(SeedStatistics, NanIsNotAveragedAway) {
  EXPECT_TRUE(std::isnan(summarize({0.5, std::nan("")}).mean));
  EXPECT_THROW(summarize({}), UsageError);
}

TEST(SeedStatistics, ComparisonsAndNanNeverMeets) {
  EXPECT_TRUE(meets(0.71, Comparison::greater, 0.70));
  EXPECT_FALSE(meets(0.70, Comparison::greater, 0.70));
  EXPECT_TRUE(meets(0.70, Comparison::greater_equal, 0.70));
  EXPECT_TRUE(meets(1.0, Comparison::less, 2.0));
  EXPECT_FALSE(meets(std::nan(""), Comparison::less, 2.0));
  EXPECT_THROW(parse_comparison("~"), UsageError);
  EXPECT_EQ(parse_comparison(to_string(Comparison::less_equal)), Comparison::less_equal);
}

// The verdict rule, with hand-computed cases (t_{0.95,1} = 6.314, t_{0.95,2} = 2.920).
TEST(Verdict, TQuantilesMatchTheTable) {
  EXPECT_NEAR(t_quantile_95(1), 6.3138, 1e-4);
  EXPECT_NEAR(t_quantile_95(2), 2.9200, 1e-4);
  EXPECT_NEAR(t_quantile_95(4), 2.1318, 1e-4);
}

TEST(Verdict, OneSeedIsInconclusiveWhateverItsValue) {
  const auto j = judge({0.99}, Comparison::greater, 0.70);
  EXPECT_EQ(j.verdict, MetricVerdict::inconclusive);
  EXPECT_EQ(j.seeds_met, 1);
  EXPECT_FALSE(j.seeds_to_settle.has_value());
}

TEST(Verdict, TwoSeedsUseTheirOneSidedBound) {
  // 0.8, 0.9: mean 0.85, std 0.0707, half-width t_{0.975,1} 12.706 * 0.0707 / sqrt(2) = 0.6353
  // (each look at 2.5 % per side, issue 34).
  auto j = judge({0.8, 0.9}, Comparison::greater, 0.70);
  EXPECT_NEAR(j.bound, 0.85 - 0.63531, 1e-4);
  EXPECT_EQ(j.verdict, MetricVerdict::inconclusive);
  ASSERT_TRUE(j.seeds_to_settle.has_value());
  EXPECT_GE(*j.seeds_to_settle, 3);
  j = judge({0.8, 0.9}, Comparison::greater, 0.20);  // 0.2147 > 0.2
  EXPECT_EQ(j.verdict, MetricVerdict::holds);
  j = judge({0.8, 0.9}, Comparison::greater, 1.50);  // upper 1.4853 < 1.5
  EXPECT_EQ(j.verdict, MetricVerdict::fails);
  j = judge({0.8, 0.9}, Comparison::less, 1.50);  // "<": the upper bound decides
  EXPECT_EQ(j.verdict, MetricVerdict::holds);
}

TEST(Verdict, ZeroSpreadDecidesOnTheMeanAndABoundOnTheThresholdDoesNotClearIt) {
  EXPECT_EQ(judge({9, 9, 9}, Comparison::greater_equal, 9).verdict, MetricVerdict::holds);
  EXPECT_EQ(judge({9, 9, 9}, Comparison::greater, 9).verdict, MetricVerdict::fails);
  EXPECT_EQ(judge({10, 10, 10}, Comparison::greater_equal, 9).verdict, MetricVerdict::holds);
  EXPECT_EQ(judge({8, 8, 8}, Comparison::greater_equal, 9).verdict, MetricVerdict::fails);
  // 1, 2, 3 against "> t" with t exactly at the lower bound 2 - 4.303/sqrt(3) = -0.4841.
  const double at = 2.0 - t_quantile(0.975, 2) * 1.0 / std::sqrt(3.0);
  const auto j = judge({1, 2, 3}, Comparison::greater, at);
  EXPECT_NE(j.verdict, MetricVerdict::holds);
  EXPECT_EQ(judge({1, 2, 3}, Comparison::greater_equal, at).verdict, MetricVerdict::holds);
}

TEST(Verdict, NanIsAnErrorAndAClaimNeedsEveryMetricToHold) {
  EXPECT_EQ(judge({0.8, std::nan("")}, Comparison::greater, 0.5).verdict, MetricVerdict::error);
  EXPECT_EQ(combine({MetricVerdict::holds, MetricVerdict::holds}), ClaimVerdict::reproduced);
  EXPECT_EQ(combine({MetricVerdict::holds, MetricVerdict::inconclusive}),
            ClaimVerdict::inconclusive);
  EXPECT_EQ(combine({MetricVerdict::inconclusive, MetricVerdict::fails}),
            ClaimVerdict::not_reproduced);
  EXPECT_EQ(combine({MetricVerdict::fails, MetricVerdict::error}), ClaimVerdict::error);
  EXPECT_EQ(combine({MetricVerdict::holds, MetricVerdict::interim}), ClaimVerdict::interim);
}

TEST(Welch, EqualMeansAgreeAndDistantOnesDoNot) {
  EXPECT_NEAR(welch_p_value(0.7, 0.01, 3, 0.7, 0.01, 3), 1.0, 1e-12);
  EXPECT_LT(welch_p_value(0.5, 0.01, 3, 0.7, 0.01, 3), 0.001);
  EXPECT_EQ(welch_p_value(9, 0, 3, 9, 0, 3), 1.0);  // both spreads zero: exact comparison
  EXPECT_EQ(welch_p_value(9, 0, 3, 10, 0, 3), 0.0);
}

// Every claim states every profile's departures (full included) and declares what it asserts.
TEST(ClaimRecords, EveryClaimStatesEachProfilesDeparturesAndItsAssertions) {
  for (const auto& claim : all_claims()) {
    SCOPED_TRACE(claim.id);
    for (const auto profile : all_profiles()) EXPECT_TRUE(claim.states_departure(profile));
    EXPECT_FALSE(claim.assertions.empty());
    bool asserted_in_full = false;
    for (const auto& a : claim.assertions) {
      EXPECT_FALSE(a.threshold(Profile::smoke).has_value());
      asserted_in_full = asserted_in_full || a.threshold(Profile::full).has_value();
    }
    EXPECT_TRUE(asserted_in_full);
  }
}

// Issue 33: every claim runs a negative control (the same procedure where the statement must
// not hold) and says what stands in, or says why it has none; never both, never neither.
TEST(ClaimRecords, EveryClaimHasANegativeControlOrSaysWhyNot) {
  for (const auto& claim : all_claims()) {
    SCOPED_TRACE(claim.id);
    if (claim.control.runs()) {
      EXPECT_FALSE(claim.control.stands_in.empty()) << "a control says what stands in";
      EXPECT_TRUE(claim.control.none_because.empty()) << "a control that runs needs no reason";
    } else {
      EXPECT_FALSE(claim.control.none_because.empty())
          << "no negative control and no reason why (claims/claim.h, Control)";
    }
  }
}

// Issue 33: "bias: unknown" is a finding, never a default. A departure whose direction is not
// known says why, in its declaration (claims/departure.h: not in the report, a variant not yet
// run and its cost, ...); a known bias carries no such reason.
TEST(ClaimRecords, AnUnknownBiasSaysWhyNoVariantUndoesIt) {
  const UnknownBias undone_in_full{WhyUnknown::full_profile_undoes_it, "12 of 30 epochs"};
  EXPECT_NE(Departure({"x", Bias::unknown, {}}).problem(Profile::full), "");
  EXPECT_NE(
      Departure({"x", Bias::none, {{WhyUnknown::not_in_report, "001:3"}}}).problem(Profile::full),
      "");
  EXPECT_NE(
      Departure({"x", Bias::harder, {{WhyUnknown::not_in_report, "001:3"}}}).problem(Profile::full),
      "");
  EXPECT_EQ(
      Departure({"x", Bias::easier, {{WhyUnknown::not_in_report, "001:3"}}}).problem(Profile::full),
      "");
  EXPECT_NE(
      Departure({"x", Bias::unknown, {{WhyUnknown::variant_not_run, ""}}}).problem(Profile::full),
      "");
  EXPECT_NE(Departure({"x", Bias::unknown, {undone_in_full}}).problem(Profile::full), "");
  EXPECT_EQ(Departure({"x", Bias::unknown, {undone_in_full}}).problem(Profile::ci), "");
  const Departure d{"batches reshuffled",
                    Bias::unknown,
                    {{WhyUnknown::variant_not_run, "unshuffled batches, 5 retrainings"},
                     {WhyUnknown::not_in_report, "000:47 gives only the value"}}};
  EXPECT_EQ(d.bias_text(), "unknown (not in the report; a variant could undo it, not yet run)");
  EXPECT_EQ(d.described(),
            "batches reshuffled. Of unknown direction — not in the report: 000:47 gives only the "
            "value. a variant could undo it, not yet run: unshuffled batches, 5 retrainings");
  EXPECT_EQ(Departure({"as made", Bias::none, {}}).bias_text(), "none");
  for (const auto& claim : all_claims()) {
    for (const auto profile : all_profiles()) {
      EXPECT_EQ(claim.departure(profile).problem(profile), "")
          << claim.id << ", profile " << to_string(profile);
    }
  }
}

TEST(Verdict, AReproducedClaimWhoseControlIsReproducedTooIsVacuous) {
  std::string note;
  EXPECT_EQ(
      limit_by_control(ClaimVerdict::reproduced, ClaimVerdict::reproduced, "zero output", &note),
      ClaimVerdict::vacuous);
  EXPECT_NE(note.find("zero output"), std::string::npos);
  for (const auto control : {ClaimVerdict::not_reproduced, ClaimVerdict::inconclusive}) {
    EXPECT_EQ(limit_by_control(ClaimVerdict::reproduced, control, "x", &note),
              ClaimVerdict::reproduced);
    EXPECT_TRUE(note.empty());
  }
  EXPECT_EQ(limit_by_control(ClaimVerdict::not_reproduced, ClaimVerdict::reproduced, "x", &note),
            ClaimVerdict::not_reproduced);
  EXPECT_EQ(to_string(ClaimVerdict::vacuous), "vacuous");
}

}  // namespace
}  // namespace aerepro::claims
