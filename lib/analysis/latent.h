// Operations in an autoencoder's code space and on its reconstruction map (S0.6, S1.4, S2.8,
// S3.8, S3.9). Models come in as callbacks, so this library does not depend on lib/models.
#pragma once
#include <torch/torch.h>

#include <cstdint>
#include <functional>

namespace aerepro::analysis {

// A model's reconstruction r(x) (images in, images of the same shape out), or its decoder.
using TensorMap = std::function<torch::Tensor(const torch::Tensor&)>;

// S0.6: (n, d) codes from U[0, 1), on the generator's device.
torch::Tensor sample_uniform_codes(int64_t n, int64_t d, at::Generator& gen);

// S1.4: (n, d) codes from N(0, I), on the generator's device.
torch::Tensor sample_normal_codes(int64_t n, int64_t d, at::Generator& gen);

// S3.8: rows a·z1 + (1 − a)·z2 for a = 0, 1/(steps−1), …, 1 (ascending; row 0 is z2, the last
// row z1). z1 and z2: the same shape, (d) or (1, d); result (steps, d). steps >= 2.
torch::Tensor interpolate_codes(const torch::Tensor& z1, const torch::Tensor& z2,
                                int64_t steps = 11);

// S2.8: z + sigma·N(0, I), noise drawn from `gen` (which must live on z's device).
torch::Tensor add_latent_noise(const torch::Tensor& z, double sigma, at::Generator& gen);

struct ManifoldAscentOptions {
  // η. S3.9 does not give it; 0.5 moves half-way to the reconstruction each step (η = 1 would be
  // plain iterated reconstruction), stable for any contractive r and smooth to look at.
  double step = 0.5;
  int64_t iterations = 50;
  // Undefined: the faithful step r(x) − x. Defined (S3.9 as made: the report's code steps along
  // r(x) − r(x̄), x̄ the mean digit — a slip): the step is r(x) − r(anchor), anchor (1, ...).
  torch::Tensor anchor;
  // S3.9, the variant the report shows: each image min-max rescaled to [0, 1] after every step
  // (our reading of its "normalised"; an image with no spread is left as it is).
  bool rescale_each_step = false;
};

struct ManifoldAscentResult {
  torch::Tensor iterates;        // (iterations + 1, B, ...): x_0 = x0, …, x_T
  torch::Tensor residual_norms;  // (iterations + 1, B): ‖r(x_t) − x_t‖ per image, float64 CPU
};

// S3.9, the faithful reading: from a batch x0 (B, ...), iterate x ← x + η·(r(x) − x) (the
// report's code subtracts r(mean digit) instead of x: a slip; options.anchor runs it).
// residual_norms are ‖r(x_t) − x_t‖ in either case. Runs without autograd.
ManifoldAscentResult manifold_ascent(const torch::Tensor& x0, const TensorMap& reconstruct,
                                     const ManifoldAscentOptions& options = {});

}  // namespace aerepro::analysis
