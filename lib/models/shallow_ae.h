// S2.3, S2.6, S2.7: the single-hidden-layer autoencoder 784→x (ReLU) →784 (ReLU).
#pragma once
#include "models/activation.h"
#include "models/autoencoder.h"

#include <string>
#include <vector>

namespace aerepro::models {

struct ShallowAutoencoderOptions {
  int64_t hidden = 256;                             // x
  Activation output_activation = Activation::relu;  // S2.3/S2.6/S2.7: ReLU output
};

// The options as one line, e.g. "ShallowAutoencoder 784-256-784 hidden=relu output=relu":
// checkpoint keys and result rows describe a model by it.
std::string describe(const ShallowAutoencoderOptions& options);

// S2.3 under-complete AE with x hidden units (the source trains x ∈ {64, 128, 256}).
ShallowAutoencoderOptions undercomplete_autoencoder_options(int64_t hidden);
// The hidden sizes S2.3 compares: {64, 128, 256}.
std::vector<int64_t> undercomplete_hidden_sizes();
// S2.6 sparse AE: over-complete, x = 1156 (the L1 penalty on `hidden` is training's business).
ShallowAutoencoderOptions sparse_autoencoder_options();
// S2.7 denoising AE: x = 256 (the noise is training's business).
ShallowAutoencoderOptions denoising_autoencoder_options();

// Linear(784→x) ReLU · Linear(x→784) output activation. code = hidden = the x ReLU units
// (S2.6's sparsity penalty and active-unit count use them).
struct ShallowAutoencoderImpl : torch::nn::Module {
  explicit ShallowAutoencoderImpl(ShallowAutoencoderOptions options = {});

  AutoencoderOutput forward(const torch::Tensor& images);
  torch::Tensor encode(const torch::Tensor& images);  // (N,1,28,28) -> (N,x), non-negative
  torch::Tensor decode(const torch::Tensor& code);    // (N,x) -> (N,1,28,28)

  const ShallowAutoencoderOptions& options() const { return options_; }

  torch::nn::Linear encoder{nullptr};  // its weight rows are S2.5's filters
  torch::nn::Linear decoder{nullptr};

 private:
  ShallowAutoencoderOptions options_;
};
TORCH_MODULE(ShallowAutoencoder);

}  // namespace aerepro::models
