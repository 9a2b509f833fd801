// The output/code activations the sources choose between (S2.2, S3.2, S3.4).
#pragma once
#include <torch/torch.h>

#include <string>

namespace aerepro::models {

enum class Activation { relu, none, sigmoid };

// Applies `activation` to `x` (none returns x unchanged).
torch::Tensor apply_activation(const torch::Tensor& x, Activation activation);

// "relu" | "none" | "sigmoid", and back; parsing an unknown name throws UsageError.
std::string to_string(Activation activation);
Activation activation_from_string(const std::string& name);

}  // namespace aerepro::models
