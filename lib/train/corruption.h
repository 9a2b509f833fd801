// Input corruption applied per batch during training (and to test inputs in the claims).
#pragma once
#include <torch/torch.h>

#include <string>

namespace aerepro::train {

struct Corruption {
  enum class Kind { none, gaussian_clamped, gaussian, uniform_additive };
  Kind kind = Kind::none;
  double sigma = 0.0;

  static Corruption none() { return {}; }
  // S0.2: clamp(x + sigma * N(0,1), 0, 1); the source's sigma is 0.3.
  static Corruption gaussian_clamped(double sigma) { return {Kind::gaussian_clamped, sigma}; }
  // S2.7, S3.1: x + sigma * N(0,1), no clamp.
  static Corruption gaussian(double sigma) { return {Kind::gaussian, sigma}; }
  // S4.1: x + U[0,1), no clamp.
  static Corruption uniform_additive() { return {Kind::uniform_additive, 1.0}; }

  bool active() const { return kind != Kind::none; }
  // A corrupted copy of `x` (x itself when inactive), drawing noise from `gen` on x's device.
  torch::Tensor apply(const torch::Tensor& x, at::Generator& gen) const;
  // "none", "gaussian_clamped(0.3)", ... (part of checkpoint keys and result rows).
  std::string describe() const;
};

}  // namespace aerepro::train
