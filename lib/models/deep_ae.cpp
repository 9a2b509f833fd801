#include "models/deep_ae.h"

#include "models/image_shape.h"

#include <fmt/format.h>

namespace aerepro::models {

std::string describe(const DeepAutoencoderOptions& o) {
  return fmt::format("DeepAutoencoder 784-512-256-128-{} / {}-128-256-784 code={} output={}",
                     o.code_size, o.code_size, to_string(o.code_activation),
                     to_string(o.output_activation));
}

namespace nn = torch::nn;

DeepAutoencoderOptions source_deep_autoencoder_options() {
  return {};
}

DeepAutoencoderOptions well_trained_deep_autoencoder_options() {
  DeepAutoencoderOptions options;
  options.code_activation = Activation::none;
  options.output_activation = Activation::sigmoid;
  return options;
}

DeepAutoencoderImpl::DeepAutoencoderImpl(DeepAutoencoderOptions options) : options_(options) {
  if (options_.code_size <= 0)
    throw std::invalid_argument("DeepAutoencoder: code_size must be positive");
  // S2.2 encoder 784→512→256→128→30.
  encoder_fc1 = register_module("encoder_fc1", nn::Linear(kImagePixels, 512));
  encoder_fc2 = register_module("encoder_fc2", nn::Linear(512, 256));
  encoder_fc3 = register_module("encoder_fc3", nn::Linear(256, 128));
  encoder_fc4 = register_module("encoder_fc4", nn::Linear(128, options_.code_size));
  // S2.2 decoder 30→128→256→784 (no 512 layer, as the source).
  decoder_fc1 = register_module("decoder_fc1", nn::Linear(options_.code_size, 128));
  decoder_fc2 = register_module("decoder_fc2", nn::Linear(128, 256));
  decoder_fc3 = register_module("decoder_fc3", nn::Linear(256, kImagePixels));
}

torch::Tensor DeepAutoencoderImpl::encode(const torch::Tensor& images) {
  auto x = detail::flatten_samples(images, kImagePixels, "DeepAutoencoder");
  x = torch::relu(encoder_fc1(x));
  x = torch::relu(encoder_fc2(x));
  x = torch::relu(encoder_fc3(x));
  return apply_activation(encoder_fc4(x), options_.code_activation);
}

torch::Tensor DeepAutoencoderImpl::decode(const torch::Tensor& code) {
  auto x = torch::relu(decoder_fc1(code));
  x = torch::relu(decoder_fc2(x));
  return detail::to_images(apply_activation(decoder_fc3(x), options_.output_activation));
}

AutoencoderOutput DeepAutoencoderImpl::forward(const torch::Tensor& images) {
  auto code = encode(images);
  auto reconstruction = decode(code);
  return {reconstruction, code, code};
}

}  // namespace aerepro::models
