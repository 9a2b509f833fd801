// lib/models, S2's fully connected autoencoders (deep, shallow, bottleneck): parameter counts
// against the sources' PyTorch definitions, shapes and output ranges.
#include "model_checks.h"
#include "models/activation.h"
#include "models/bottleneck_ae.h"
#include "models/deep_ae.h"
#include "models/parameters.h"
#include "models/shallow_ae.h"

#include <vector>

#include <gtest/gtest.h>

namespace aerepro::models {
namespace {

using namespace checks;

// ---------------------------------------------------------------- S2.2 deep AE

TEST(DeepAutoencoder, ParameterCountMatchesTheSource) {
  DeepAutoencoder model;
  const int64_t encoder = linear(784, 512) + linear(512, 256) + linear(256, 128) + linear(128, 30);
  const int64_t decoder = linear(30, 128) + linear(128, 256) + linear(256, 784);  // no 512 layer
  EXPECT_EQ(count_parameters(*model), encoder + decoder);
  EXPECT_EQ(count_parameters(*model), 808494);
}

TEST(DeepAutoencoder, SourceVariantHasReluCodeAndOutput) {
  DeepAutoencoder model(source_deep_autoencoder_options());
  expect_autoencoder_shapes(model, 30);
  torch::NoGradGuard no_grad;
  const auto output = model->forward(random_images(3));
  expect_non_negative(output.code);
  expect_non_negative(output.reconstruction);
  EXPECT_TRUE(torch::equal(output.hidden, output.code));
}

TEST(DeepAutoencoder, WellTrainedVariantHasLinearCodeAndSigmoidOutput) {
  const auto options = well_trained_deep_autoencoder_options();
  EXPECT_EQ(options.code_activation, Activation::none);
  EXPECT_EQ(options.output_activation, Activation::sigmoid);
  DeepAutoencoder model(options);
  torch::NoGradGuard no_grad;
  // A linear code goes negative somewhere for random weights; a ReLU code could not.
  auto code = model->encode(random_images(8));
  EXPECT_LT(code.min().item<float>(), 0.0f);
  expect_in_open_unit_interval(model->decode(code));
  EXPECT_EQ(count_parameters(*model), 808494);  // activations add no parameters
}

// ---------------------------------------------------------------- S2.3/S2.6/S2.7 shallow AE

TEST(ShallowAutoencoder, ParameterCountMatchesTheSourceForEveryPreset) {
  for (int64_t x : undercomplete_hidden_sizes()) {  // S2.3
    ShallowAutoencoder model(undercomplete_autoencoder_options(x));
    EXPECT_EQ(count_parameters(*model), linear(784, x) + linear(x, 784)) << "x = " << x;
  }
  ShallowAutoencoder sparse(sparse_autoencoder_options());  // S2.6
  EXPECT_EQ(count_parameters(*sparse), linear(784, 1156) + linear(1156, 784));
  EXPECT_EQ(count_parameters(*sparse), 1814548);
  ShallowAutoencoder denoising(denoising_autoencoder_options());  // S2.7
  EXPECT_EQ(count_parameters(*denoising), linear(784, 256) + linear(256, 784));
  EXPECT_EQ(count_parameters(*denoising), 402448);
}

TEST(ShallowAutoencoder, PresetsAreTheSourcesSizes) {
  EXPECT_EQ(undercomplete_hidden_sizes(), (std::vector<int64_t>{64, 128, 256}));
  EXPECT_EQ(sparse_autoencoder_options().hidden, 1156);
  EXPECT_EQ(denoising_autoencoder_options().hidden, 256);
  EXPECT_EQ(ShallowAutoencoderOptions{}.output_activation, Activation::relu);
}

TEST(ShallowAutoencoder, HiddenIsTheReluLayerAndOutputIsNonNegative) {
  ShallowAutoencoder model(sparse_autoencoder_options());
  expect_autoencoder_shapes(model, 1156);
  torch::NoGradGuard no_grad;
  const auto output = model->forward(random_images(3));
  EXPECT_EQ(sizes(output.hidden), (Sizes{3, 1156}));  // S2.6: the 1156 hidden ReLU units
  expect_non_negative(output.hidden);
  expect_non_negative(output.reconstruction);
}

// ---------------------------------------------------------------- S2.8 bottleneck AE

TEST(BottleneckAutoencoder, ParameterCountMatchesTheSource) {
  BottleneckAutoencoder model;
  EXPECT_EQ(count_parameters(*model),
            linear(784, 64) + linear(64, 8) + linear(8, 64) + linear(64, 784));
  EXPECT_EQ(count_parameters(*model), 102296);
}

TEST(BottleneckAutoencoder, EightDimensionalReluCodeAndNonNegativeOutput) {
  BottleneckAutoencoder model;
  expect_autoencoder_shapes(model, 8);
  torch::NoGradGuard no_grad;
  const auto output = model->forward(random_images(3));
  expect_non_negative(output.code);
  expect_non_negative(output.reconstruction);
  // S2.8 perturbs the code before decoding: decode takes any (N,8) code.
  expect_non_negative(model->decode(output.code + 0.5 * torch::randn_like(output.code)));
}

}  // namespace
}  // namespace aerepro::models
