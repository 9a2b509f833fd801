// What a benchmark measures, carried by its own runs: the label names the model, kind, device and
// implementation ("model=s0_conv_dae kind=train_step device=cpu implementation=cpp"), the
// counters hold the batch size and turn the work per iteration into images/s, GFLOP/s and % of
// peak. The CSV reporter (csv_collecting_reporter.h) reads them back from each run it is given.
#pragma once
#include <benchmark/benchmark.h>

#include <cmath>
#include <optional>
#include <string>

namespace aerepro::bench {

// The CSV's model, kind, device and implementation columns. No name may be empty or hold a space
// or '='.
struct RunLabel {
  std::string model;   // "s0_conv_dae", "pca30_mnist", "kmeans_codes", "sgemm_2048" ...
  std::string kind;    // train_step | inference | epoch | pca | kmeans | load | sgemm
  std::string device;  // "cpu" | "cuda"
  std::string implementation = "cpp";
};

// What a benchmark measures: its label, its batch size and the work of one iteration.
struct BenchmarkInfo {
  RunLabel label;
  std::optional<long long> batch_size = std::nullopt;  // absent where not applicable
  double images_per_iteration = NAN;                   // NaN: no images/s
  double flops_per_iteration = NAN;                    // analytic; NaN where not counted
};

// The counters describe_run sets (images/s, GFLOP/s and %peak only where they apply).
inline constexpr const char* kBatchSizeCounter = "batch_size";
inline constexpr const char* kImagesRateCounter = "images/s";
inline constexpr const char* kGflopRateCounter = "GFLOP/s";
inline constexpr const char* kPeakPercentCounter = "%peak";

// "model=M kind=K device=D implementation=I". Throws std::invalid_argument for a name that is
// empty or holds a space or '='.
std::string format_run_label(const RunLabel& label);
// The names of a label format_run_label wrote; nullopt for any other text (no label: not ours).
std::optional<RunLabel> parse_run_label(const std::string& text);

// Sets the run's label and its counters: the batch size as a plain value; images/s, GFLOP/s and
// %peak (of `peak_gflops`, where it is above 0) as rates, so Google Benchmark divides them by the
// measured time (manual time where the benchmark uses it).
void describe_run(benchmark::State& state, const BenchmarkInfo& info, double peak_gflops);

}  // namespace aerepro::bench
