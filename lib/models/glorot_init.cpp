#include "models/glorot_init.h"

#include <string>

namespace aerepro::models {

void glorot_initialize(torch::nn::Module& module) {
  torch::NoGradGuard no_grad;
  for (auto& item : module.named_parameters(/*recurse=*/true)) {
    auto& parameter = item.value();
    const auto& name = item.key();
    const auto leaf = name.substr(name.rfind('.') == std::string::npos ? 0 : name.rfind('.') + 1);
    if (leaf == "weight" && parameter.dim() >= 2) {
      torch::nn::init::xavier_uniform_(parameter);
    } else if (leaf == "bias") {
      torch::nn::init::zeros_(parameter);
    }
  }
}

}  // namespace aerepro::models
