#include "bench_registry.h"

#include <map>

namespace aerepro::bench {
namespace {

std::map<std::string, BenchmarkInfo>& registry() {
  static std::map<std::string, BenchmarkInfo> infos;
  return infos;
}

}  // namespace

void describe_benchmark(const std::string& name, const BenchmarkInfo& info) {
  registry()[name] = info;
}

const BenchmarkInfo* find_benchmark_info(const std::string& name) {
  const auto it = registry().find(name);
  return it == registry().end() ? nullptr : &it->second;
}

void set_rate_counters(benchmark::State& state, const BenchmarkInfo& info, double peak_gflops) {
  using benchmark::Counter;
  if (!std::isnan(info.images_per_iteration)) {
    state.counters["images/s"] =
        Counter(info.images_per_iteration, Counter::kIsIterationInvariantRate);
  }
  if (!std::isnan(info.flops_per_iteration)) {
    state.counters["GFLOP/s"] =
        Counter(info.flops_per_iteration * 1e-9, Counter::kIsIterationInvariantRate);
    if (peak_gflops > 0) {
      state.counters["%peak"] = Counter(info.flops_per_iteration * 1e-9 / peak_gflops * 100.0,
                                        Counter::kIsIterationInvariantRate);
    }
  }
}

}  // namespace aerepro::bench
