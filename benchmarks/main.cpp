// Benchmark entry point: pins the thread count (AEREPRO_THREADS, default: all hardware threads)
// before anything runs, and records it in the benchmark context.
#include "common/compat.h"
#include "common/environment.h"
#include "common/error.h"

#include <benchmark/benchmark.h>

#include <iostream>

int main(int argc, char** argv) {
  try {
    const int threads = aerepro::pin_threads(aerepro::default_threads());
    const auto env = aerepro::current_environment(torch::kCPU);
    benchmark::AddCustomContext("aerepro_threads", std::to_string(threads));
    benchmark::AddCustomContext("torch_version", env.torch_version);
    benchmark::AddCustomContext("git_revision", env.git_revision);
    benchmark::AddCustomContext("blas", env.blas);
  } catch (const aerepro::Error& e) {
    std::cerr << "aerepro_benchmarks: " << e.what() << "\n";
    return 2;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
