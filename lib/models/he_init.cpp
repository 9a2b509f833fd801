#include "models/he_init.h"

#include <string>

namespace aerepro::models {

namespace {
bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

void he_initialize(torch::nn::Module& module) {
  torch::NoGradGuard no_grad;
  for (auto& item : module.named_parameters(/*recurse=*/true)) {
    auto& parameter = item.value();
    if (ends_with(item.key(), "weight") && parameter.dim() >= 2) {
      torch::nn::init::kaiming_normal_(parameter, /*a=*/0.0, torch::kFanIn, torch::kReLU);
    } else if (ends_with(item.key(), "bias")) {
      torch::nn::init::zeros_(parameter);
    }
  }
}

}  // namespace aerepro::models
