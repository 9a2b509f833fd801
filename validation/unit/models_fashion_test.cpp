// lib/models, S4's Fashion-MNIST models (CNN, autoencoder, autoencoder classifier): parameter
// counts, outputs, He init (S4.2) and the classifier's copy of a trained encoder.
#include "model_checks.h"
#include "models/ae_classifier.h"
#include "models/fashion_ae.h"
#include "models/fashion_cnn.h"
#include "models/he_init.h"
#include "models/parameters.h"

#include <cmath>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace aerepro::models {
namespace {

using namespace checks;

// ---------------------------------------------------------------- S4.2 CNN

TEST(FashionCnn, ParameterCountMatchesTheSource) {
  FashionCnn model;
  EXPECT_EQ(count_parameters(*model), conv(1, 10, 5) + conv(10, 20, 5) + conv(20, 40, 5) +
                                          conv(40, 64, 5) + linear(64 * 10 * 10, 256) +
                                          linear(256, 10));
  EXPECT_EQ(count_parameters(*model), 1730610);
}

TEST(FashionCnn, GivesTenLogitsPerImage) {
  FashionCnn model;
  torch::NoGradGuard no_grad;
  EXPECT_EQ(sizes(model->forward(random_images(3))), (Sizes{3, 10}));
}

// 004:100 "MaxPool: stride = 2, padding = 2" without a kernel: kernel 5 or 6 with padding 2
// keep the 64x10x10 flatten of 004:104, as kernel 2 without padding does; kernel 4 gives 11x11.
TEST(FashionCnn, S42PoolReadingsKeepTheFlattenOf6400) {
  for (const auto [kernel, padding] : {std::pair{2, 0}, {5, 2}, {6, 2}}) {
    FashionCnn model(FashionCnnOptions{10, kernel, padding});
    torch::NoGradGuard no_grad;
    EXPECT_EQ(sizes(model->forward(random_images(2))), (Sizes{2, 10})) << kernel;
  }
  EXPECT_THROW(FashionCnn(FashionCnnOptions{10, 4, 2}), std::invalid_argument);
  EXPECT_EQ(describe(FashionCnnOptions{}), "FashionCnn");  // the keys of kernel 2 unchanged
  EXPECT_EQ(describe(FashionCnnOptions{10, 5, 2}), "FashionCnn pool=k5p2");
}

TEST(FashionCnn, IsHeInitialisedWithZeroBiases) {
  torch::manual_seed(0);
  FashionCnn model;
  // conv1: fan_in = 1·5·5 = 25, only 250 weights: loose tolerance. fc1: fan_in 6400, 1.6M weights.
  EXPECT_NEAR(model->conv1->weight.std().item<double>(), std::sqrt(2.0 / 25),
              0.15 * std::sqrt(2.0 / 25));
  EXPECT_NEAR(model->conv4->weight.std().item<double>(), std::sqrt(2.0 / (40 * 25)),
              0.03 * std::sqrt(2.0 / (40 * 25)));
  EXPECT_NEAR(model->fc1->weight.std().item<double>(), std::sqrt(2.0 / 6400),
              0.01 * std::sqrt(2.0 / 6400));
  for (const auto& item : model->named_parameters()) {
    if (item.key().find("bias") != std::string::npos) {
      EXPECT_EQ(item.value().abs().max().item<float>(), 0.0f) << item.key();
    }
  }
}

// ---------------------------------------------------------------- S4.3 AE

TEST(FashionAutoencoder, ParameterCountMatchesTheSource) {
  FashionAutoencoder model;
  const int64_t encoder = linear(784, 392) + linear(392, 196) + linear(196, 98) + linear(98, 32);
  const int64_t decoder = linear(32, 98) + linear(98, 196) + linear(196, 392) + linear(392, 784);
  EXPECT_EQ(count_parameters(*model), encoder + decoder);
  EXPECT_EQ(count_parameters(*model), 815196);
  EXPECT_EQ(count_parameters(*model->encoder), encoder);
}

TEST(FashionAutoencoder, ReluCodeAsMadeAndNonNegativeReconstruction) {
  FashionAutoencoder model;  // S4.3 as made: ReLU on the 32-d code too
  expect_autoencoder_shapes(model, 32);
  torch::NoGradGuard no_grad;
  const auto images = random_images(8);
  const auto output = model->forward(images);
  expect_non_negative(output.code);
  EXPECT_GT(output.code.max().item<float>(), 0.0f);  // not all dead at initialisation
  expect_non_negative(output.reconstruction);

  FashionAutoencoderOptions earlier_reading;
  earlier_reading.relu_code = false;
  FashionAutoencoder linear_code(earlier_reading);
  EXPECT_LT(linear_code->forward(images).code.min().item<float>(), 0.0f);  // not clipped
}

TEST(FashionAutoencoder, IsHeInitialisedWithZeroBiases) {
  torch::manual_seed(0);
  FashionAutoencoder model;
  EXPECT_NEAR(model->encoder->fc1->weight.std().item<double>(), std::sqrt(2.0 / 784),
              0.02 * std::sqrt(2.0 / 784));
  EXPECT_NEAR(model->decoder_fc4->weight.std().item<double>(), std::sqrt(2.0 / 392),
              0.02 * std::sqrt(2.0 / 392));
  EXPECT_EQ(model->decoder_fc1->bias.abs().max().item<float>(), 0.0f);
  EXPECT_EQ(model->encoder->fc4->bias.abs().max().item<float>(), 0.0f);
}

// ---------------------------------------------------------------- S4.4 AE classifier

TEST(AutoencoderClassifier, ParameterCountMatchesTheSource) {
  AutoencoderClassifier model;
  const int64_t encoder = linear(784, 392) + linear(392, 196) + linear(196, 98) + linear(98, 32);
  EXPECT_EQ(count_parameters(*model), encoder + linear(32, 256) + linear(256, 10));
  EXPECT_EQ(count_parameters(*model), 418240);
}

TEST(AutoencoderClassifier, GivesTenLogitsPerImage) {
  AutoencoderClassifier model;
  torch::NoGradGuard no_grad;
  EXPECT_EQ(sizes(model->forward(random_images(3))), (Sizes{3, 10}));
}

TEST(AutoencoderClassifier, CopiesTheEncoderOfATrainedAutoencoder) {
  FashionAutoencoder autoencoder;
  AutoencoderClassifier model;
  torch::NoGradGuard no_grad;
  const auto images = random_images(3);
  EXPECT_FALSE(torch::equal(model->encoder(images), autoencoder->encode(images)));
  model->load_encoder_from(autoencoder);
  EXPECT_TRUE(torch::equal(model->encoder(images), autoencoder->encode(images)));
  // A copy, not shared storage: changing the autoencoder leaves the classifier alone.
  autoencoder->encoder->fc1->bias.fill_(1.0);
  EXPECT_EQ(model->encoder->fc1->bias.abs().max().item<float>(), 0.0f);
}

TEST(AutoencoderClassifier, RefusesAnEncoderOfAnotherShape) {
  FashionAutoencoderOptions narrow;
  narrow.code_size = 16;
  FashionAutoencoder autoencoder(narrow);
  AutoencoderClassifier model;
  EXPECT_THROW(model->load_encoder_from(autoencoder), std::invalid_argument);
}

}  // namespace
}  // namespace aerepro::models
