// S2.8: the autoencoder whose 8-d code is perturbed to probe the manifold.
#pragma once
#include "models/autoencoder.h"

#include <string>

namespace aerepro::models {

struct BottleneckAutoencoderOptions {
  int64_t hidden = 64;    // S2.8
  int64_t code_size = 8;  // S2.8
};

// The options as one line, e.g. "BottleneckAutoencoder 784-64-8-64-784 relu": checkpoint keys and
// result rows describe a model by it.
std::string describe(const BottleneckAutoencoderOptions& options);

// S2.8: Linear 784→64 ReLU · 64→8 ReLU · 8→64 ReLU · 64→784 ReLU (ReLU after every layer,
// the code included). hidden = code.
struct BottleneckAutoencoderImpl : torch::nn::Module {
  explicit BottleneckAutoencoderImpl(BottleneckAutoencoderOptions options = {});

  AutoencoderOutput forward(const torch::Tensor& images);
  torch::Tensor encode(const torch::Tensor& images);  // (N,1,28,28) -> (N,8)
  torch::Tensor decode(const torch::Tensor& code);    // (N,8) -> (N,1,28,28)

  const BottleneckAutoencoderOptions& options() const { return options_; }

  torch::nn::Linear encoder_fc1{nullptr}, encoder_fc2{nullptr};
  torch::nn::Linear decoder_fc1{nullptr}, decoder_fc2{nullptr};

 private:
  BottleneckAutoencoderOptions options_;
};
TORCH_MODULE(BottleneckAutoencoder);

}  // namespace aerepro::models
