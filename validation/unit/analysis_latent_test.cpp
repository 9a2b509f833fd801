// lib/analysis, latent-space operations: interpolation, sampled codes, latent noise and
// manifold ascent (S0.6, S1.4, S2.8, S3.8, S3.9), on small synthetic data.
#include "analysis/latent.h"
#include "analysis_generator.h"
#include "common/error.h"

#include <cmath>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

namespace aerepro::analysis {
namespace {

using checks::cpu_generator;

// ------------------------------------------------------------------------------------- latent

TEST(Latent, InterpolationRunsFromZ2ToZ1) {
  const auto z1 = torch::tensor({1.0f, -2.0f, 3.0f, 0.25f});
  const auto z2 = torch::tensor({-0.5f, 4.0f, 0.0f, 1.0f});
  const auto path = interpolate_codes(z1, z2);
  ASSERT_EQ(path.sizes(), (std::vector<int64_t>{11, 4}));
  EXPECT_TRUE(torch::equal(path[0], z2));   // a = 0
  EXPECT_TRUE(torch::equal(path[10], z1));  // a = 1
  EXPECT_TRUE(torch::allclose(path[5], 0.5 * (z1 + z2)));
  EXPECT_TRUE(torch::allclose(path[3], 0.3 * z1 + 0.7 * z2));
  EXPECT_THROW(interpolate_codes(z1, z2, 1), UsageError);
}

TEST(Latent, SamplesComeFromTheSeededGenerator) {
  auto gen_a = cpu_generator(13);
  auto gen_b = cpu_generator(13);
  const auto uniform = sample_uniform_codes(9, 4, gen_a);
  EXPECT_EQ(uniform.sizes(), (std::vector<int64_t>{9, 4}));
  EXPECT_TRUE(torch::equal(uniform, sample_uniform_codes(9, 4, gen_b)));
  EXPECT_GE(uniform.min().item<float>(), 0.0f);
  EXPECT_LT(uniform.max().item<float>(), 1.0f);
  const auto normal = sample_normal_codes(5000, 2, gen_a);
  EXPECT_NEAR(normal.mean().item<float>(), 0.0, 0.05);
  EXPECT_NEAR(normal.std().item<float>(), 1.0, 0.05);
  const auto z = torch::ones({2000, 8});
  EXPECT_TRUE(torch::equal(add_latent_noise(z, 0.0, gen_a), z));
  EXPECT_NEAR((add_latent_noise(z, 0.5, gen_a) - z).std().item<float>(), 0.5, 0.02);
}

TEST(Latent, ManifoldAscentConvergesToAPerfectReconstruction) {
  auto gen = cpu_generator(14);
  const auto target = torch::rand({1, 28, 28}, gen);
  const auto start = torch::rand({3, 1, 28, 28}, gen);
  const TensorMap reconstruct = [&](const torch::Tensor& x) { return target.expand_as(x); };
  ManifoldAscentOptions options;
  options.iterations = 20;  // 2^-20: still above float32 rounding, so the fall is strict
  const auto result = manifold_ascent(start, reconstruct, options);
  ASSERT_EQ(result.iterates.sizes(), (std::vector<int64_t>{21, 3, 1, 28, 28}));
  ASSERT_EQ(result.residual_norms.sizes(), (std::vector<int64_t>{21, 3}));
  EXPECT_TRUE(torch::equal(result.iterates[0], start));
  EXPECT_LT((result.iterates[20] - target).abs().max().item<float>(), 1e-5f);
  const auto r = result.residual_norms;
  EXPECT_TRUE((r.narrow(0, 1, 20) < r.narrow(0, 0, 20)).all().item<bool>());
  // η = 0.5 halves the residual each step.
  EXPECT_TRUE(torch::allclose(r[1], 0.5 * r[0], 1e-5));
}

TEST(Latent, ManifoldAscentRescalesEachImageToTheUnitRangeWhenAsked) {
  auto gen = cpu_generator(16);
  const auto start = torch::randn({3, 1, 4, 4}, gen) * 5;
  const TensorMap reconstruct = [](const torch::Tensor& x) { return 3 * x + 1; };
  ManifoldAscentOptions options;
  options.step = 1.0;
  options.iterations = 2;
  options.rescale_each_step = true;
  const auto result = manifold_ascent(start, reconstruct, options);
  for (int64_t t = 1; t <= 2; ++t) {
    const auto flat = result.iterates[t].reshape({3, -1});
    EXPECT_TRUE(torch::allclose(std::get<0>(flat.min(1)), torch::zeros({3}), 1e-6, 1e-6));
    EXPECT_TRUE(torch::allclose(std::get<0>(flat.max(1)), torch::ones({3}), 1e-6, 1e-6));
  }
}

TEST(Latent, ManifoldAscentAsMadeStepsAlongTheReconstructionMinusTheAnchors) {
  // S3.9 as made: x ← x + η·(r(x) − r(x̄)). With r(x) = x / 2 and η = 1 every step adds
  // (x − x̄) / 2: x_t − x̄ grows by 3/2 per step instead of converging.
  auto gen = cpu_generator(15);
  const auto start = torch::rand({2, 4}, gen);
  const auto anchor = torch::rand({1, 4}, gen);
  const TensorMap reconstruct = [](const torch::Tensor& x) { return x / 2; };
  ManifoldAscentOptions options;
  options.step = 1.0;
  options.iterations = 3;
  options.anchor = anchor;
  const auto result = manifold_ascent(start, reconstruct, options);
  const auto expected = anchor + (start - anchor) * std::pow(1.5, 3);
  EXPECT_TRUE(torch::allclose(result.iterates[3], expected, 1e-5, 1e-5));
  // The residual is still ‖r(x) − x‖ = ‖x‖ / 2.
  EXPECT_TRUE(torch::allclose(result.residual_norms[3].to(torch::kFloat32),
                              result.iterates[3].norm(2, 1) / 2, 1e-5, 1e-5));
}

}  // namespace
}  // namespace aerepro::analysis
