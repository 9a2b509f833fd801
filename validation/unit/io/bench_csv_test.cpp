// lib/results/bench_csv: benchmark rows round-trip through results/bench/*.csv, the file format
// stays byte for byte what the benchmark suite has always written, and broken files are errors
// naming the file.
#include "results/bench_csv.h"
#include "common/error.h"
#include "csv_samples.h"
#include "test_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

// A namespace of its own: the io tests are built as one unity translation unit.
namespace aerepro::results::bench_csv_tests {
namespace {

using aerepro::testing::read_text;
using aerepro::testing::write_text;

// The BenchCsv tests that write files write them into a temporary folder of the test's own.
class BenchCsv : public aerepro::testing::InTempDir {};

BenchRow train_step_row() {
  return {"train_step/s0_conv_dae/cpu",
          "s0_conv_dae",
          "train_step",
          "cpu",
          "cpp",
          256,
          40.123456789,
          6380.4412,
          12.3456789,
          14.52,
          2,
          "1.13.1",
          "4be23f5-dirty"};
}

// No batch, and NaN where the kind has no images or FLOPs.
BenchRow sgemm_row() {
  return {"sgemm/2048/cpu", "sgemm_2048", "sgemm", "cpu", "cpp",    std::nullopt, 250.5,
          std::nan(""),     68.7,         100,     2,     "1.13.1", "4be23f5"};
}

// Commas and quotes in the names, all numbers NaN.
BenchRow odd_row() {
  return {"name, with \"comma\"", "model,x",    "kind",       "cuda",       "python", 1,
          std::nan(""),           std::nan(""), std::nan(""), std::nan(""), 16,       "2.1.0+cu121",
          "rev,with,commas"};
}

TEST_F(BenchCsv, RowsRoundTrip) {
  write_bench_csv(dir / "bench.csv", {train_step_row(), sgemm_row(), odd_row()});
  const auto rows = read_bench_csv(dir / "bench.csv");
  ASSERT_EQ(rows.size(), 3u);

  EXPECT_EQ(rows[0].benchmark, "train_step/s0_conv_dae/cpu");
  EXPECT_EQ(rows[0].model, "s0_conv_dae");
  EXPECT_EQ(rows[0].kind, "train_step");
  EXPECT_EQ(rows[0].device, "cpu");
  EXPECT_EQ(rows[0].implementation, "cpp");
  ASSERT_TRUE(rows[0].batch_size.has_value());
  EXPECT_EQ(*rows[0].batch_size, 256);
  EXPECT_DOUBLE_EQ(rows[0].milliseconds, 40.1235);  // 6 significant digits in the file
  EXPECT_DOUBLE_EQ(rows[0].images_per_second, 6380.44);
  EXPECT_DOUBLE_EQ(rows[0].gflop_per_second, 12.3457);
  EXPECT_DOUBLE_EQ(rows[0].percent_of_peak, 14.52);
  EXPECT_EQ(rows[0].threads, 2);
  EXPECT_EQ(rows[0].torch_version, "1.13.1");
  EXPECT_EQ(rows[0].git_revision, "4be23f5-dirty");

  EXPECT_FALSE(rows[1].batch_size.has_value());
  EXPECT_DOUBLE_EQ(rows[1].milliseconds, 250.5);
  EXPECT_TRUE(std::isnan(rows[1].images_per_second));
  EXPECT_DOUBLE_EQ(rows[1].gflop_per_second, 68.7);

  EXPECT_EQ(rows[2].benchmark, "name, with \"comma\"");
  EXPECT_EQ(rows[2].model, "model,x");
  EXPECT_EQ(rows[2].git_revision, "rev,with,commas");
  ASSERT_TRUE(rows[2].batch_size.has_value());
  EXPECT_EQ(*rows[2].batch_size, 1);
  EXPECT_TRUE(std::isnan(rows[2].milliseconds));
  EXPECT_TRUE(std::isnan(rows[2].images_per_second));
  EXPECT_TRUE(std::isnan(rows[2].gflop_per_second));
  EXPECT_TRUE(std::isnan(rows[2].percent_of_peak));
  EXPECT_EQ(rows[2].threads, 16);

  // Written again, the rows read back give the same file.
  write_bench_csv(dir / "again.csv", rows);
  EXPECT_EQ(read_text(dir / "again.csv"), read_text(dir / "bench.csv"));
}

// The bytes the benchmark suite (and the Python reference, benchmarks/reference) write: header,
// column order, "nan" for an absent batch and NaN numbers, 6 significant digits, quoting.
TEST_F(BenchCsv, FormatIsTheFilesFormat) {
  EXPECT_EQ(format_bench_csv({train_step_row(), sgemm_row(), odd_row()}),
            "benchmark,model,kind,device,implementation,batch_size,milliseconds,images_per_second,"
            "gflop_per_second,percent_of_peak,threads,torch_version,git_revision\n"
            "train_step/s0_conv_dae/cpu,s0_conv_dae,train_step,cpu,cpp,256,40.1235,6380.44,"
            "12.3457,14.52,2,1.13.1,4be23f5-dirty\n"
            "sgemm/2048/cpu,sgemm_2048,sgemm,cpu,cpp,nan,250.5,nan,68.7,100,2,1.13.1,4be23f5\n"
            "\"name, with \"\"comma\"\"\",\"model,x\",kind,cuda,python,1,nan,nan,nan,nan,16,"
            "2.1.0+cu121,\"rev,with,commas\"\n");
  EXPECT_EQ(format_bench_csv({}), std::string(kBenchCsvHeader) + "\n");
  BenchRow big = sgemm_row();
  big.milliseconds = 1234567.891;
  big.percent_of_peak = 1e-9;
  EXPECT_THAT(format_bench_csv({big}), ::testing::HasSubstr(",nan,1.23457e+06,nan,68.7,1e-09,"));
}

// Empty batch sizes and numbers (a hand-edited or older file) read as absent and NaN; an empty
// thread count as 0.
TEST_F(BenchCsv, EmptyFieldsReadAsAbsent) {
  write_text(dir / "empty.csv", std::string(kBenchCsvHeader) +
                                    "\n"
                                    "load/mnist_train/cpu,mnist_train,load,cpu,cpp,,,,,,,,\n"
                                    "x,m,k,cpu,python,nan,nan,NaN,1.5,2e3,4,t,r\n");
  const auto rows = read_bench_csv(dir / "empty.csv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_FALSE(rows[0].batch_size.has_value());
  EXPECT_TRUE(std::isnan(rows[0].milliseconds));
  EXPECT_TRUE(std::isnan(rows[0].percent_of_peak));
  EXPECT_EQ(rows[0].threads, 0);
  EXPECT_FALSE(rows[1].batch_size.has_value());
  EXPECT_TRUE(std::isnan(rows[1].images_per_second));
  EXPECT_DOUBLE_EQ(rows[1].percent_of_peak, 2000);
}

TEST_F(BenchCsv, MissingColumnNamesTheFileAndTheColumn) {
  write_bench_csv(dir / "full.csv", {train_step_row(), sgemm_row()});
  auto text = read_text(dir / "full.csv");
  text.erase(text.find("milliseconds,"), std::string("milliseconds,").size());
  write_text(dir / "no-milliseconds.csv", text);
  aerepro::testing::expect_error<ArtifactError>(
      [&] { read_bench_csv(dir / "no-milliseconds.csv"); },
      {"no-milliseconds.csv", "Missing column", "milliseconds"});
}

TEST_F(BenchCsv, BadValuesNameFileLineAndColumn) {
  const auto with_row = [&](const std::string& name, const std::string& row) {
    write_text(dir / name, std::string(kBenchCsvHeader) + "\n" + row + "\n");
    return dir / name;
  };
  const auto half = with_row("half-batch.csv", "x,m,k,cpu,cpp,12.5,1,1,1,1,1,t,r");
  aerepro::testing::expect_error<ArtifactError>([&] { read_bench_csv(half); },
                                                {"half-batch.csv:2:", "'batch_size'", "12.5"});
  const auto slow = with_row("bad-ms.csv", "x,m,k,cpu,cpp,1,slow,1,1,1,1,t,r");
  aerepro::testing::expect_error<ArtifactError>([&] { read_bench_csv(slow); },
                                                {"bad-ms.csv:2:", "'milliseconds'", "slow"});
  const auto unnamed = with_row("unnamed.csv", ",m,k,cpu,cpp,1,1,1,1,1,1,t,r");
  aerepro::testing::expect_error<ArtifactError>([&] { read_bench_csv(unnamed); },
                                                {"unnamed.csv:2:", "'benchmark' is empty"});
  aerepro::testing::expect_error<ArtifactError>([&] { read_bench_csv(dir / "absent.csv"); },
                                                {"absent.csv", "not found"});
}

}  // namespace
}  // namespace aerepro::results::bench_csv_tests
