// S4.4: the autoencoder classifier of the minor exam (claim 4).
#pragma once
#include "models/fashion_ae.h"

#include <string>

namespace aerepro::models {

struct AutoencoderClassifierOptions {
  FashionAutoencoderOptions encoder;  // S4.3's encoder, 784→392→196→98→32
  int64_t hidden = 256;               // S4.4: Linear(32→256) ReLU
  int64_t num_classes = 10;           // S4.1: 10-wide output
};

// The options as one line, e.g. "AutoencoderClassifier fresh encoder, relu code" (the encoder is
// always built afresh; sizes other than S4's added): checkpoint keys and result rows describe a
// model by it.
std::string describe(const AutoencoderClassifierOptions& options);

// S4.4: FashionEncoder (S4.3) · Linear(32→256) ReLU · Linear(256→10) → logits. The encoder is
// trained too (S4.4), so it is an ordinary submodule. The head is He-initialised like the rest
// of S4 (the report does not say; our reading).
struct AutoencoderClassifierImpl : torch::nn::Module {
  explicit AutoencoderClassifierImpl(AutoencoderClassifierOptions options = {});

  torch::Tensor forward(const torch::Tensor& images);  // (N,1,28,28) -> logits (N,10)

  // Copies the encoder weights of a (trained) S4.3 autoencoder into this classifier's encoder;
  // throws std::invalid_argument if the two encoders' shapes differ.
  void load_encoder_from(const FashionAutoencoder& autoencoder);

  const AutoencoderClassifierOptions& options() const { return options_; }

  FashionEncoder encoder{nullptr};
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};

 private:
  AutoencoderClassifierOptions options_;
};
TORCH_MODULE(AutoencoderClassifier);

}  // namespace aerepro::models
