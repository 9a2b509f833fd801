// lib/models, the convolutional autoencoders: S0's conv DAE (parameter count, shapes,
// BatchNorm's train/eval behaviour, S1.2) and S2.9's three decoders (unpooling indices).
#include "model_checks.h"
#include "models/conv_ae.h"
#include "models/conv_dae.h"
#include "models/parameters.h"

#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace aerepro::models {
namespace {

using namespace checks;

// ---------------------------------------------------------------- S0.3/S0.4 conv DAE

TEST(ConvDenoisingAutoencoder, ParameterCountMatchesTheSource) {
  ConvDenoisingAutoencoder model;
  const int64_t d = 4;
  const int64_t encoder = conv(1, 8, 3) + conv(8, 16, 3) + batch_norm(16) + conv(16, 32, 3) +
                          linear(288, 128) + linear(128, d);
  const int64_t decoder = linear(d, 128) + linear(128, 288) + conv(32, 16, 3) + batch_norm(16) +
                          conv(16, 8, 3) + batch_norm(8) + conv(8, 1, 3);
  EXPECT_EQ(encoder, 80 + 1168 + 32 + 4640 + 36992 + 516);
  EXPECT_EQ(decoder, 640 + 37152 + 4624 + 32 + 1160 + 16 + 73);
  EXPECT_EQ(count_parameters(*model), encoder + decoder);
  EXPECT_EQ(count_parameters(*model), 87125);
}

TEST(ConvDenoisingAutoencoder, DefaultLatentDimensionIsFour) {
  EXPECT_EQ(ConvDenoisingAutoencoderOptions{}.latent_dim, 4);
}

TEST(ConvDenoisingAutoencoder, ShapesFollowTheLatentDimension) {
  ConvDenoisingAutoencoder model;
  model->eval();
  expect_autoencoder_shapes(model, 4);
  ConvDenoisingAutoencoderOptions options;
  options.latent_dim = 10;
  ConvDenoisingAutoencoder wide(options);
  wide->eval();
  expect_autoencoder_shapes(wide, 10);
}

TEST(ConvDenoisingAutoencoder, SigmoidReconstructionLiesInTheUnitInterval) {
  ConvDenoisingAutoencoder model;
  torch::NoGradGuard no_grad;
  expect_in_open_unit_interval(model->forward(random_images(3)).reconstruction);
}

TEST(ConvDenoisingAutoencoder, EvalModeUsesRunningStatisticsSoOutputsAreBatchIndependent) {
  ConvDenoisingAutoencoder model;
  const auto images = random_images(3);
  {  // a few training-mode passes move the running statistics away from (0, 1)
    torch::NoGradGuard no_grad;
    model->train();
    for (int i = 0; i < 3; ++i) model->forward(images);
  }
  model->eval();
  torch::NoGradGuard no_grad;
  const auto batch = model->forward(images).reconstruction;
  const auto single = model->forward(images.slice(0, 1, 2)).reconstruction;
  EXPECT_TRUE(torch::allclose(single, batch.slice(0, 1, 2), 1e-5, 1e-6));
  EXPECT_TRUE(torch::equal(batch, model->forward(images).reconstruction));  // deterministic
}

TEST(ConvDenoisingAutoencoder, TrainModeUsesBatchStatistics) {
  ConvDenoisingAutoencoder model;
  model->train();
  torch::NoGradGuard no_grad;
  const auto images = random_images(3);
  const auto batch = model->forward(images).reconstruction;
  const auto pair = model->forward(images.slice(0, 0, 2)).reconstruction;
  EXPECT_FALSE(torch::allclose(pair.slice(0, 0, 1), batch.slice(0, 0, 1), 1e-5, 1e-6));
}

// The switch of 000:51/000:58's comparison: without batch norm, exactly S0's three BatchNorm2d
// layers (their γ, β and running statistics) are gone, and nothing else.
ConvDenoisingAutoencoder without_batch_norm() {
  ConvDenoisingAutoencoderOptions options;
  options.batch_norm = false;
  return ConvDenoisingAutoencoder(options);
}

std::vector<std::string> names(const torch::OrderedDict<std::string, torch::Tensor>& tensors) {
  return tensors.keys();
}

TEST(ConvDenoisingAutoencoder, WithoutBatchNormDropsExactlyTheThreeBatchNormLayers) {
  EXPECT_TRUE(ConvDenoisingAutoencoderOptions{}.batch_norm);  // the source's model by default
  ConvDenoisingAutoencoder with;
  auto without = without_batch_norm();
  EXPECT_EQ(count_parameters(*with) - count_parameters(*without),
            batch_norm(16) + batch_norm(16) + batch_norm(8));
  EXPECT_EQ(count_parameters(*without), 87125 - 80);
  std::vector<std::string> kept;
  for (const auto& name : names(with->named_parameters())) {
    if (name.find("_norm") == std::string::npos) kept.push_back(name);
  }
  EXPECT_EQ(kept.size(), 20u);  // weight and bias of the 6 (transposed) convs and 4 linears
  EXPECT_EQ(names(without->named_parameters()), kept);
  EXPECT_TRUE(without->named_buffers().is_empty());  // no running statistics left
  EXPECT_FALSE(without->encoder_norm2 || without->decoder_norm1 || without->decoder_norm2);
  without->eval();
  expect_autoencoder_shapes(without, 4);
}

// The default model's checkpoint: its key's model part and the names of what it stores.
TEST(ConvDenoisingAutoencoder, TheDefaultModelIsStoredAsBefore) {
  EXPECT_EQ(describe(ConvDenoisingAutoencoderOptions{}), "ConvDenoisingAutoencoder d=4");
  EXPECT_EQ(describe(without_batch_norm()->options()),
            "ConvDenoisingAutoencoder d=4 batch_norm=false");
  ConvDenoisingAutoencoder model;
  const std::vector<std::string> parameters = {
      "encoder_conv1.weight",   "encoder_conv1.bias",     "encoder_conv2.weight",
      "encoder_conv2.bias",     "encoder_norm2.weight",   "encoder_norm2.bias",
      "encoder_conv3.weight",   "encoder_conv3.bias",     "encoder_fc1.weight",
      "encoder_fc1.bias",       "encoder_fc2.weight",     "encoder_fc2.bias",
      "decoder_fc1.weight",     "decoder_fc1.bias",       "decoder_fc2.weight",
      "decoder_fc2.bias",       "decoder_deconv1.weight", "decoder_deconv1.bias",
      "decoder_norm1.weight",   "decoder_norm1.bias",     "decoder_deconv2.weight",
      "decoder_deconv2.bias",   "decoder_norm2.weight",   "decoder_norm2.bias",
      "decoder_deconv3.weight", "decoder_deconv3.bias"};
  EXPECT_EQ(names(model->named_parameters()), parameters);
  EXPECT_EQ(model->named_buffers().size(), 9u);  // 3 BN layers: mean, var, batches tracked
}

// BatchNorm2d draws nothing from the generator: from one seed, the model with and without it
// starts from the same weights in every other layer (a same-seed comparison of the two).
TEST(ConvDenoisingAutoencoder, OneSeedGivesTheSameWeightsWithAndWithoutBatchNorm) {
  torch::manual_seed(3);
  ConvDenoisingAutoencoder with;
  torch::manual_seed(3);
  auto without = without_batch_norm();
  const auto with_parameters = with->named_parameters();
  for (const auto& p : without->named_parameters()) {
    SCOPED_TRACE(p.key());
    ASSERT_NE(with_parameters.find(p.key()), nullptr);
    EXPECT_TRUE(torch::equal(p.value(), with_parameters[p.key()]));
  }
}

TEST(ConvDenoisingAutoencoder, WithoutBatchNormTrainModeIsBatchIndependent) {
  auto model = without_batch_norm();
  model->train();
  torch::NoGradGuard no_grad;
  const auto images = random_images(3);
  const auto batch = model->forward(images).reconstruction;
  const auto pair = model->forward(images.slice(0, 0, 2)).reconstruction;
  EXPECT_TRUE(torch::allclose(pair, batch.slice(0, 0, 2), 1e-5, 1e-6));
}

TEST(ConvDenoisingAutoencoder, RejectsNonImageInput) {
  ConvDenoisingAutoencoder model;
  EXPECT_THROW(model->encode(torch::rand({2, 784})), std::invalid_argument);
}

// ---------------------------------------------------------------- S2.9 conv AEs

constexpr int64_t kConvEncoder = conv(1, 8, 3) + conv(8, 16, 3) + conv(16, 16, 3);  // 3568

ConvAutoencoder conv_autoencoder(ConvDecoder decoder) {
  ConvAutoencoderOptions options;
  options.decoder = decoder;
  return ConvAutoencoder(options);
}

TEST(ConvAutoencoder, ParameterCountMatchesTheSourceForEachDecoder) {
  EXPECT_EQ(kConvEncoder, 80 + 1168 + 2320);
  // (a) Conv(16→8,k3) + Conv(8→1,k3)
  EXPECT_EQ(count_parameters(*conv_autoencoder(ConvDecoder::unpool_conv)),
            kConvEncoder + conv(16, 8, 3) + conv(8, 1, 3));
  EXPECT_EQ(count_parameters(*conv_autoencoder(ConvDecoder::unpool_conv)), 4801);
  // (b) ConvT(16→16,k3) + ConvT(16→8,k4) + ConvT(8→1,k4)
  EXPECT_EQ(count_parameters(*conv_autoencoder(ConvDecoder::deconv)),
            kConvEncoder + conv(16, 16, 3) + conv(16, 8, 4) + conv(8, 1, 4));
  EXPECT_EQ(count_parameters(*conv_autoencoder(ConvDecoder::deconv)), 8073);
  // (c) ConvT(16→16,k3) + ConvT(16→8,k3) + ConvT(8→1,k3): S2.9's three transposed convs
  EXPECT_EQ(count_parameters(*conv_autoencoder(ConvDecoder::unpool_deconv)),
            kConvEncoder + conv(16, 16, 3) + conv(16, 8, 3) + conv(8, 1, 3));
  EXPECT_EQ(count_parameters(*conv_autoencoder(ConvDecoder::unpool_deconv)),
            3568 + 2320 + 1160 + 73);
}

TEST(ConvAutoencoder, EveryDecoderReconstructsNonNegativeImagesFromA144WideCode) {
  for (auto decoder : {ConvDecoder::unpool_conv, ConvDecoder::deconv, ConvDecoder::unpool_deconv}) {
    SCOPED_TRACE(to_string(decoder));
    auto model = conv_autoencoder(decoder);
    torch::NoGradGuard no_grad;
    const auto images = random_images(3);
    const auto output = model->forward(images);
    EXPECT_EQ(sizes(output.reconstruction), kImages3);
    EXPECT_EQ(sizes(output.code), (Sizes{3, 16 * 3 * 3}));
    EXPECT_EQ(sizes(model->encode(images)), (Sizes{3, 144}));
    expect_non_negative(output.reconstruction);
    const auto encoding = model->encode_with_indices(images);
    EXPECT_EQ(sizes(encoding.indices.pool1), (Sizes{3, 8, 14, 14}));
    EXPECT_EQ(sizes(encoding.indices.pool2), (Sizes{3, 16, 7, 7}));
    EXPECT_EQ(sizes(encoding.indices.pool3), (Sizes{3, 16, 3, 3}));
    EXPECT_TRUE(torch::equal(model->decode_with_indices(encoding.code, encoding.indices),
                             output.reconstruction));
  }
}

TEST(ConvAutoencoder, DecodeWithoutIndicesWorksOnlyForTheDeconvolutionDecoder) {
  torch::NoGradGuard no_grad;
  const auto code = torch::rand({2, 144});
  EXPECT_EQ(sizes(conv_autoencoder(ConvDecoder::deconv)->decode(code)), (Sizes{2, 1, 28, 28}));
  EXPECT_THROW(conv_autoencoder(ConvDecoder::unpool_conv)->decode(code), std::logic_error);
  EXPECT_THROW(conv_autoencoder(ConvDecoder::unpool_deconv)->decode(code), std::logic_error);
}

TEST(ConvAutoencoder, UnpoolingPutsValuesOnlyWhereTheMaximaWere) {
  // With the indices, unpool(pool(x)) is non-zero at most at one pixel per 2×2 window.
  auto model = conv_autoencoder(ConvDecoder::unpool_conv);
  torch::NoGradGuard no_grad;
  const auto encoding = model->encode_with_indices(random_images(2));
  const auto unpooled =
      torch::max_unpool2d(encoding.code.reshape({2, 16, 3, 3}), encoding.indices.pool3, {7, 7});
  EXPECT_LE((unpooled != 0).sum().item<int64_t>(), 2 * 16 * 3 * 3);
}

}  // namespace
}  // namespace aerepro::models
