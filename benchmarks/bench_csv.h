// results/bench/benchmarks.csv (C++) and python.csv (benchmarks/reference): one row per
// benchmark, the columns the report reads. NaN is written "nan" where a column does not apply.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace aerepro::bench {

inline constexpr const char* kBenchCsvHeader =
    "benchmark,model,kind,device,implementation,batch_size,milliseconds,images_per_second,"
    "gflop_per_second,percent_of_peak,threads,torch_version,git_revision";

struct BenchRow {
  std::string benchmark;  // Google Benchmark's name, e.g. "train_step/s0_conv_dae/cpu"
  std::string model;
  std::string kind;            // train_step | inference | epoch | pca | kmeans | load | sgemm
  std::string device;          // cpu | cuda
  std::string implementation;  // cpp | python
  double batch_size;
  double milliseconds;  // real (or manual, on CUDA) time per iteration
  double images_per_second;
  double gflop_per_second;
  double percent_of_peak;  // of the SGEMM peak measured in the same process
  int threads;
  std::string torch_version;
  std::string git_revision;
};

// The header line and one line per row; names are quoted if they hold a comma or a quote.
std::string format_bench_csv(const std::vector<BenchRow>& rows);

// format_bench_csv written atomically (complete or absent; common/atomic_file.h).
void write_bench_csv(const std::filesystem::path& target, const std::vector<BenchRow>& rows);

}  // namespace aerepro::bench
