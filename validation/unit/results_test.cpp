// lib/results: run_claim on claims made up for the test (the real ones train models).
#include "common/error.h"
#include "results/artifacts_csv.h"
#include "results/claim_runner.h"
#include "results/results_csv.h"
#include "results/seed_plan.h"
#include "test_files.h"

#include <gtest/gtest.h>

#include <cmath>

namespace aerepro::results {
namespace {

using aerepro::testing::TempDir;

claims::Claim made_up_claim(double offset) {
  claims::Claim claim;
  claim.id = "test.made_up";
  claim.source = "S9.9";
  claim.sentence = "the value exceeds one half";
  claim.departures[claims::Profile::ci] = {"none", claims::Bias::none};
  claim.assertions = {{"value", claims::Comparison::greater, 0.5, 0.5, 0.6, ""}};
  claim.evaluate = [offset](claims::ClaimContext& context) {
    context.dataset_checksum = "none";
    return std::vector<claims::Measurement>{
        {"value", offset + 0.1 * static_cast<double>(context.seed)}, {"evidence", 42.0}};
  };
  return claim;
}

// A run of `seeds` seeds writing its results and records under `dir` (results/, records/).
RunOptions options_in(const TempDir& dir, int seeds) {
  RunOptions options;
  options.results_root = dir / "results";
  options.records_root = dir / "records";
  options.seeds = seeds;
  return options;
}

// Every ClaimRunner test runs made-up claims in a temporary folder of its own (`dir`).
class ClaimRunner : public aerepro::testing::InTempDir {
 protected:
  // A run of `seeds` seeds writing its results into `dir` itself (<dir>/ci/); the records root
  // is left at its default unless the test sets it.
  RunOptions options_for(int seeds) const {
    RunOptions options;
    options.results_root = dir.path();
    options.seeds = seeds;
    return options;
  }
};

// Every Records test runs made-up claims in a temporary folder of its own (`dir`).
class Records : public aerepro::testing::InTempDir {};

TEST_F(ClaimRunner, SummarisesSeedsJudgesWithConfidenceAndWritesRows) {
  auto options = options_for(3);
  options.records_root = dir / "records";
  // Seeds give 0.45, 0.55, 0.65: the mean 0.55 > 0.5, but its one-sided 97.5 % lower bound
  // 0.55 - 4.303 * 0.1 / sqrt(3) = 0.302 does not clear 0.5: inconclusive, not reproduced.
  const auto claim = made_up_claim(0.45);
  const auto outcome = run_claim(claim, options);
  EXPECT_EQ(outcome.verdict, claims::ClaimVerdict::inconclusive);
  EXPECT_EQ(outcome.metrics[0].judgement.seeds_met, 2);
  EXPECT_EQ(outcome.record.status, RecordStatus::missing);
  ASSERT_EQ(outcome.metrics.size(), 2u);
  EXPECT_NEAR(outcome.metrics[0].summary.mean, 0.55, 1e-12);
  EXPECT_EQ(outcome.metrics[0].summary.n, 3);
  const auto rows = read_results_csv(dir / "ci" / "test.made_up.csv");
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[0].verdict, "fail");  // seed 0 alone misses; the claim is judged on the mean
  EXPECT_EQ(rows[2].verdict, "pass");
  EXPECT_EQ(rows[1].verdict, "info");
  EXPECT_FALSE(rows[0].git_revision.empty());
  EXPECT_GE(rows[0].threads, 1);
}

TEST_F(ClaimRunner, AMissedThresholdIsNotReproduced) {
  auto options = options_for(3);
  options.records_root = dir / "records";
  // 0.0, 0.1, 0.2: even the upper bound 0.1 + 4.303 * 0.1 / sqrt(3) = 0.348 misses 0.5.
  const auto outcome = run_claim(made_up_claim(0.0), options);
  EXPECT_EQ(outcome.verdict_text(), "not reproduced");
  EXPECT_EQ(outcome.metrics[0].judgement.verdict, claims::MetricVerdict::fails);
}

// Issue 33: a claim's negative control runs on every seed, is judged by the claim's own
// assertion, and a claim that holds on its control too is vacuous, never reproduced.
claims::Claim controlled_claim(double claim_offset, double control_offset) {
  auto claim = made_up_claim(claim_offset);
  claim.control.stands_in = "a made-up untrained model";
  claim.control.evaluate = [control_offset](claims::ClaimContext& context) {
    return std::vector<claims::Measurement>{
        {"value", control_offset + 0.001 * static_cast<double>(context.seed)}};
  };
  return claim;
}

TEST_F(ClaimRunner, AClaimThatHoldsOnItsControlTooIsVacuous) {
  auto options = options_for(3);
  options.records_root = dir / "records";
  const auto outcome = run_claim(controlled_claim(0.9, 0.8), options);
  EXPECT_EQ(outcome.verdict, claims::ClaimVerdict::vacuous);
  ASSERT_TRUE(outcome.control_verdict.has_value());
  EXPECT_EQ(*outcome.control_verdict, claims::ClaimVerdict::reproduced);
  EXPECT_NE(outcome.verdict_note.find("a made-up untrained model"), std::string::npos);
  const auto rows = read_results_csv(outcome.file);
  ASSERT_EQ(rows.size(), 9u);  // value, evidence and control.value per seed
  EXPECT_EQ(rows[2].metric, "control.value");
  EXPECT_EQ(rows[2].verdict, "pass");
  EXPECT_EQ(rows[2].comparison, ">");
}

TEST_F(ClaimRunner, AClaimWhoseControlFailsKeepsItsVerdict) {
  auto options = options_for(3);
  options.records_root = dir / "records";
  const auto outcome = run_claim(controlled_claim(0.9, 0.1), options);
  EXPECT_EQ(outcome.verdict, claims::ClaimVerdict::reproduced);
  EXPECT_EQ(*outcome.control_verdict, claims::ClaimVerdict::not_reproduced);
  // The control's value is judged beside the claim's but never enters its family.
  ASSERT_EQ(outcome.metrics.size(), 3u);
  EXPECT_TRUE(outcome.metrics[2].control());
  EXPECT_EQ(outcome.metrics[2].judgement.verdict, claims::MetricVerdict::fails);
  EXPECT_EQ(outcome.metrics[0].judgement.family_size, 1);
}

TEST_F(ClaimRunner, AControlThatDoesNotMeasureTheAssertedMetricIsAnError) {
  const auto options = options_for(1);
  auto claim = controlled_claim(0.9, 0.1);
  claim.control.evaluate = [](claims::ClaimContext&) {
    return std::vector<claims::Measurement>{{"something_else", 1.0}};
  };
  const auto outcome = run_claim(claim, options);
  EXPECT_EQ(outcome.verdict_text(), "error");
  EXPECT_NE(outcome.error.find("negative control did not measure it"), std::string::npos);
}

TEST_F(ClaimRunner, ADivergedSeedIsRecordedAndTheOthersStillRun) {
  const auto options = options_for(3);
  auto claim = made_up_claim(0.6);
  auto inner = claim.evaluate;
  claim.evaluate = [inner](claims::ClaimContext& context) {
    if (context.seed == 1) throw TrainingError("m: training diverged: loss is nan in epoch 2 of 5");
    return inner(context);
  };
  const auto outcome = run_claim(claim, options);
  EXPECT_EQ(outcome.verdict_text(), "error");
  EXPECT_NE(outcome.error.find("epoch 2"), std::string::npos);
  const auto rows = read_results_csv(outcome.file);
  ASSERT_EQ(rows.size(), 5u);  // 2 rows for seeds 0 and 2, one error row for seed 1
  EXPECT_EQ(rows[2].verdict, "error");
  EXPECT_NE(rows[2].note.find("diverged"), std::string::npos);
  EXPECT_EQ(rows[4].seed, 2);
}

TEST_F(ClaimRunner, WritesTheSpreadFigureDataImagesAndTheIndex) {
  const auto options = options_for(3);
  auto claim = made_up_claim(0.45);
  auto inner = claim.evaluate;
  claim.evaluate = [inner](claims::ClaimContext& context) {
    context.artifacts.add_point(FigureId::error_vs_sigma, "DAE", 0.5,
                                1.0 + static_cast<double>(context.seed));
    context.artifacts.add_image_row(FigureId::denoising, 0, "original",
                                    torch::full({2, 1, 3, 4}, 0.5));
    return inner(context);
  };
  run_claim(claim, options);
  const auto summary = read_summary_csv(summary_file(dir / "ci", "test.made_up"));
  ASSERT_EQ(summary.size(), 2u);
  EXPECT_EQ(summary[0].metric, "value");
  EXPECT_EQ(summary[0].n, 3);
  EXPECT_NEAR(summary[0].mean, 0.55, 1e-9);
  EXPECT_NEAR(summary[0].std, 0.1, 1e-9);
  EXPECT_NEAR(summary[0].min, 0.45, 1e-9);
  EXPECT_NEAR(summary[0].max, 0.65, 1e-9);
  EXPECT_NEAR(summary[0].ci95_high - summary[0].mean, 4.302653 * 0.1 / std::sqrt(3.0), 1e-6);
  EXPECT_EQ(summary[0].verdict, "inconclusive");
  EXPECT_EQ(summary[0].metric_verdict, "inconclusive");
  EXPECT_EQ(summary[0].seeds_met, 2);
  EXPECT_GT(summary[0].seeds_to_settle, 3);
  EXPECT_EQ(summary[1].metric_verdict, "");  // evidence only
  EXPECT_EQ(summary[0].sentence, "the value exceeds one half");
  const auto series = read_series_csv(series_file(dir / "ci", "test.made_up"));
  ASSERT_EQ(series.size(), 3u);
  EXPECT_EQ(series[2].seed, 2);
  EXPECT_EQ(series[2].figure, "error_vs_sigma");  // the catalog's name, as the CSV has always had
  EXPECT_EQ(series[2].x, "0.5");
  EXPECT_DOUBLE_EQ(series[2].y, 3.0);
  const auto images = read_images_csv(images_file(dir / "ci", "test.made_up"));
  ASSERT_EQ(images.size(), 2u);  // the first seed's only
  EXPECT_EQ(images[1].figure, "denoising");
  EXPECT_EQ(images[1].col, 1);
  EXPECT_EQ(images[1].height, 3);
  EXPECT_EQ(images[1].width, 4);
  EXPECT_EQ(images[1].pixels, std::vector<uint8_t>(12, 128));
  const auto index = read_index_csv(index_file(dir / "ci"));
  EXPECT_EQ(index.size(), claims::all_claims().size());
}

TEST_F(Records, StatusNamesStayAsWritten) {
  EXPECT_EQ(to_string(RecordStatus::not_compared) + "|" + to_string(RecordStatus::missing) + "|" +
                to_string(RecordStatus::agrees) + "|" + to_string(RecordStatus::warning) + "|" +
                to_string(RecordStatus::differs),
            "not compared|no record|agrees|warning|differs");
}

TEST_F(Records, ARerunAgreesBitIdenticallyAndAPlantedRegressionIsCaught) {
  auto options = options_in(dir, 3);
  auto claim = made_up_claim(0.65);  // 0.65, 0.75, 0.85: holds
  EXPECT_EQ(run_claim(claim, options).record.status, RecordStatus::missing);
  EXPECT_EQ(write_records(dir / "results", dir / "records", "ci", {claim.id}),
            std::vector<std::string>{claim.id});
  const auto again = run_claim(claim, options);
  EXPECT_EQ(again.record.status, RecordStatus::agrees) << again.record.describe();
  EXPECT_TRUE(again.record.bit_identical);
  EXPECT_TRUE(again.record.same_environment);
  EXPECT_NE(again.record.evidence().find("reproduced"), std::string::npos);
  // The same claim now measures 1.0 higher: it still holds, but its mean moved far beyond
  // Welch's tolerance (spread 0.1 over 3 seeds on both sides).
  const auto planted = run_claim(made_up_claim(1.65), options);
  EXPECT_EQ(planted.record.status, RecordStatus::differs) << planted.record.describe();
  EXPECT_FALSE(planted.ok());
  EXPECT_NE(planted.record.describe().find("aerepro record"), std::string::npos);
}

// Runs made_up_claim(offset) and makes its results the record.
void record_made_up_claim(double offset, const RunOptions& options) {
  run_claim(made_up_claim(offset), options);
  write_records(options.results_root, options.records_root, "ci", {"test.made_up"});
}

// Within the seeds' spread, Welch's test at 3 seeds cannot see a move of a fifth of a standard
// deviation; in the record's own environment (same host CPU, kernels, threads, LibTorch, data)
// the values must be bit-identical, so the move is caught there.
TEST_F(Records, InItsOwnEnvironmentAnyChangeOfAValueIsCaught) {
  auto options = options_in(dir, 3);
  record_made_up_claim(0.65, options);
  const auto moved = run_claim(made_up_claim(0.67), options);
  EXPECT_TRUE(moved.record.same_environment);
  EXPECT_FALSE(moved.record.bit_identical);
  EXPECT_EQ(moved.record.status, RecordStatus::differs) << moved.record.describe();
  ASSERT_EQ(moved.record.value_mismatches.size(), 3u);
  EXPECT_NE(moved.record.value_mismatches[0].find("seed 0 value"), std::string::npos);
  // Welch's test of the means alone would let it pass; the paired test of the same seeds sees
  // the same 0.02 on every seed.
  const auto& m = moved.record.metrics[0];
  EXPECT_GT(claims::welch_p_value(m.record_mean, m.record_std, 3, m.fresh_mean, m.fresh_std, 3),
            kRecordAlpha);
  EXPECT_EQ(m.paired_seeds, 3);
  EXPECT_NE(moved.record.describe().find("change of behaviour"), std::string::npos);
}

// On another host the same seeds are compared pairwise (issue 34): the per-seed differences
// tell a host's rounding (scattered about zero) from a change (every seed moved the same way).
TEST_F(Records, OnAnotherHostTheSameSeedsAreComparedPairwise) {
  auto options = options_in(dir, 3);
  record_made_up_claim(0.65, options);
  const auto record_file = dir / "records" / "ci" / "test.made_up.csv";
  auto rows = read_results_csv(record_file);
  ASSERT_FALSE(rows.empty());
  EXPECT_FALSE(rows[0].host.empty());
  const double jitter[] = {1e-3, -1e-3, 0.5e-3};  // another host's rounding, seed by seed
  for (auto& r : rows) {
    r.host = "Some Other CPU [avx2]";
    if (r.metric == "value") r.value += jitter[r.seed];
  }
  write_results_csv(record_file, rows);
  const auto same = run_claim(made_up_claim(0.65), options);
  EXPECT_FALSE(same.record.same_environment);
  EXPECT_EQ(same.record.status, RecordStatus::agrees) << same.record.describe();
  EXPECT_EQ(same.record.metrics[0].paired_seeds, 3);
  // Every seed 0.02 higher: a fifth of the seeds' spread, invisible to Welch's test of the two
  // means, plain in the differences.
  const auto moved = run_claim(made_up_claim(0.67), options);
  EXPECT_EQ(moved.record.status, RecordStatus::differs) << moved.record.describe();
  EXPECT_NE(moved.record.describe().find("paired t over 3 seeds"), std::string::npos);
  // A record without the host column (written before it existed) is another environment too.
  for (auto& r : rows) r.host.clear();
  write_results_csv(record_file, rows);
  EXPECT_FALSE(run_claim(made_up_claim(0.65), options).record.same_environment);
}

// Two single runs have no spread: "cannot be compared", never "agrees", whatever the values
// (0.98 against 0.50) — except on the record's own environment, where bit-identity decides.
TEST_F(Records, TwoSingleRunsOnAnotherHostCannotBeCompared) {
  auto options = options_in(dir, 1);
  record_made_up_claim(0.50, options);
  const auto record_file = dir / "records" / "ci" / "test.made_up.csv";
  EXPECT_EQ(run_claim(made_up_claim(0.50), options).record.status, RecordStatus::agrees);
  auto rows = read_results_csv(record_file);
  for (auto& r : rows) r.host = "Some Other CPU [avx2]";
  write_results_csv(record_file, rows);
  for (const double now : {0.50, 0.98}) {
    const auto single = run_claim(made_up_claim(now), options);
    EXPECT_EQ(single.record.status, RecordStatus::not_comparable) << single.record.describe();
    EXPECT_EQ(to_string(single.record.status), "cannot be compared");
  }
}

// Fewer seeds than declared: values, no verdict; recorded only on purpose, as interim.
TEST_F(Records, AnInterimResultGivesNoVerdictAndIsRecordedOnlyOnPurpose) {
  auto options = options_in(dir, 3);
  options.declared = DeclaredSample{0, 5};
  const auto outcome = run_claim(made_up_claim(0.65), options);
  EXPECT_EQ(outcome.verdict, claims::ClaimVerdict::interim);
  EXPECT_EQ(outcome.verdict_text(), "interim (3 of 5 declared)");
  EXPECT_EQ(outcome.metrics[0].judgement.verdict, claims::MetricVerdict::interim);
  EXPECT_NE(outcome.verdict_note.find("no verdict yet"), std::string::npos);
  EXPECT_THROW(write_records(dir / "results", dir / "records", "ci", {"test.made_up"}),
               ArtifactError);
  EXPECT_FALSE(std::filesystem::exists(dir / "records" / "ci" / "test.made_up.csv"));
  write_records(dir / "results", dir / "records", "ci", {"test.made_up"}, true);
  const auto summary = read_summary_csv(summary_file(dir / "records" / "ci", "test.made_up"));
  EXPECT_EQ(summary.front().verdict, "interim (3 of 5 declared)");
  EXPECT_EQ(summary.front().declared_seeds, 5);
  // The whole declared sample: a verdict.
  options.seeds = 5;
  EXPECT_EQ(run_claim(made_up_claim(0.65), options).verdict, claims::ClaimVerdict::reproduced);
}

TEST_F(Records, AnErrorIsNeverRecorded) {
  auto options = options_in(dir, 1);
  auto claim = made_up_claim(0.6);
  claim.evaluate = [](claims::ClaimContext&) -> std::vector<claims::Measurement> {
    throw TrainingError("m: training diverged");
  };
  run_claim(claim, options);
  EXPECT_THROW(write_records(dir / "results", dir / "records", "ci", {claim.id}), ArtifactError);
  EXPECT_FALSE(std::filesystem::exists(dir / "records" / "ci" / "test.made_up.csv"));
}

TEST_F(ClaimRunner, AnAssertedMetricTheEvaluationForgotIsAnError) {
  auto options = options_for(1);
  options.records_root = dir / "records";
  auto claim = made_up_claim(0.6);
  claim.assertions.push_back(
      {"missing_metric", claims::Comparison::less, 1.0, 1.0, std::nullopt, ""});
  const auto outcome = run_claim(claim, options);
  EXPECT_EQ(outcome.verdict_text(), "error");
  EXPECT_NE(outcome.error.find("missing_metric"), std::string::npos);
}

TEST_F(ClaimRunner, AProfileWhoseDeparturesFavourTheClaimCannotCallItReproduced) {
  auto options = options_for(3);
  options.records_root = dir / "records";
  auto claim = made_up_claim(0.65);
  EXPECT_EQ(run_claim(claim, options).verdict, claims::ClaimVerdict::reproduced);
  claim.departures[claims::Profile::ci] = {"a lower bar", claims::Bias::easier};
  const auto capped = run_claim(claim, options);
  EXPECT_EQ(capped.verdict, claims::ClaimVerdict::inconclusive);
  EXPECT_NE(capped.verdict_note.find("favour"), std::string::npos);
}

}  // namespace
}  // namespace aerepro::results
