// Benchmark timings written by the benchmark suite and the Python reference
// (results/bench/*.csv), read with the Fast C++ CSV Parser.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace aerepro::reports {

// One timing. Columns: benchmark, model, kind, device, implementation, batch_size,
// milliseconds, images_per_second, gflop_per_second, percent_of_peak, threads, torch_version,
// git_revision. Empty or "nan" numbers are NaN (not every kind has images or FLOPs).
struct BenchRow {
  std::string benchmark;
  std::string model;
  std::string kind;            // train_step | inference | epoch | pca | kmeans | load | sgemm
  std::string device;          // cpu | cuda ...
  std::string implementation;  // cpp | python
  long long batch_size = 0;    // 0: none ("nan" in the file: SGEMM, PCA, k-means, loading)
  double milliseconds = 0;
  double images_per_second = 0;
  double gflop_per_second = 0;
  double percent_of_peak = 0;
  long long threads = 0;
  std::string torch_version;
  std::string git_revision;
};

// Reads one benchmark CSV. Throws ArtifactError naming the file (and line) for a missing or
// unknown column, a bad number or a truncated line.
std::vector<BenchRow> read_bench_csv(const std::filesystem::path& file);

}  // namespace aerepro::reports
