// S2.2: the deep fully connected autoencoder compared with PCA (claim 1).
#pragma once
#include "models/activation.h"
#include "models/autoencoder.h"

#include <string>

namespace aerepro::models {

struct DeepAutoencoderOptions {
  int64_t code_size = 30;  // S2.2 (as many as PCA's 30 components, S2.1)
  // S2.2: ReLU on the code and on the output (the source's choice).
  Activation code_activation = Activation::relu;
  Activation output_activation = Activation::relu;
};

// The options as one line, e.g. "DeepAutoencoder 784-512-256-128-30 / 30-128-256-784 code=relu
// output=relu": checkpoint keys and result rows describe a model by it.
std::string describe(const DeepAutoencoderOptions& options);

// S2.2 as the source built it: ReLU after every layer, code and output included.
DeepAutoencoderOptions source_deep_autoencoder_options();
// The "well-trained" variant for the classic AE-vs-PCA result (claim 1): linear code, sigmoid
// output, so the code is not clipped and the pixels have no ReLU "holes".
DeepAutoencoderOptions well_trained_deep_autoencoder_options();

// S2.2: encoder 784→512→256→128→code, decoder code→128→256→784. The decoder has no 512 layer:
// SOURCES.md states it so, and we follow it (it is not symmetric). The hidden layers always
// use ReLU; the code and output activations are options. hidden = code.
struct DeepAutoencoderImpl : torch::nn::Module {
  explicit DeepAutoencoderImpl(DeepAutoencoderOptions options = {});

  AutoencoderOutput forward(const torch::Tensor& images);
  torch::Tensor encode(const torch::Tensor& images);  // (N,1,28,28) -> (N,code_size)
  torch::Tensor decode(const torch::Tensor& code);    // (N,code_size) -> (N,1,28,28)

  const DeepAutoencoderOptions& options() const { return options_; }

  torch::nn::Linear encoder_fc1{nullptr}, encoder_fc2{nullptr}, encoder_fc3{nullptr},
      encoder_fc4{nullptr};
  torch::nn::Linear decoder_fc1{nullptr}, decoder_fc2{nullptr}, decoder_fc3{nullptr};

 private:
  DeepAutoencoderOptions options_;
};
TORCH_MODULE(DeepAutoencoder);

}  // namespace aerepro::models
