// lib/results: run_claim on claims made up for the test (the real ones train models).
#include "common/error.h"
#include "results/artifacts_csv.h"
#include "results/claim_runner.h"
#include "results/results_csv.h"
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
  claim.evaluate = [offset](claims::ClaimContext& context) {
    context.dataset_checksum = "none";
    return std::vector<claims::Measurement>{
        {"value", offset + 0.1 * static_cast<double>(context.seed), ">", 0.5, 0.6},
        {"evidence", 42.0, "", std::nan(""), std::nan("")}};
  };
  return claim;
}

TEST(ClaimRunner, SummarisesSeedsDecidesOnTheMeanAndWritesRows) {
  TempDir dir;
  RunOptions options;
  options.results_root = dir.path();
  options.seeds = 3;
  const auto claim = made_up_claim(0.45);  // seeds give 0.45, 0.55, 0.65: mean 0.55 > 0.5
  const auto outcome = run_claim(claim, options);
  EXPECT_TRUE(outcome.reproduced);
  EXPECT_TRUE(outcome.as_expected());
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

TEST(ClaimRunner, AMissedThresholdIsNotReproduced) {
  TempDir dir;
  RunOptions options;
  options.results_root = dir.path();
  options.seeds = 2;
  const auto outcome = run_claim(made_up_claim(0.0), options);
  EXPECT_FALSE(outcome.reproduced);
  EXPECT_EQ(outcome.verdict(), "not reproduced");
  EXPECT_FALSE(outcome.as_expected());
}

TEST(ClaimRunner, ADivergedSeedIsRecordedAndTheOthersStillRun) {
  TempDir dir;
  RunOptions options;
  options.results_root = dir.path();
  options.seeds = 3;
  auto claim = made_up_claim(0.6);
  auto inner = claim.evaluate;
  claim.evaluate = [inner](claims::ClaimContext& context) {
    if (context.seed == 1) throw TrainingError("m: training diverged: loss is nan in epoch 2 of 5");
    return inner(context);
  };
  const auto outcome = run_claim(claim, options);
  EXPECT_EQ(outcome.verdict(), "error");
  EXPECT_NE(outcome.error.find("epoch 2"), std::string::npos);
  const auto rows = read_results_csv(outcome.file);
  ASSERT_EQ(rows.size(), 5u);  // 2 rows for seeds 0 and 2, one error row for seed 1
  EXPECT_EQ(rows[2].verdict, "error");
  EXPECT_NE(rows[2].note.find("diverged"), std::string::npos);
  EXPECT_EQ(rows[4].seed, 2);
}

TEST(ClaimRunner, WritesTheSpreadFigureDataImagesAndTheIndex) {
  TempDir dir;
  RunOptions options;
  options.results_root = dir.path();
  options.seeds = 3;
  auto claim = made_up_claim(0.45);
  auto inner = claim.evaluate;
  claim.evaluate = [inner](claims::ClaimContext& context) {
    context.artifacts.add_point("error_vs_sigma", "DAE", 0.5, 1.0 + static_cast<double>(context.seed));
    context.artifacts.add_image_row("denoising", 0, "original", torch::full({2, 1, 3, 4}, 0.5));
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
  EXPECT_NEAR(summary[0].ci95_high - summary[0].mean, 4.303 * 0.1 / std::sqrt(3.0), 1e-6);
  EXPECT_EQ(summary[0].verdict, "reproduced");
  EXPECT_EQ(summary[0].sentence, "the value exceeds one half");
  const auto series = read_series_csv(series_file(dir / "ci", "test.made_up"));
  ASSERT_EQ(series.size(), 3u);
  EXPECT_EQ(series[2].seed, 2);
  EXPECT_EQ(series[2].x, "0.5");
  EXPECT_DOUBLE_EQ(series[2].y, 3.0);
  const auto images = read_images_csv(images_file(dir / "ci", "test.made_up"));
  ASSERT_EQ(images.size(), 2u);  // the first seed's only
  EXPECT_EQ(images[1].col, 1);
  EXPECT_EQ(images[1].height, 3);
  EXPECT_EQ(images[1].width, 4);
  EXPECT_EQ(images[1].pixels, std::vector<uint8_t>(12, 128));
  const auto index = read_index_csv(index_file(dir / "ci"));
  EXPECT_EQ(index.size(), claims::all_claims().size());
}

}  // namespace
}  // namespace aerepro::results
