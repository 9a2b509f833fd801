#include "recipes/recipe.h"

#include <fmt/format.h>

namespace aerepro::recipes {

train::TrainOptions SourceTraining::options(int64_t run_epochs) const {
  train::TrainOptions out;
  out.epochs = run_epochs;
  out.batch_size = batch_size;
  out.learning_rate = learning_rate;
  out.adam_epsilon = adam_epsilon;
  out.corruption = corruption;
  out.noise_drawn_once = noise_drawn_once;
  return out;
}

train::TrainOptions TrainingRun::options(const SourceTraining& source, const std::string& label,
                                         int64_t epochs) const {
  auto out = source.options(epochs);
  out.seed = seed;
  out.progress = progress;
  out.label = fmt::format("{} seed {}", label, seed);
  return out;
}

std::string describe_penalty(const std::optional<double>& l1_hidden) {
  return l1_hidden ? fmt::format(" l1_hidden={:g}", *l1_hidden) : std::string();
}

}  // namespace aerepro::recipes
