#include "models/ae_classifier.h"

#include "models/he_init.h"

#include <fmt/format.h>

#include <stdexcept>

namespace aerepro::models {

std::string describe(const AutoencoderClassifierOptions& o) {
  std::string text = fmt::format("AutoencoderClassifier fresh encoder, {} code",
                                 o.encoder.relu_code ? "relu" : "linear");
  if (o.encoder.code_size != 32) text += fmt::format(" code_size={}", o.encoder.code_size);
  if (o.hidden != 256) text += fmt::format(" hidden={}", o.hidden);
  if (o.num_classes != 10) text += fmt::format(" outputs={}", o.num_classes);
  return text;
}

AutoencoderClassifierImpl::AutoencoderClassifierImpl(AutoencoderClassifierOptions options)
    : options_(options) {
  encoder = register_module("encoder", FashionEncoder(options_.encoder));
  fc1 = register_module("fc1", torch::nn::Linear(options_.encoder.code_size, options_.hidden));
  fc2 = register_module("fc2", torch::nn::Linear(options_.hidden, options_.num_classes));
  he_initialize(*fc1);
  he_initialize(*fc2);
}

torch::Tensor AutoencoderClassifierImpl::forward(const torch::Tensor& images) {
  auto x = torch::relu(fc1(encoder(images)));
  return fc2(x);
}

void AutoencoderClassifierImpl::load_encoder_from(const FashionAutoencoder& autoencoder) {
  const auto source = autoencoder->encoder->named_parameters(/*recurse=*/true);
  auto target = encoder->named_parameters(/*recurse=*/true);
  if (source.size() != target.size()) {
    throw std::invalid_argument("AutoencoderClassifier: the autoencoder's encoder has " +
                                std::to_string(source.size()) + " parameter tensors, expected " +
                                std::to_string(target.size()));
  }
  torch::NoGradGuard no_grad;
  for (auto& item : target) {
    const auto* from = source.find(item.key());
    if (from == nullptr || !from->sizes().equals(item.value().sizes())) {
      throw std::invalid_argument(
          "AutoencoderClassifier: the autoencoder's encoder does not match at '" + item.key() +
          "'");
    }
    item.value().copy_(*from);
  }
}

}  // namespace aerepro::models
