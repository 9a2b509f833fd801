// SGEMM (n × n × n, float32) through LibTorch's BLAS (OpenBLAS on Debian with
// libopenblas0-pthread): the machine's practical peak at a few sizes.
#include "device_timing.h"
#include "registration.h"

namespace aerepro::bench {
namespace {

void sgemm(benchmark::State& state, int64_t n, const torch::Device& device) {
  torch::NoGradGuard no_grad;
  const auto options = torch::TensorOptions().device(device);
  const auto a = torch::randn({n, n}, options);
  const auto b = torch::randn({n, n}, options);
  auto c = torch::empty({n, n}, options);
  torch::mm_out(c, a, b);  // warm-up
  run_timed(state, device, [&] { torch::mm_out(c, a, b); });
}

}  // namespace

void register_sgemm_benchmarks(const BenchProfile& profile, const torch::Device& device,
                               double peak) {
  const std::string dev = device_label(device);
  for (const int64_t n : profile.sgemm_sides) {
    const auto side = static_cast<double>(n);
    register_described(
        "sgemm/" + std::to_string(n) + "/" + dev,
        {{"sgemm_" + std::to_string(n), "sgemm", dev}, std::nullopt, NAN, 2.0 * side * side * side},
        device, peak, [=](benchmark::State& s) { sgemm(s, n, device); });
  }
}

}  // namespace aerepro::bench
