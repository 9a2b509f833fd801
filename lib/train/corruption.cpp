#include "train/corruption.h"

#include <fmt/format.h>

namespace aerepro::train {

torch::Tensor Corruption::apply(const torch::Tensor& x, at::Generator& gen) const {
  switch (kind) {
    case Kind::none:
      return x;
    case Kind::gaussian_clamped:
      return (x + sigma * torch::randn(x.sizes(), gen, x.options())).clamp_(0.0, 1.0);
    case Kind::gaussian:
      return x + sigma * torch::randn(x.sizes(), gen, x.options());
    case Kind::uniform_additive:
      return x + torch::rand(x.sizes(), gen, x.options());
  }
  return x;
}

std::string Corruption::describe() const {
  switch (kind) {
    case Kind::none:
      return "none";
    case Kind::gaussian_clamped:
      return fmt::format("gaussian_clamped({})", sigma);
    case Kind::gaussian:
      return fmt::format("gaussian({})", sigma);
    case Kind::uniform_additive:
      return "uniform_additive";
  }
  return "unknown";
}

}  // namespace aerepro::train
