// Shared by the models_*_test.cpp files (lib/models): the parameter counts of the sources'
// PyTorch layers, small random images, and the shape and range checks every model's tests make.
#pragma once
#include <torch/torch.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace aerepro::models::checks {

using Sizes = std::vector<int64_t>;

// Parameters of a Linear(in→out) and of a Conv2d/ConvTranspose2d (in→out, k×k), with bias.
constexpr int64_t linear(int64_t in, int64_t out) {
  return in * out + out;
}
constexpr int64_t conv(int64_t in, int64_t out, int64_t k) {
  return in * out * k * k + out;
}
constexpr int64_t batch_norm(int64_t channels) {
  return 2 * channels;
}  // γ, β

inline torch::Tensor random_images(int64_t n, uint64_t seed = 7) {
  torch::manual_seed(seed);
  return torch::rand({n, 1, 28, 28});
}

inline Sizes sizes(const torch::Tensor& t) {
  return t.sizes().vec();
}
inline const Sizes kImages3 = {3, 1, 28, 28};

inline void expect_non_negative(const torch::Tensor& t) {
  EXPECT_GE(t.min().item<float>(), 0.0f);
}
inline void expect_in_open_unit_interval(const torch::Tensor& t) {
  EXPECT_GT(t.min().item<float>(), 0.0f);
  EXPECT_LT(t.max().item<float>(), 1.0f);
}

// Checks forward/encode/decode shapes of an image autoencoder with a (N, code_size) code.
template <typename Model>
void expect_autoencoder_shapes(Model& model, int64_t code_size) {
  torch::NoGradGuard no_grad;
  const auto images = random_images(3);
  const auto output = model->forward(images);
  EXPECT_EQ(sizes(output.reconstruction), kImages3);
  EXPECT_EQ(sizes(output.code), (Sizes{3, code_size}));
  EXPECT_TRUE(output.hidden.defined());
  EXPECT_EQ(sizes(model->encode(images)), (Sizes{3, code_size}));
  EXPECT_EQ(sizes(model->decode(torch::rand({2, code_size}))), (Sizes{2, 1, 28, 28}));
}

}  // namespace aerepro::models::checks
