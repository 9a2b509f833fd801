// lib/results: rows round-trip through CSV; hostile CSV files give errors naming file and line.
#include "results/results_csv.h"
#include "common/error.h"
#include "results/artifacts_csv.h"
#include "test_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

namespace aerepro::results {
namespace {

using aerepro::testing::read_text;
using aerepro::testing::write_text;
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

template <typename Call>
void expect_artifact_error(Call call, const std::vector<std::string>& fragments) {
  aerepro::testing::expect_error<ArtifactError>(call, fragments);
}

// Every ResultsCsv test works in a temporary folder of its own (`dir`).
class ResultsCsv : public aerepro::testing::InTempDir {
 protected:
  // The text of r.csv written with `rows`: the starting point of a damaged file.
  std::string written_text(const std::vector<ResultRow>& rows) {
    write_results_csv(dir / "r.csv", rows);
    return read_text(dir / "r.csv");
  }
  // Writes `text` to `name` and expects reading it to be an error naming `fragments`.
  void expect_rejected(const std::string& name, const std::string& text,
                       const std::vector<std::string>& fragments) {
    write_text(dir / name, text);
    expect_artifact_error([&] { read_results_csv(dir / name); }, fragments);
  }
};

TEST_F(ResultsCsv, RowsRoundTrip) {
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

TEST_F(ResultsCsv, WriteLeavesNoTemporaryFiles) {
  write_results_csv(dir / "r.csv", {sample_row(0)});
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
    ++files;
  EXPECT_EQ(files, 1);
}

TEST_F(ResultsCsv, UnwritableFolderIsAnErrorAndKeepsNothing) {
  std::ofstream(dir / "plain-file") << "x";
  expect_artifact_error([&] { write_results_csv(dir / "plain-file" / "r.csv", {sample_row(0)}); },
                        {"plain-file/r.csv"});
}

TEST_F(ResultsCsv, MissingFileAndEmptyFileAreErrors) {
  expect_artifact_error([&] { read_results_csv(dir / "none.csv"); }, {"none.csv", "not found"});
  std::ofstream(dir / "empty.csv").close();
  expect_artifact_error([&] { read_results_csv(dir / "empty.csv"); }, {"empty.csv", "empty"});
}

TEST_F(ResultsCsv, MissingColumnIsNamed) {
  auto text = written_text({sample_row(0)});
  text.replace(text.find(",seconds"), 8, "");  // header loses a column
  write_text(dir / "bad.csv", text);
  EXPECT_THROW(read_results_csv(dir / "bad.csv"), ArtifactError);
  expect_rejected("nohead.csv", "profile,claim\nci,x\n",
                  {"nohead.csv", "Missing column \"source\""});
}

TEST_F(ResultsCsv, ExtraColumnIsAnError) {
  auto text = written_text({sample_row(0)});
  text.insert(text.find('\n'), ",surprise");
  expect_rejected("extra.csv", text, {"extra.csv"});
}

TEST_F(ResultsCsv, BadNumberNamesFileLineAndColumn) {
  auto text = written_text({sample_row(0), sample_row(1)});
  const auto at = text.find("0.7356");  // row 2's value
  text.replace(at, 6, "0.7x56");
  expect_rejected("num.csv", text, {"num.csv:3", "'value'", "0.7x56"});
}

TEST_F(ResultsCsv, TruncatedLastLineIsAnError) {
  auto text = written_text({sample_row(0), sample_row(1)});
  text.resize(text.size() - 30);
  expect_rejected("cut.csv", text, {"cut.csv"});
}

}  // namespace
}  // namespace aerepro::results

namespace aerepro::results {
namespace {

SummaryRow claim_summary_row(const std::string& claim, const std::string& metric) {
  SummaryRow r;
  r.profile = "full";
  r.claim = claim;
  r.source = "S3.8";
  r.sentence = "a long sentence, with a comma, that every metric's row used to repeat";
  r.departure = "trains on a seeded random 12,000 images";
  r.verdict = "not reproduced";
  r.record_note = "record of 2026-12-02 (revision abc): not reproduced";
  r.dataset_checksum = "mnist:ba891046e650+65a50cbbf4e9";
  r.metric = metric;
  r.mean = 0.5;
  return r;
}

TEST(SummaryCsv, AClaimsLongTextsAreWrittenOnceAndReadBackOnEveryRow) {
  aerepro::testing::TempDir dir;
  const auto file = dir / "s.summary.csv";
  auto other = claim_summary_row("s3.other", "m");
  other.sentence = "another claim's sentence";
  write_summary_csv(file, {claim_summary_row("s3.a", "m1"), claim_summary_row("s3.a", "m2"),
                           claim_summary_row("s3.a", "m3"), other});
  const std::string text = read_text(file);
  size_t count = 0;
  for (size_t at = text.find("every metric's row"); at != std::string::npos;
       at = text.find("every metric's row", at + 1))
    ++count;
  EXPECT_EQ(count, 1u) << text;
  const auto rows = read_summary_csv(file);
  ASSERT_EQ(rows.size(), 4u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(rows[i].sentence, claim_summary_row("s3.a", "").sentence) << i;
    EXPECT_EQ(rows[i].departure, "trains on a seeded random 12,000 images") << i;
    EXPECT_EQ(rows[i].record_note, claim_summary_row("s3.a", "").record_note) << i;
    EXPECT_EQ(rows[i].dataset_checksum, "mnist:ba891046e650+65a50cbbf4e9") << i;
    EXPECT_EQ(rows[i].source, "S3.8") << i;
  }
  EXPECT_EQ(rows[2].metric, "m3");
  EXPECT_EQ(rows[3].sentence, "another claim's sentence");  // a new claim starts afresh
  EXPECT_EQ(rows[3].departure, "trains on a seeded random 12,000 images");
}

}  // namespace
}  // namespace aerepro::results
