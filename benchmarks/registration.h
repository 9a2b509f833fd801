// The benchmark families, registered at run time for one device each (the sizes come from the
// run's profile, the percentages from the SGEMM peak measured on that device).
#pragma once
#include "bench_profile.h"

#include <torch/torch.h>

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

}  // namespace aerepro::bench
