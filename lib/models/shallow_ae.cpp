#include "models/shallow_ae.h"

#include "models/image_shape.h"

#include <fmt/format.h>

namespace aerepro::models {

std::string describe(const ShallowAutoencoderOptions& o) {
  return fmt::format("ShallowAutoencoder 784-{}-784 hidden=relu output={}", o.hidden,
                     to_string(o.output_activation));
}

ShallowAutoencoderOptions undercomplete_autoencoder_options(int64_t hidden) {
  ShallowAutoencoderOptions options;
  options.hidden = hidden;
  return options;
}

std::vector<int64_t> undercomplete_hidden_sizes() {
  return {64, 128, 256};
}

ShallowAutoencoderOptions sparse_autoencoder_options() {
  ShallowAutoencoderOptions options;
  options.hidden = 1156;  // S2.6: over-complete (1156 > 784)
  return options;
}

ShallowAutoencoderOptions denoising_autoencoder_options() {
  ShallowAutoencoderOptions options;
  options.hidden = 256;  // S2.7
  return options;
}

ShallowAutoencoderImpl::ShallowAutoencoderImpl(ShallowAutoencoderOptions options)
    : options_(options) {
  if (options_.hidden <= 0)
    throw std::invalid_argument("ShallowAutoencoder: hidden must be positive");
  encoder = register_module("encoder", torch::nn::Linear(kImagePixels, options_.hidden));
  decoder = register_module("decoder", torch::nn::Linear(options_.hidden, kImagePixels));
}

torch::Tensor ShallowAutoencoderImpl::encode(const torch::Tensor& images) {
  return torch::relu(encoder(detail::flatten_samples(images, kImagePixels, "ShallowAutoencoder")));
}

torch::Tensor ShallowAutoencoderImpl::decode(const torch::Tensor& code) {
  return detail::to_images(apply_activation(decoder(code), options_.output_activation));
}

AutoencoderOutput ShallowAutoencoderImpl::forward(const torch::Tensor& images) {
  auto hidden = encode(images);
  auto reconstruction = decode(hidden);
  return {reconstruction, hidden, hidden};
}

}  // namespace aerepro::models
