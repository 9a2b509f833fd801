// lib/models: every model's parameter count against its source's PyTorch definition, shapes,
// output ranges, BatchNorm's train/eval behaviour (S1.2) and He init (S4.2).
#include "models/activation.h"
#include "models/ae_classifier.h"
#include "models/bottleneck_ae.h"
#include "models/conv_ae.h"
#include "models/conv_dae.h"
#include "models/deep_ae.h"
#include "models/fashion_ae.h"
#include "models/fashion_cnn.h"
#include "models/he_init.h"
#include "models/one_level_ae.h"
#include "models/parameters.h"
#include "models/shallow_ae.h"
#include "models/stacked_ae.h"

#include <cmath>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

namespace aerepro::models {
namespace {

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

torch::Tensor random_images(int64_t n, uint64_t seed = 7) {
  torch::manual_seed(seed);
  return torch::rand({n, 1, 28, 28});
}

Sizes sizes(const torch::Tensor& t) {
  return t.sizes().vec();
}
const Sizes kImages3 = {3, 1, 28, 28};

void expect_non_negative(const torch::Tensor& t) {
  EXPECT_GE(t.min().item<float>(), 0.0f);
}
void expect_in_open_unit_interval(const torch::Tensor& t) {
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

TEST(ConvDenoisingAutoencoder, RejectsNonImageInput) {
  ConvDenoisingAutoencoder model;
  EXPECT_THROW(model->encode(torch::rand({2, 784})), std::invalid_argument);
}

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

// ---------------------------------------------------------------- helpers

TEST(CountParameters, CountsOnlyTrainableParameters) {
  torch::nn::BatchNorm2d norm(16);  // running statistics are buffers
  EXPECT_EQ(count_parameters(*norm), 32);
  torch::nn::Linear layer(3, 2);
  layer->bias.set_requires_grad(false);
  EXPECT_EQ(count_parameters(*layer), 6);
}

TEST(Activation, NamesRoundTrip) {
  for (auto activation : {Activation::relu, Activation::none, Activation::sigmoid}) {
    EXPECT_EQ(activation_from_string(to_string(activation)), activation);
  }
  EXPECT_THROW(activation_from_string("tanh"), std::exception);
}

}  // namespace
}  // namespace aerepro::models
