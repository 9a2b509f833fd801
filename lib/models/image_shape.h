// Small shape helpers shared by the model files (internal to lib/models).
#pragma once
#include "models/autoencoder.h"

#include <stdexcept>
#include <string>

namespace aerepro::models::detail {

// (N, ...) with `features` values per sample -> (N, features); throws std::invalid_argument
// naming `model` when the per-sample size is wrong.
inline torch::Tensor flatten_samples(const torch::Tensor& input, int64_t features,
                                     const char* model) {
  if (input.dim() < 2 || input.numel() != input.size(0) * features) {
    throw std::invalid_argument(std::string(model) + ": expected (N, " + std::to_string(features) +
                                ") values per sample, got shape " + c10::str(input.sizes()));
  }
  return input.reshape({input.size(0), features});
}

// Throws std::invalid_argument naming `model` unless `images` is (N, 1, 28, 28).
inline void check_images(const torch::Tensor& images, const char* model) {
  if (images.dim() != 4 || images.size(1) != 1 || images.size(2) != kImageSide ||
      images.size(3) != kImageSide) {
    throw std::invalid_argument(std::string(model) + ": expected images (N, 1, 28, 28), got " +
                                c10::str(images.sizes()));
  }
}

// (N, 784) -> (N, 1, 28, 28).
inline torch::Tensor to_images(const torch::Tensor& flat) {
  return flat.reshape({flat.size(0), 1, kImageSide, kImageSide});
}

}  // namespace aerepro::models::detail
