// What every autoencoder of the library returns, so that trainer and analyses treat them alike.
#pragma once
#include <torch/torch.h>

namespace aerepro::models {

// Every autoencoder takes images (N, 1, 28, 28) and returns:
struct AutoencoderOutput {
  torch::Tensor reconstruction;  // (N, 1, 28, 28), same shape as the input
  torch::Tensor code;            // the bottleneck, (N, d) (conv codes flattened)
  torch::Tensor hidden;          // the activations a sparsity penalty or the active-unit count
                                 // uses (S2.6); the code where the model has no other
};

// The shape of the MNIST images every model takes.
inline constexpr int64_t kImageSide = 28;
inline constexpr int64_t kImagePixels = kImageSide * kImageSide;

}  // namespace aerepro::models
