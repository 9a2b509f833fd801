// S3.4–S3.6: the deep autoencoder stacked from one-level autoencoders (S3.2).
#pragma once
#include "models/activation.h"
#include "models/autoencoder.h"
#include "models/one_level_ae.h"

#include <string>
#include <vector>

namespace aerepro::models {

struct StackedAutoencoderOptions {
  int64_t input_dim = kImagePixels;
  std::vector<int64_t> levels = {512, 128};  // S3.4: levels [512, 128]
  // Level 0 reconstructs pixels in [0,1]: sigmoid, as S3.2.
  Activation first_output_activation = Activation::sigmoid;
  // S3.4 as made: the report's design_AE puts a sigmoid on every level's output, also where
  // it reconstructs the previous level's unbounded ReLU codes (a design slip). The corrected
  // variant sets ReLU here (a sigmoid cannot reach codes > 1).
  Activation deeper_output_activation = Activation::sigmoid;
  bool glorot_uniform = true;  // S3.1: every level Glorot-uniform, zero biases
};

// The options as one line, e.g. "StackedAutoencoder 784-512-128 relu, glorot-uniform, level0
// sigmoid out, deeper sigmoid out": checkpoint keys and result rows describe a model by it.
std::string describe(const StackedAutoencoderOptions& options);

// Level i is a OneLevelAutoencoder (input = level i-1's code width, hidden = levels[i]),
// registered as `level0`, `level1`, .... encode chains the level encoders, decode chains the
// level decoders in reverse, forward = decode(encode(x)). Layer-wise pretraining (S3.4/S3.5)
// trains level(i) on its own input space via level(i)->forward; fine-tuning (S3.6) trains the
// whole stack. hidden = code (the last level's code).
struct StackedAutoencoderImpl : torch::nn::Module {
  explicit StackedAutoencoderImpl(StackedAutoencoderOptions options = {});

  AutoencoderOutput forward(const torch::Tensor& images);
  torch::Tensor encode(const torch::Tensor& images);  // (N,1,28,28) -> (N,levels.back())
  torch::Tensor decode(const torch::Tensor& code);    // (N,levels.back()) -> (N,1,28,28)

  int64_t num_levels() const { return static_cast<int64_t>(levels_.size()); }
  // The i-th level (shares its parameters with the stack); throws std::out_of_range.
  OneLevelAutoencoder level(int64_t i) const;

  const StackedAutoencoderOptions& options() const { return options_; }

 private:
  StackedAutoencoderOptions options_;
  std::vector<OneLevelAutoencoder> levels_;
};
TORCH_MODULE(StackedAutoencoder);

}  // namespace aerepro::models
