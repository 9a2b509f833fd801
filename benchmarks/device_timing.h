// One benchmark loop for CPU and CUDA: CPU benchmarks use real time; CUDA work is asynchronous,
// so CUDA benchmarks synchronise the device around each iteration and report manual time
// (register them with UseManualTime()).
#pragma once
#include <benchmark/benchmark.h>
#include <torch/torch.h>

#include <chrono>

namespace aerepro::bench {

template <typename Body>
void run_timed(benchmark::State& state, const torch::Device& device, Body&& body) {
  if (!device.is_cuda()) {
    for (auto _ : state) body();
    return;
  }
  for (auto _ : state) {
    torch::cuda::synchronize();
    const auto start = std::chrono::steady_clock::now();
    body();
    torch::cuda::synchronize();
    state.SetIterationTime(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
}

// Real time on the CPU, manual (synchronised) time on CUDA; milliseconds.
inline benchmark::internal::Benchmark* time_on(benchmark::internal::Benchmark* b,
                                               const torch::Device& device) {
  b->Unit(benchmark::kMillisecond);
  return device.is_cuda() ? b->UseManualTime() : b->UseRealTime();
}

}  // namespace aerepro::bench
