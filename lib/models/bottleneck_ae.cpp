#include "models/bottleneck_ae.h"

#include "models/image_shape.h"

#include <fmt/format.h>

namespace aerepro::models {

std::string describe(const BottleneckAutoencoderOptions& o) {
  return fmt::format("BottleneckAutoencoder 784-{}-{}-{}-784 relu", o.hidden, o.code_size,
                     o.hidden);
}

namespace nn = torch::nn;

BottleneckAutoencoderImpl::BottleneckAutoencoderImpl(BottleneckAutoencoderOptions options)
    : options_(options) {
  if (options_.hidden <= 0 || options_.code_size <= 0) {
    throw std::invalid_argument("BottleneckAutoencoder: hidden and code_size must be positive");
  }
  encoder_fc1 = register_module("encoder_fc1", nn::Linear(kImagePixels, options_.hidden));
  encoder_fc2 = register_module("encoder_fc2", nn::Linear(options_.hidden, options_.code_size));
  decoder_fc1 = register_module("decoder_fc1", nn::Linear(options_.code_size, options_.hidden));
  decoder_fc2 = register_module("decoder_fc2", nn::Linear(options_.hidden, kImagePixels));
}

torch::Tensor BottleneckAutoencoderImpl::encode(const torch::Tensor& images) {
  auto x = detail::flatten_samples(images, kImagePixels, "BottleneckAutoencoder");
  x = torch::relu(encoder_fc1(x));
  return torch::relu(encoder_fc2(x));  // S2.8: ReLU on the 8-d code
}

torch::Tensor BottleneckAutoencoderImpl::decode(const torch::Tensor& code) {
  auto x = torch::relu(decoder_fc1(code));
  return detail::to_images(torch::relu(decoder_fc2(x)));
}

AutoencoderOutput BottleneckAutoencoderImpl::forward(const torch::Tensor& images) {
  auto code = encode(images);
  auto reconstruction = decode(code);
  return {reconstruction, code, code};
}

}  // namespace aerepro::models
