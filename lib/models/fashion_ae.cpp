#include "models/fashion_ae.h"

#include "models/he_init.h"
#include "models/image_shape.h"

#include <fmt/format.h>

namespace aerepro::models {

std::string describe(const FashionAutoencoderOptions& o) {
  return fmt::format("FashionAutoencoder 784-392-196-98-{} {} code", o.code_size,
                     o.relu_code ? "relu" : "linear");
}

namespace nn = torch::nn;

FashionEncoderImpl::FashionEncoderImpl(FashionAutoencoderOptions options) {
  if (options.code_size <= 0)
    throw std::invalid_argument("FashionEncoder: code_size must be positive");
  fc1 = register_module("fc1", nn::Linear(kImagePixels, 392));
  fc2 = register_module("fc2", nn::Linear(392, 196));
  fc3 = register_module("fc3", nn::Linear(196, 98));
  fc4 = register_module("fc4", nn::Linear(98, options.code_size));
  relu_code = options.relu_code;
  he_initialize(*this);
}

torch::Tensor FashionEncoderImpl::forward(const torch::Tensor& images) {
  auto x = detail::flatten_samples(images, kImagePixels, "FashionEncoder");
  x = torch::relu(fc1(x));
  x = torch::relu(fc2(x));
  x = torch::relu(fc3(x));
  x = fc4(x);
  return relu_code ? torch::relu(x) : x;  // S4.3: ReLU on the code too
}

FashionAutoencoderImpl::FashionAutoencoderImpl(FashionAutoencoderOptions options)
    : options_(options) {
  encoder = register_module("encoder", FashionEncoder(options_));
  decoder_fc1 = register_module("decoder_fc1", nn::Linear(options_.code_size, 98));
  decoder_fc2 = register_module("decoder_fc2", nn::Linear(98, 196));
  decoder_fc3 = register_module("decoder_fc3", nn::Linear(196, 392));
  decoder_fc4 = register_module("decoder_fc4", nn::Linear(392, kImagePixels));
  // The encoder initialised itself; He-initialise the decoder layers.
  for (auto* layer : {&decoder_fc1, &decoder_fc2, &decoder_fc3, &decoder_fc4}) {
    he_initialize(**layer);
  }
}

torch::Tensor FashionAutoencoderImpl::encode(const torch::Tensor& images) {
  return encoder(images);
}

torch::Tensor FashionAutoencoderImpl::decode(const torch::Tensor& code) {
  auto x = torch::relu(decoder_fc1(code));
  x = torch::relu(decoder_fc2(x));
  x = torch::relu(decoder_fc3(x));
  return detail::to_images(torch::relu(decoder_fc4(x)));
}

AutoencoderOutput FashionAutoencoderImpl::forward(const torch::Tensor& images) {
  auto code = encode(images);
  auto reconstruction = decode(code);
  return {reconstruction, code, code};
}

}  // namespace aerepro::models
