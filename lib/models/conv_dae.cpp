#include "models/conv_dae.h"

#include "models/image_shape.h"

#include <fmt/format.h>

namespace aerepro::models {

std::string describe(const ConvDenoisingAutoencoderOptions& o) {
  return fmt::format("ConvDenoisingAutoencoder d={}{}", o.latent_dim,
                     o.batch_norm ? "" : " batch_norm=false");
}

namespace nn = torch::nn;

namespace {
constexpr int64_t kDaeCodeChannels = 32;  // S0.3: third conv's channels
constexpr int64_t kDaeCodeSide = 3;       // 28 -> 14 -> 7 -> 3
constexpr int64_t kFlatWidth = kDaeCodeChannels * kDaeCodeSide * kDaeCodeSide;  // 288
constexpr int64_t kDenseWidth = 128;
}  // namespace

ConvDenoisingAutoencoderImpl::ConvDenoisingAutoencoderImpl(ConvDenoisingAutoencoderOptions options)
    : options_(options) {
  if (options_.latent_dim <= 0)
    throw std::invalid_argument("ConvDenoisingAutoencoder: latent_dim must be positive");
  // S0.3 encoder. S1.1's text says padding 1 on all three convs; the 288-wide flatten needs
  // padding 0 on the third (S0's code): we follow S0.
  encoder_conv1 =
      register_module("encoder_conv1", nn::Conv2d(nn::Conv2dOptions(1, 8, 3).stride(2).padding(1)));
  encoder_conv2 = register_module("encoder_conv2",
                                  nn::Conv2d(nn::Conv2dOptions(8, 16, 3).stride(2).padding(1)));
  // A BatchNorm2d draws nothing from the generator (γ = 1, β = 0): without it, every other
  // layer gets the same initial weights from the same seed.
  if (options_.batch_norm) encoder_norm2 = register_module("encoder_norm2", nn::BatchNorm2d(16));
  encoder_conv3 = register_module(
      "encoder_conv3", nn::Conv2d(nn::Conv2dOptions(16, kDaeCodeChannels, 3).stride(2).padding(0)));
  encoder_fc1 = register_module("encoder_fc1", nn::Linear(kFlatWidth, kDenseWidth));
  encoder_fc2 = register_module("encoder_fc2", nn::Linear(kDenseWidth, options_.latent_dim));
  // S0.4 decoder.
  decoder_fc1 = register_module("decoder_fc1", nn::Linear(options_.latent_dim, kDenseWidth));
  decoder_fc2 = register_module("decoder_fc2", nn::Linear(kDenseWidth, kFlatWidth));
  decoder_deconv1 = register_module(
      "decoder_deconv1",
      nn::ConvTranspose2d(
          nn::ConvTranspose2dOptions(kDaeCodeChannels, 16, 3).stride(2).output_padding(0)));
  if (options_.batch_norm) decoder_norm1 = register_module("decoder_norm1", nn::BatchNorm2d(16));
  decoder_deconv2 = register_module(
      "decoder_deconv2",
      nn::ConvTranspose2d(
          nn::ConvTranspose2dOptions(16, 8, 3).stride(2).padding(1).output_padding(1)));
  if (options_.batch_norm) decoder_norm2 = register_module("decoder_norm2", nn::BatchNorm2d(8));
  decoder_deconv3 = register_module(
      "decoder_deconv3",
      nn::ConvTranspose2d(
          nn::ConvTranspose2dOptions(8, 1, 3).stride(2).padding(1).output_padding(1)));
}

namespace {
// `norm` applied to `x`, or `x` itself where the model is built without batch norm.
torch::Tensor normalised(nn::BatchNorm2d& norm, const torch::Tensor& x) {
  return norm ? norm(x) : x;
}
}  // namespace

torch::Tensor ConvDenoisingAutoencoderImpl::encode(const torch::Tensor& images) {
  detail::check_images(images, "ConvDenoisingAutoencoder");
  auto x = torch::relu(encoder_conv1(images));                   // (N,8,14,14)
  x = torch::relu(normalised(encoder_norm2, encoder_conv2(x)));  // (N,16,7,7)
  x = torch::relu(encoder_conv3(x));                             // (N,32,3,3)
  x = torch::relu(encoder_fc1(x.flatten(1)));                    // (N,128)
  return encoder_fc2(x);                                         // (N,d), linear code
}

torch::Tensor ConvDenoisingAutoencoderImpl::decode(const torch::Tensor& code) {
  auto x = torch::relu(decoder_fc1(code));
  x = torch::relu(decoder_fc2(x));
  x = x.reshape({x.size(0), kDaeCodeChannels, kDaeCodeSide, kDaeCodeSide});
  x = torch::relu(normalised(decoder_norm1, decoder_deconv1(x)));  // (N,16,7,7)
  x = torch::relu(normalised(decoder_norm2, decoder_deconv2(x)));  // (N,8,14,14)
  return torch::sigmoid(decoder_deconv3(x));                       // (N,1,28,28)
}

AutoencoderOutput ConvDenoisingAutoencoderImpl::forward(const torch::Tensor& images) {
  auto code = encode(images);
  auto reconstruction = decode(code);
  return {reconstruction, code, code};
}

}  // namespace aerepro::models
