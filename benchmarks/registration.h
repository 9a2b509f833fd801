// The benchmark families, registered at run time for one device each (the sizes come from the
// run's profile, the percentages from the SGEMM peak measured on that device).
#pragma once
#include "bench_profile.h"
#include "device_timing.h"
#include "run_description.h"

#include <benchmark/benchmark.h>
#include <torch/torch.h>

#include <string>

namespace aerepro::bench {

// Per model of model_cases(): train_step, inference and epoch (model_benchmarks.cpp).
void register_model_benchmarks(const BenchProfile& profile, const torch::Device& device,
                               double peak_gflops);
// PCA (Eigen, torch eigh, torch SVD), k-means on codes and on pixels, MNIST loading
// (analysis_benchmarks.cpp); Eigen and loading only on the CPU.
void register_analysis_benchmarks(const BenchProfile& profile, const torch::Device& device,
                                  double peak_gflops);
// SGEMM at the profile's sizes (sgemm_benchmarks.cpp).
void register_sgemm_benchmarks(const BenchProfile& profile, const torch::Device& device,
                               double peak_gflops);

// "cpu" or "cuda": the device column and the last part of each benchmark's name.
std::string device_label(const torch::Device& device);

// Registers `body` (void(benchmark::State&)) as `name`, timed on `device` (time_on); a run the
// body did not skip is then described by `info` (describe_run, %peak of `peak_gflops`). Throws
// std::invalid_argument, here rather than mid-run, where info's label cannot be written.
template <typename Body>
benchmark::internal::Benchmark* register_described(const std::string& name,
                                                   const BenchmarkInfo& info,
                                                   const torch::Device& device, double peak_gflops,
                                                   Body body) {
  format_run_label(info.label);  // throws for a bad name
  auto* b = benchmark::RegisterBenchmark(name.c_str(), [=](benchmark::State& state) {
    body(state);
    if (!state.error_occurred()) describe_run(state, info, peak_gflops);
  });
  return time_on(b, device);
}

}  // namespace aerepro::bench
