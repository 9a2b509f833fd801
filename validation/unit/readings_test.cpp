// Plausible readings of an ambiguous report (issue 33): how a claim declares itself a reading
// variant of an as-made claim (claims::Reading), and the statement's verdict across the
// readings (results/readings.h).
#include "results/readings.h"
#include "claims/claim.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace aerepro {
namespace {

using results::across_readings;
using results::kDependsOnTheReading;

std::set<std::string> asserted_metrics(const claims::Claim& claim) {
  std::set<std::string> out;
  for (const auto& a : claim.assertions) out.insert(a.metric);
  return out;
}

// The as-made claim first, then its variants' verdicts.
std::string across(const std::vector<std::string>& verdicts) {
  std::vector<results::ReadingVerdict> readings;
  for (size_t i = 0; i < verdicts.size(); ++i)
    readings.push_back({"claim" + std::to_string(i), "reading " + std::to_string(i), verdicts[i]});
  return across_readings(readings).verdict;
}

TEST(ClaimReadings, EveryVariantReadsAnExistingAsMadeClaimOfTheSameStatement) {
  for (const auto& claim : claims::all_claims()) {
    if (!claim.reading.is_variant()) continue;
    SCOPED_TRACE(claim.id);
    EXPECT_FALSE(claim.reading.name.empty()) << "a reading variant names its reading";
    EXPECT_FALSE(claim.reading.differs.empty())
        << "a reading variant says what it reads differently, citing the report's line";
    const auto& made = claims::find_claim(claim.reading.of);  // throws when it does not exist
    EXPECT_FALSE(made.reading.is_variant()) << "a variant reads an as-made claim, not a variant";
    EXPECT_TRUE(made.reading.declared()) << made.id << " names its own reading beside " << claim.id;
    EXPECT_EQ(claim.origin, made.origin);
    EXPECT_EQ(claim.source, made.source);
    EXPECT_EQ(asserted_metrics(claim), asserted_metrics(made))
        << "readings of one statement assert the same metrics";
  }
}

TEST(ClaimReadings, AnAsMadeClaimThatNamesItsReadingHasAVariant) {
  for (const auto& claim : claims::all_claims()) {
    if (!claim.reading.declared() || claim.reading.is_variant()) continue;
    EXPECT_FALSE(claims::readings_of(claim.id).empty())
        << claim.id << " names its reading, but no claim is another reading of it";
    EXPECT_TRUE(claim.reading.differs.empty()) << claim.id << ": only a variant differs";
  }
}

TEST(ClaimReadings, S2sLatentNoiseIsReadOnBothPixelScales) {
  for (const std::string id : {"s2.latent_noise_small_keeps_reconstruction",
                               "s2.latent_noise_huge_destroys_reconstruction"}) {
    const auto variants = claims::readings_of(id);
    ASSERT_EQ(variants.size(), 1u) << id;
    EXPECT_EQ(variants.front()->id, id + "_pixels_0_255");
  }
  EXPECT_TRUE(claims::readings_of("").empty());
}

TEST(AcrossReadings, AClaimWithoutReadingsKeepsItsOwnVerdict) {
  for (const char* v : {"reproduced", "not reproduced", "vacuous", "inconclusive", "error",
                        "interim (1 of 3 declared)", "not run"})
    EXPECT_EQ(across({v}), v);
  EXPECT_EQ(across({}), "");
}

TEST(AcrossReadings, ReproducedOnlyWhenEveryReadingIsReproduced) {
  EXPECT_EQ(across({"reproduced", "reproduced"}), "reproduced");
  EXPECT_EQ(across({"reproduced", "reproduced", "reproduced"}), "reproduced");
}

TEST(AcrossReadings, NotReproducedOnlyWhenEveryReadingFails) {
  EXPECT_EQ(across({"not reproduced", "not reproduced"}), "not reproduced");
}

TEST(AcrossReadings, ReadingsThatDisagreeMakeItDependOnTheReading) {
  EXPECT_EQ(across({"reproduced", "not reproduced"}), kDependsOnTheReading);
  EXPECT_EQ(across({"not reproduced", "reproduced"}), kDependsOnTheReading);
  // Two settled readings that disagree are not reconciled by a third that is unsettled.
  EXPECT_EQ(across({"reproduced", "inconclusive", "not reproduced"}), kDependsOnTheReading);
}

TEST(AcrossReadings, VacuousIsAVerdictOfItsOwnNeitherReproducedNorFailed) {
  EXPECT_EQ(across({"vacuous", "vacuous"}), "vacuous");
  EXPECT_EQ(across({"reproduced", "vacuous"}), kDependsOnTheReading);
  EXPECT_EQ(across({"vacuous", "not reproduced"}), kDependsOnTheReading);
}

TEST(AcrossReadings, AnInterimReadingLeavesTheStatementInterim) {
  EXPECT_EQ(across({"reproduced", "interim (1 of 3 declared)"}), "interim");
  EXPECT_EQ(across({"interim", "reproduced", "not reproduced"}), "interim");
}

TEST(AcrossReadings, AnUnsettledReadingLeavesAgreeingOnesUnsettled) {
  EXPECT_EQ(across({"reproduced", "inconclusive"}), "inconclusive");
  EXPECT_EQ(across({"not reproduced", "not run"}), "not run");
  EXPECT_EQ(across({"error", "reproduced"}), "error");
}

TEST(AcrossReadings, ListsEachReadingsVerdictAsMadeFirst) {
  const auto a = across_readings(
      {{"s.x", "pixels [0,1]", "reproduced"}, {"s.x_0_255", "pixels 0-255", "not reproduced"}});
  EXPECT_EQ(a.verdict, kDependsOnTheReading);
  EXPECT_EQ(a.listing(),
            "pixels [0,1] (s.x): reproduced; pixels 0-255 (s.x_0_255): not reproduced");
}

}  // namespace
}  // namespace aerepro
