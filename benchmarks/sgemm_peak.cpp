#include "sgemm_peak.h"

#include <algorithm>
#include <chrono>
#include <limits>

namespace aerepro::bench {

double measure_sgemm_gflops(int64_t n, const torch::Device& device, int repeats) {
  torch::NoGradGuard no_grad;
  const auto a = torch::randn({n, n}, torch::TensorOptions().device(device));
  const auto b = torch::randn({n, n}, torch::TensorOptions().device(device));
  auto c = torch::empty({n, n}, torch::TensorOptions().device(device));
  double best = std::numeric_limits<double>::infinity();
  for (int i = 0; i <= repeats; ++i) {  // i == 0 warms up
    const auto start = std::chrono::steady_clock::now();
    torch::mm_out(c, a, b);
    if (device.is_cuda()) torch::cuda::synchronize();
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    if (i > 0) best = std::min(best, elapsed.count());
  }
  return 2.0 * static_cast<double>(n) * n * n / best * 1e-9;
}

}  // namespace aerepro::bench
