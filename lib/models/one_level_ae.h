// S3.2/S3.3: the one-level autoencoder of the ISPR midterm, also the level of S3.4–S3.6's stack.
#pragma once
#include "models/activation.h"
#include "models/autoencoder.h"

#include <string>

namespace aerepro::models {

struct OneLevelAutoencoderOptions {
  int64_t input_dim = kImagePixels;                    // 784 for images; a code width when stacked
  int64_t hidden = 128;                                // S3.2: Dense(128, ReLU)
  Activation output_activation = Activation::sigmoid;  // S3.2: Dense(784, sigmoid)
  // S3.1: Keras' Dense defaults, Glorot-uniform weights and zero biases (false: LibTorch's
  // default initialisation).
  bool glorot_uniform = true;
};

// The options as one line, e.g. "OneLevelAutoencoder 784-128 relu, sigmoid out, glorot-uniform":
// checkpoint keys and result rows describe a model by it.
std::string describe(const OneLevelAutoencoderOptions& options);

// S3.2: Dense(input→hidden, ReLU) → Dense(hidden→input, output activation), Glorot-uniform
// (S3.1). S3.3's DAE is the same model trained noisy → clean.
// Inputs: for input_dim == 784, images (N,1,28,28) (a flat (N,784) is accepted too);
// otherwise flat (N,input_dim) codes. decode returns (N,1,28,28) when input_dim == 784 and
// (N,input_dim) otherwise; forward's reconstruction has the input's shape. code = hidden =
// the ReLU hidden units.
struct OneLevelAutoencoderImpl : torch::nn::Module {
  explicit OneLevelAutoencoderImpl(OneLevelAutoencoderOptions options = {});

  AutoencoderOutput forward(const torch::Tensor& input);
  torch::Tensor encode(const torch::Tensor& input);  // -> (N,hidden), non-negative
  torch::Tensor decode(const torch::Tensor& code);   // (N,hidden) -> input space

  const OneLevelAutoencoderOptions& options() const { return options_; }

  torch::nn::Linear encoder{nullptr};
  torch::nn::Linear decoder{nullptr};

 private:
  OneLevelAutoencoderOptions options_;
};
TORCH_MODULE(OneLevelAutoencoder);

}  // namespace aerepro::models
