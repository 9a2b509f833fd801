#include "train/layerwise.h"

#include "train/objectives.h"

namespace aerepro::train {

std::vector<TrainHistory> pretrain_layerwise(models::StackedAutoencoder& stack,
                                             const torch::Tensor& images,
                                             const LayerwiseOptions& options) {
  std::vector<TrainHistory> histories;
  torch::Tensor inputs = images;
  for (int64_t i = 0; i < stack->num_levels(); ++i) {
    auto level = stack->level(i);
    TrainOptions level_options = options.training;
    level_options.label = options.training.label + " level " + std::to_string(i);
    level_options.corruption = i == 0 ? options.first_level : options.deeper_levels;
    level_options.seed = options.training.seed + static_cast<uint64_t>(i);
    histories.push_back(train(*level, reconstruction_objective(level), TrainData{inputs, {}},
                              nullptr, level_options));
    if (i + 1 < stack->num_levels()) {
      torch::NoGradGuard no_grad;
      level->eval();
      inputs = level->encode(inputs).contiguous();
    }
  }
  stack->eval();
  return histories;
}

}  // namespace aerepro::train
