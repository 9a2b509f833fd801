#include "models/one_level_ae.h"

#include "models/glorot_init.h"
#include "models/image_shape.h"

#include <fmt/format.h>

namespace aerepro::models {

std::string describe(const OneLevelAutoencoderOptions& o) {
  return fmt::format("OneLevelAutoencoder {}-{} relu, {} out, {}", o.input_dim, o.hidden,
                     to_string(o.output_activation),
                     o.glorot_uniform ? "glorot-uniform" : "default init");
}

OneLevelAutoencoderImpl::OneLevelAutoencoderImpl(OneLevelAutoencoderOptions options)
    : options_(options) {
  if (options_.input_dim <= 0 || options_.hidden <= 0) {
    throw std::invalid_argument("OneLevelAutoencoder: input_dim and hidden must be positive");
  }
  encoder = register_module("encoder", torch::nn::Linear(options_.input_dim, options_.hidden));
  decoder = register_module("decoder", torch::nn::Linear(options_.hidden, options_.input_dim));
  if (options_.glorot_uniform) glorot_initialize(*this);  // S3.1
}

torch::Tensor OneLevelAutoencoderImpl::encode(const torch::Tensor& input) {
  return torch::relu(
      encoder(detail::flatten_samples(input, options_.input_dim, "OneLevelAutoencoder")));
}

torch::Tensor OneLevelAutoencoderImpl::decode(const torch::Tensor& code) {
  auto output = apply_activation(decoder(code), options_.output_activation);
  return options_.input_dim == kImagePixels ? detail::to_images(output) : output;
}

AutoencoderOutput OneLevelAutoencoderImpl::forward(const torch::Tensor& input) {
  auto code = encode(input);
  auto reconstruction = decode(code).reshape(input.sizes());
  return {reconstruction, code, code};
}

}  // namespace aerepro::models
