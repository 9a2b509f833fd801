// The machine's practical single-precision peak, measured once per process: the best of a few
// n × n × n torch::mm runs (OpenBLAS on Debian). Every other benchmark's GFLOP/s is reported as
// a percentage of it.
#pragma once
#include <torch/torch.h>

#include <cstdint>

namespace aerepro::bench {

// GFLOP/s of the fastest of `repeats` timed products (after one warm-up) on `device`;
// CUDA runs are synchronised before the clock stops.
double measure_sgemm_gflops(int64_t n, const torch::Device& device, int repeats = 5);

}  // namespace aerepro::bench
