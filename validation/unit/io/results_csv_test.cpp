// lib/results: rows round-trip through CSV; hostile CSV files give errors naming file and line.
#include "results/results_csv.h"
#include "common/error.h"
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
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
    ++files;
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
