#include "models/activation.h"

#include "common/error.h"

namespace aerepro::models {

torch::Tensor apply_activation(const torch::Tensor& x, Activation activation) {
  switch (activation) {
    case Activation::relu:
      return torch::relu(x);
    case Activation::sigmoid:
      return torch::sigmoid(x);
    case Activation::none:
      return x;
  }
  throw std::logic_error("apply_activation: unknown Activation value");
}

std::string to_string(Activation activation) {
  switch (activation) {
    case Activation::relu:
      return "relu";
    case Activation::sigmoid:
      return "sigmoid";
    case Activation::none:
      return "none";
  }
  throw std::logic_error("to_string: unknown Activation value");
}

Activation activation_from_string(const std::string& name) {
  if (name == "relu") return Activation::relu;
  if (name == "sigmoid") return Activation::sigmoid;
  if (name == "none") return Activation::none;
  throw UsageError("unknown activation '" + name + "' (expected relu, none or sigmoid)");
}

}  // namespace aerepro::models
