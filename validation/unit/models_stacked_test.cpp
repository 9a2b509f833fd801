// lib/models, S3's one-level and stacked autoencoders: parameter counts, shapes, Keras's
// Glorot-uniform init, and the stack's levels as shared submodules.
#include "model_checks.h"
#include "models/activation.h"
#include "models/one_level_ae.h"
#include "models/parameters.h"
#include "models/stacked_ae.h"

#include <cmath>
#include <stdexcept>

#include <gtest/gtest.h>

namespace aerepro::models {
namespace {

using namespace checks;

// ---------------------------------------------------------------- S3.2/S3.3 one-level AE

TEST(OneLevelAutoencoder, ParameterCountMatchesTheSource) {
  OneLevelAutoencoder model;
  EXPECT_EQ(count_parameters(*model), linear(784, 128) + linear(128, 784));
  EXPECT_EQ(count_parameters(*model), 201616);
}

TEST(OneLevelAutoencoder, ImagesInImagesOutWithSigmoidPixels) {
  OneLevelAutoencoder model;
  expect_autoencoder_shapes(model, 128);
  torch::NoGradGuard no_grad;
  const auto output = model->forward(random_images(3));
  expect_in_open_unit_interval(output.reconstruction);
  expect_non_negative(output.code);
  // A flat (N,784) input is accepted and reconstructed flat.
  EXPECT_EQ(sizes(model->forward(torch::rand({2, 784})).reconstruction), (Sizes{2, 784}));
}

TEST(OneLevelAutoencoder, IsGlorotUniformWithZeroBiasesAsKeras) {
  torch::manual_seed(0);
  OneLevelAutoencoder model;  // S3.1: U(-a, a), a = sqrt(6 / (784 + 128)), std a / sqrt(3)
  const double a = std::sqrt(6.0 / (784 + 128));
  for (const auto& weight : {model->encoder->weight, model->decoder->weight}) {
    EXPECT_LE(weight.abs().max().item<double>(), a);
    EXPECT_GT(weight.abs().max().item<double>(), 0.99 * a);
    EXPECT_NEAR(weight.std().item<double>(), a / std::sqrt(3.0), 0.01 * a);
  }
  EXPECT_EQ(model->encoder->bias.abs().max().item<float>(), 0.0f);
  EXPECT_EQ(model->decoder->bias.abs().max().item<float>(), 0.0f);
  // LibTorch's default (kaiming_uniform, a = sqrt(5)): bound 1 / sqrt(fan_in), biases not zero.
  OneLevelAutoencoderOptions libtorch_default;
  libtorch_default.glorot_uniform = false;
  OneLevelAutoencoder other(libtorch_default);
  EXPECT_LE(other->encoder->weight.abs().max().item<double>(), 1.0 / std::sqrt(784.0));
  EXPECT_GT(other->encoder->bias.abs().max().item<float>(), 0.0f);
}

TEST(StackedAutoencoder, EveryLevelIsGlorotUniform) {
  StackedAutoencoder model;
  EXPECT_EQ(model->level(1)->decoder->bias.abs().max().item<float>(), 0.0f);
  EXPECT_LE(model->level(1)->decoder->weight.abs().max().item<double>(),
            std::sqrt(6.0 / (128 + 512)));
}

TEST(OneLevelAutoencoder, TakesFlatCodesWhenItsInputIsNotAnImage) {
  OneLevelAutoencoderOptions options;
  options.input_dim = 512;
  options.output_activation = Activation::relu;
  OneLevelAutoencoder model(options);
  EXPECT_EQ(count_parameters(*model), linear(512, 128) + linear(128, 512));
  torch::NoGradGuard no_grad;
  const auto output = model->forward(torch::rand({3, 512}));
  EXPECT_EQ(sizes(output.reconstruction), (Sizes{3, 512}));
  EXPECT_EQ(sizes(output.code), (Sizes{3, 128}));
  expect_non_negative(output.reconstruction);
  EXPECT_EQ(sizes(model->decode(output.code)), (Sizes{3, 512}));
  EXPECT_THROW(model->encode(torch::rand({3, 784})), std::invalid_argument);
}

// ---------------------------------------------------------------- S3.4–S3.6 stacked AE

TEST(StackedAutoencoder, ParameterCountMatchesTheSource) {
  StackedAutoencoder model;
  const int64_t level0 = linear(784, 512) + linear(512, 784);
  const int64_t level1 = linear(512, 128) + linear(128, 512);
  EXPECT_EQ(count_parameters(*model), level0 + level1);
  EXPECT_EQ(count_parameters(*model), 935824);
  EXPECT_EQ(count_parameters(*model->level(0)), level0);
  EXPECT_EQ(count_parameters(*model->level(1)), level1);
}

TEST(StackedAutoencoder, LevelsAreNamedSubmodulesWithTheSourcesWidths) {
  StackedAutoencoder model;
  ASSERT_EQ(model->num_levels(), 2);
  EXPECT_EQ(model->level(0)->options().input_dim, 784);
  EXPECT_EQ(model->level(0)->options().hidden, 512);
  EXPECT_EQ(model->level(0)->options().output_activation, Activation::sigmoid);
  EXPECT_EQ(model->level(1)->options().input_dim, 512);
  EXPECT_EQ(model->level(1)->options().hidden, 128);
  // S3.4 as made: design_AE's sigmoid on every level, also on the codes (a design slip).
  EXPECT_EQ(model->level(1)->options().output_activation, Activation::sigmoid);
  const auto children = model->named_children();
  EXPECT_NE(children.find("level0"), nullptr);
  EXPECT_NE(children.find("level1"), nullptr);
  EXPECT_THROW(model->level(2), std::out_of_range);
}

TEST(StackedAutoencoder, LevelsShareParametersWithTheStack) {
  StackedAutoencoder model;
  {
    torch::NoGradGuard no_grad;
    model->level(1)->encoder->bias.fill_(0.25);
  }
  EXPECT_TRUE(torch::all(model->named_parameters()["level1.encoder.bias"] == 0.25).item<bool>());
}

TEST(StackedAutoencoder, EncodeChainsLevelEncodersAndDecodeChainsDecodersInReverse) {
  StackedAutoencoder model;
  expect_autoencoder_shapes(model, 128);
  torch::NoGradGuard no_grad;
  const auto images = random_images(3);
  const auto code = model->encode(images);
  EXPECT_TRUE(torch::equal(code, model->level(1)->encode(model->level(0)->encode(images))));
  const auto reconstruction = model->decode(code);
  EXPECT_TRUE(torch::equal(reconstruction, model->level(0)->decode(model->level(1)->decode(code))));
  const auto output = model->forward(images);
  EXPECT_TRUE(torch::equal(output.reconstruction, reconstruction));
  expect_in_open_unit_interval(output.reconstruction);
}

}  // namespace
}  // namespace aerepro::models
