// lib/results: rows round-trip through CSV; hostile CSV files give errors naming file and line.
#include "common/error.h"
#include "results/results_csv.h"
#include "test_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

namespace aerepro::results {
namespace {

using aerepro::testing::TempDir;
using ::testing::HasSubstr;

ResultRow sample_row(long long seed) {
  ResultRow r;
  r.profile = "ci";
  r.claim = "s0.kmeans_codes_above_70";
  r.source = "S0.7";
  r.seed = seed;
  r.metric = "majority_accuracy";
  r.value = 0.7346 + 0.001 * static_cast<double>(seed);
  r.comparison = ">";
  r.threshold = 0.70;
  r.verdict = "pass";
  r.source_figure = 0.7346;
  r.git_revision = "abc123";
  r.torch_version = "1.13.0";
  r.device = "cpu";
  r.threads = 2;
  r.dataset_checksum = "ba891046e650+65a50cbbf4e9";
  r.seconds = 12.5;
  return r;
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

template <typename Call>
void expect_artifact_error(Call call, const std::vector<std::string>& fragments) {
  aerepro::testing::expect_error<ArtifactError>(call, fragments);
}

TEST(ResultsCsv, RowsRoundTrip) {
  TempDir dir;
  auto odd = sample_row(2);
  odd.metric = "error, \"quoted\"";  // commas and quotes survive
  odd.value = std::nan("");
  odd.deterministic = false;
  write_results_csv(dir / "r.csv", {sample_row(0), sample_row(1), odd});
  const auto rows = read_results_csv(dir / "r.csv");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].claim, "s0.kmeans_codes_above_70");
  EXPECT_EQ(rows[1].seed, 1);
  EXPECT_DOUBLE_EQ(rows[1].value, sample_row(1).value);
  EXPECT_EQ(rows[2].metric, "error, \"quoted\"");
  EXPECT_TRUE(std::isnan(rows[2].value));
  EXPECT_FALSE(rows[2].deterministic);
  EXPECT_EQ(rows[0].threads, 2);
}

TEST(ResultsCsv, WriteLeavesNoTemporaryFiles) {
  TempDir dir;
  write_results_csv(dir / "r.csv", {sample_row(0)});
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) ++files;
  EXPECT_EQ(files, 1);
}

TEST(ResultsCsv, UnwritableFolderIsAnErrorAndKeepsNothing) {
  TempDir dir;
  std::ofstream(dir / "plain-file") << "x";
  expect_artifact_error([&] { write_results_csv(dir / "plain-file" / "r.csv", {sample_row(0)}); },
                        {"plain-file/r.csv"});
}

TEST(ResultsCsv, MissingFileAndEmptyFileAreErrors) {
  TempDir dir;
  expect_artifact_error([&] { read_results_csv(dir / "none.csv"); }, {"none.csv", "not found"});
  std::ofstream(dir / "empty.csv").close();
  expect_artifact_error([&] { read_results_csv(dir / "empty.csv"); }, {"empty.csv", "empty"});
}

TEST(ResultsCsv, MissingColumnIsNamed) {
  TempDir dir;
  write_results_csv(dir / "r.csv", {sample_row(0)});
  auto text = read_text(dir / "r.csv");
  text.replace(text.find(",seconds"), 8, "");  // header loses a column
  std::ofstream(dir / "bad.csv") << text;
  EXPECT_THROW(read_results_csv(dir / "bad.csv"), ArtifactError);
  std::ofstream(dir / "nohead.csv") << "profile,claim\nci,x\n";
  expect_artifact_error([&] { read_results_csv(dir / "nohead.csv"); },
                        {"nohead.csv", "Missing column \"source\""});
}

TEST(ResultsCsv, ExtraColumnIsAnError) {
  TempDir dir;
  write_results_csv(dir / "r.csv", {sample_row(0)});
  auto text = read_text(dir / "r.csv");
  text.insert(text.find('\n'), ",surprise");
  std::ofstream(dir / "extra.csv") << text;
  expect_artifact_error([&] { read_results_csv(dir / "extra.csv"); }, {"extra.csv"});
}

TEST(ResultsCsv, BadNumberNamesFileLineAndColumn) {
  TempDir dir;
  write_results_csv(dir / "r.csv", {sample_row(0), sample_row(1)});
  auto text = read_text(dir / "r.csv");
  const auto at = text.find("0.7356");  // row 2's value
  text.replace(at, 6, "0.7x56");
  std::ofstream(dir / "num.csv") << text;
  expect_artifact_error([&] { read_results_csv(dir / "num.csv"); },
                        {"num.csv:3", "'value'", "0.7x56"});
}

TEST(ResultsCsv, TruncatedLastLineIsAnError) {
  TempDir dir;
  write_results_csv(dir / "r.csv", {sample_row(0), sample_row(1)});
  auto text = read_text(dir / "r.csv");
  text.resize(text.size() - 30);
  std::ofstream(dir / "cut.csv") << text;
  expect_artifact_error([&] { read_results_csv(dir / "cut.csv"); }, {"cut.csv"});
}

}  // namespace
}  // namespace aerepro::results

// run_claim on claims made up for the test (the real ones train models).
#include "results/artifacts_csv.h"
#include "results/claim_runner.h"

#include <sstream>

namespace aerepro::results {
namespace {

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

TEST(ArtifactsCsv, AnImageWithTooFewPixelsNamesTheLine) {
  TempDir dir;
  std::ofstream(dir / "x.images.csv")
      << "claim,seed,figure,row,col,row_label,height,width,pixels\n"
      << "c,0,grid,0,0,a,2,2,0 1 2 3\n"
      << "c,0,grid,0,1,a,2,2,0 1 2\n";
  expect_artifact_error([&] { read_images_csv(dir / "x.images.csv"); },
                        {"x.images.csv:3", "3 pixels for a 2x2 image"});
}

TEST(ArtifactsCsv, ASummaryWithABadMeanNamesFileLineAndColumn) {
  TempDir dir;
  SummaryRow row;
  row.profile = "ci";
  row.claim = "c";
  row.metric = "m";
  write_summary_csv(dir / "c.summary.csv", {row});
  std::ifstream in(dir / "c.summary.csv");
  std::string header, line;
  std::getline(in, header);
  std::getline(in, line);
  in.close();
  // Column 17 is the mean: replace it with text.
  std::vector<std::string> fields;
  std::stringstream fields_in(line);
  for (std::string f; std::getline(fields_in, f, ',');) fields.push_back(f);
  fields[16] = "lots";
  std::string bad;
  for (size_t i = 0; i < fields.size(); ++i) bad += (i ? "," : "") + fields[i];
  std::ofstream(dir / "c.summary.csv") << header << "\n" << bad << "\n";
  expect_artifact_error([&] { read_summary_csv(dir / "c.summary.csv"); },
                        {"c.summary.csv:2", "'mean'", "lots"});
}

}  // namespace
}  // namespace aerepro::results
