#include "analysis/latent.h"

#include "common/error.h"

#include <fmt/format.h>

namespace aerepro::analysis {
namespace {

void check_size(int64_t n, int64_t d, const char* what) {
  if (n < 0 || d < 1)
    throw UsageError(fmt::format("{}: need n >= 0 and d >= 1, got {} and {}", what, n, d));
}

}  // namespace

torch::Tensor sample_uniform_codes(int64_t n, int64_t d, at::Generator& gen) {
  check_size(n, d, "sample_uniform_codes");
  return torch::rand({n, d}, gen, torch::TensorOptions().device(gen.device()));  // S0.6
}

torch::Tensor sample_normal_codes(int64_t n, int64_t d, at::Generator& gen) {
  check_size(n, d, "sample_normal_codes");
  return torch::randn({n, d}, gen, torch::TensorOptions().device(gen.device()));  // S1.4
}

torch::Tensor interpolate_codes(const torch::Tensor& z1, const torch::Tensor& z2, int64_t steps) {
  if (!z1.defined() || !z2.defined() || z1.sizes() != z2.sizes()) {
    throw UsageError("interpolate_codes: z1 and z2 must have the same shape");
  }
  if (steps < 2)
    throw UsageError(fmt::format("interpolate_codes: steps must be >= 2, got {}", steps));
  const auto a1 = z1.reshape({1, -1});
  const auto a2 = z2.reshape({1, -1});
  if (z1.dim() > 2 || (z1.dim() == 2 && z1.size(0) != 1)) {
    throw UsageError("interpolate_codes: codes must be (d) or (1, d)");
  }
  // S3.8: a = 0, 0.1, …, 1 for 11 steps; a·z1 + (1 − a)·z2 is exactly z2 at a = 0 and z1 at 1.
  const auto a = torch::linspace(0.0, 1.0, steps, z1.options()).unsqueeze(1);
  return a * a1 + (1 - a) * a2;
}

torch::Tensor add_latent_noise(const torch::Tensor& z, double sigma, at::Generator& gen) {
  if (!(sigma >= 0)) throw UsageError("add_latent_noise: sigma must be >= 0");
  return z + sigma * torch::randn(z.sizes(), gen, z.options());  // S2.8
}

ManifoldAscentResult manifold_ascent(const torch::Tensor& x0, const TensorMap& reconstruct,
                                     const ManifoldAscentOptions& options) {
  if (!x0.defined() || x0.dim() < 1 || x0.size(0) < 1) {
    throw UsageError("manifold_ascent: x0 must be a non-empty batch (B, ...)");
  }
  if (!reconstruct) throw UsageError("manifold_ascent: no reconstruction callback");
  if (!(options.step > 0)) throw UsageError("manifold_ascent: the step must be > 0");
  if (options.iterations < 0) throw UsageError("manifold_ascent: iterations must be >= 0");
  torch::NoGradGuard no_grad;
  const int64_t batch = x0.size(0);
  std::vector<torch::Tensor> iterates{x0};
  std::vector<torch::Tensor> residuals;
  auto x = x0;
  const auto anchored = options.anchor.defined() ? reconstruct(options.anchor) : torch::Tensor();
  for (int64_t t = 0;; ++t) {
    const auto r = reconstruct(x);
    if (!r.defined() || r.sizes() != x.sizes()) {
      throw UsageError("manifold_ascent: the reconstruction must have the input's shape");
    }
    const auto residual = r - x;
    residuals.push_back(residual.reshape({batch, -1}).to(torch::kFloat64).norm(2, 1).cpu());
    if (t == options.iterations) break;
    // S3.9: x ← x + η·(r(x) − x); as made, x ← x + η·(r(x) − r(anchor)).
    x = x + options.step * (anchored.defined() ? r - anchored : residual);
    if (options.rescale_each_step) {
      const auto flat = x.reshape({batch, -1});
      const auto low = std::get<0>(flat.min(1, /*keepdim=*/true));
      const auto spread = std::get<0>(flat.max(1, /*keepdim=*/true)) - low;
      x = torch::where(spread > 0, (flat - low) / spread.clamp_min(1e-12), flat).reshape(x.sizes());
    }
    iterates.push_back(x);
  }
  return {torch::stack(iterates), torch::stack(residuals)};
}

}  // namespace aerepro::analysis
