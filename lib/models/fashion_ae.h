// S4.3: the fully connected autoencoder of the minor exam, and its encoder (reused by S4.4).
#pragma once
#include "models/autoencoder.h"

#include <string>

namespace aerepro::models {

struct FashionAutoencoderOptions {
  int64_t code_size = 32;  // S4.3: 784→392→196→98→32
  // S4.3: "stacks all the encoder layers … applying activation function ReLU": the 32-d code
  // is ReLU'd too (the report as made). false gives a linear code (an earlier reading).
  bool relu_code = true;
};

// The options as one line, e.g. "FashionAutoencoder 784-392-196-98-32 relu code": checkpoint keys
// and result rows describe a model by it.
std::string describe(const FashionAutoencoderOptions& options);

// S4.3 encoder: Linear 784→392 ReLU · 392→196 ReLU · 196→98 ReLU · 98→32 ReLU (the code's
// ReLU per options.relu_code). He init, zero biases.
struct FashionEncoderImpl : torch::nn::Module {
  explicit FashionEncoderImpl(FashionAutoencoderOptions options = {});

  torch::Tensor forward(const torch::Tensor& images);  // (N,1,28,28) -> (N,32)

  torch::nn::Linear fc1{nullptr}, fc2{nullptr}, fc3{nullptr}, fc4{nullptr};
  bool relu_code = true;
};
TORCH_MODULE(FashionEncoder);

// S4.3: FashionEncoder + decoder Linear 32→98 ReLU · 98→196 ReLU · 196→392 ReLU ·
// 392→784 ReLU (ReLU after every layer). He init, zero biases. hidden = code.
struct FashionAutoencoderImpl : torch::nn::Module {
  explicit FashionAutoencoderImpl(FashionAutoencoderOptions options = {});

  AutoencoderOutput forward(const torch::Tensor& images);
  torch::Tensor encode(const torch::Tensor& images);  // (N,1,28,28) -> (N,32)
  torch::Tensor decode(const torch::Tensor& code);    // (N,32) -> (N,1,28,28), non-negative

  const FashionAutoencoderOptions& options() const { return options_; }

  FashionEncoder encoder{nullptr};
  torch::nn::Linear decoder_fc1{nullptr}, decoder_fc2{nullptr}, decoder_fc3{nullptr},
      decoder_fc4{nullptr};

 private:
  FashionAutoencoderOptions options_;
};
TORCH_MODULE(FashionAutoencoder);

}  // namespace aerepro::models
