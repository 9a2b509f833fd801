// How big a benchmark run is: `smoke` (ctest, seconds), `short` (ci/report, about a minute) or
// `full` (the sources' sizes). Every size a run used is written as a counter of its rows.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace aerepro::bench {

struct BenchProfile {
  std::string name;
  int64_t epoch_batches = 0;         // batches per "epoch" benchmark; 0: the source's full epoch
  int64_t kmeans_codes = 48000;      // S0.7: 48k codes of 4 dimensions
  int64_t kmeans_codes_n_init = 10;  // S0.7/S1.3
  int64_t kmeans_pixels = 48000;     // S0.7's raw-pixel baseline (first N MNIST train images)
  int64_t kmeans_pixels_n_init = 10;
  int64_t pca_images = 60000;        // S2.1: the 60k MNIST training images
  int64_t load_images = 60000;       // dataset loading: always the whole MNIST train split
  std::vector<int64_t> sgemm_sides;  // SGEMM benchmarks (n × n × n)
  int64_t peak_side = 2048;          // the SGEMM whose best time defines the peak
  double min_time_s = 0.5;           // passed to --benchmark_min_time by benchmarks/run
};

// "smoke" | "short" | "full"; throws UsageError for anything else.
BenchProfile bench_profile(const std::string& name);

}  // namespace aerepro::bench
