// The label and counters describe_run gives a run, read back by the CSV reporter from real
// Google Benchmark runs (no LibTorch: the benchmarks below only sleep in manual time).
#include "run_description.h"
#include "csv_collecting_reporter.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace aerepro::bench {
namespace {

TEST(RunLabel, ParsesWhatItFormats) {
  const RunLabel label{"s0_conv_dae", "train_step", "cuda", "cpp"};
  const std::string text = format_run_label(label);
  EXPECT_EQ(text, "model=s0_conv_dae kind=train_step device=cuda implementation=cpp");
  const auto parsed = parse_run_label(text);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->model, "s0_conv_dae");
  EXPECT_EQ(parsed->kind, "train_step");
  EXPECT_EQ(parsed->device, "cuda");
  EXPECT_EQ(parsed->implementation, "cpp");
}

TEST(RunLabel, RejectsNamesItCouldNotReadBack) {
  EXPECT_THROW(format_run_label({"two words", "pca", "cpu"}), std::invalid_argument);
  EXPECT_THROW(format_run_label({"a=b", "pca", "cpu"}), std::invalid_argument);
  EXPECT_THROW(format_run_label({"", "pca", "cpu"}), std::invalid_argument);
  EXPECT_THROW(format_run_label({"m", "pca", "cpu", ""}), std::invalid_argument);
}

TEST(RunLabel, ParsesNothingElse) {
  for (const char* text : {"", "compress:50%", "model=m kind=k device=cpu",
                           "model=m kind=k device=cpu implementation=cpp extra",
                           "kind=k model=m device=cpu implementation=cpp",
                           "model= kind=k device=cpu implementation=cpp",
                           "model=a=b kind=k device=cpu implementation=cpp"}) {
    EXPECT_FALSE(parse_run_label(text).has_value()) << text;
  }
}

class CsvRowsFromRuns : public ::testing::Test {
 protected:
  void TearDown() override { benchmark::ClearRegisteredBenchmarks(); }

  // Runs the benchmarks whose names match `filter` through the CSV reporter.
  static std::vector<results::BenchRow> run(const std::string& filter) {
    CsvCollectingReporter reporter(benchmark::ConsoleReporter::OO_None, {1, "torch", "rev"});
    benchmark::RunSpecifiedBenchmarks(&reporter, filter);
    return reporter.rows();
  }

  // A benchmark of one iteration per repetition whose repetitions take `milliseconds` in turn
  // (manual time), described by `info` where it is given.
  static benchmark::internal::Benchmark* timed(const std::string& name,
                                               std::vector<double> milliseconds,
                                               std::optional<BenchmarkInfo> info) {
    auto repetition = std::make_shared<size_t>(0);
    const auto repetitions = static_cast<int>(milliseconds.size());
    return benchmark::RegisterBenchmark(
               name.c_str(),
               [=](benchmark::State& state) {
                 for (auto _ : state) {
                   state.SetIterationTime(milliseconds.at((*repetition)++) * 1e-3);
                 }
                 if (info) describe_run(state, *info, 4.0);
               })
        ->Unit(benchmark::kMillisecond)
        ->UseManualTime()
        ->Iterations(1)
        ->Repetitions(repetitions);
  }
};

TEST_F(CsvRowsFromRuns, RowCarriesTheLabelCountersAndMedianTime) {
  timed("train_step/m/cpu", {3, 1, 2}, BenchmarkInfo{{"m", "train_step", "cpu"}, 32, 10, 4e6});
  const auto rows = run("^train_step/m/cpu");
  ASSERT_EQ(rows.size(), 1u);
  const auto& row = rows[0];
  EXPECT_EQ(row.benchmark, "train_step/m/cpu");
  EXPECT_EQ(row.model, "m");
  EXPECT_EQ(row.kind, "train_step");
  EXPECT_EQ(row.device, "cpu");
  EXPECT_EQ(row.implementation, "cpp");
  EXPECT_EQ(row.batch_size, 32);
  // The median repetition (2 ms), not the first (3 ms): 10 images, 4 MFLOP, peak 4 GFLOP/s.
  EXPECT_NEAR(row.milliseconds, 2.0, 1e-9);
  EXPECT_NEAR(row.images_per_second, 5000.0, 1e-6);
  EXPECT_NEAR(row.gflop_per_second, 2.0, 1e-9);
  EXPECT_NEAR(row.percent_of_peak, 50.0, 1e-7);
  EXPECT_EQ(row.threads, 1);
  EXPECT_EQ(row.torch_version, "torch");
  EXPECT_EQ(row.git_revision, "rev");
}

TEST_F(CsvRowsFromRuns, WhatDoesNotApplyIsAbsentOrNan) {
  timed("sgemm/8/cpu", {1}, BenchmarkInfo{{"sgemm_8", "sgemm", "cpu"}, std::nullopt, NAN, 1024});
  timed("kmeans/codes/cpu", {1}, BenchmarkInfo{{"kmeans_codes", "kmeans", "cpu"}, {}, 100});
  const auto rows = run("^(sgemm|kmeans)/");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].benchmark, "sgemm/8/cpu");
  EXPECT_FALSE(rows[0].batch_size.has_value());
  EXPECT_TRUE(std::isnan(rows[0].images_per_second));
  EXPECT_FALSE(std::isnan(rows[0].gflop_per_second));
  EXPECT_EQ(rows[1].benchmark, "kmeans/codes/cpu");
  EXPECT_FALSE(std::isnan(rows[1].images_per_second));
  EXPECT_TRUE(std::isnan(rows[1].gflop_per_second));
  EXPECT_TRUE(std::isnan(rows[1].percent_of_peak));
}

TEST_F(CsvRowsFromRuns, RunWithoutADescriptionHasNoRow) {
  timed("undescribed/cpu", {1}, std::nullopt);
  timed("described/cpu", {1}, BenchmarkInfo{{"d", "load", "cpu"}});
  const auto rows = run("^(un)?described/");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].benchmark, "described/cpu");
}

}  // namespace
}  // namespace aerepro::bench
