// What each registered benchmark measures, so that the CSV rows can say it (model, kind,
// device, batch size) and the counters can turn time into images/s, GFLOP/s and % of peak.
#pragma once
#include <benchmark/benchmark.h>

#include <cmath>
#include <optional>
#include <string>

namespace aerepro::bench {

struct BenchmarkInfo {
  std::string model;   // "s0_conv_dae", "pca30", "kmeans_codes", "mnist_train", "sgemm_2048" ...
  std::string kind;    // train_step | inference | epoch | pca | kmeans | load | sgemm
  std::string device;  // "cpu" | "cuda"
  std::string implementation = "cpp";
  std::optional<long long> batch_size;  // absent where not applicable
  double images_per_iteration = NAN;
  double flops_per_iteration = NAN;  // analytic; NaN where not counted
};

// Registers `info` under the benchmark's name (as given to RegisterBenchmark).
void describe_benchmark(const std::string& name, const BenchmarkInfo& info);
// The info registered under `name`, or nullptr.
const BenchmarkInfo* find_benchmark_info(const std::string& name);

// Sets the counters images/s, GFLOP/s and %peak (of `peak_gflops`) from `info` as rates, so
// Google Benchmark divides by the measured time (manual time where the benchmark uses it).
void set_rate_counters(benchmark::State& state, const BenchmarkInfo& info, double peak_gflops);

}  // namespace aerepro::bench
