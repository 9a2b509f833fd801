#include "recipes/s3_training.h"

#include "train/checkpoint.h"
#include "train/layerwise.h"

#include <fmt/format.h>

#include <algorithm>

namespace aerepro::recipes {
namespace {

// The checkpoint description of an S3 stack's stage: the model, its training, the images (by
// content, then which they are), the profile and the device.
std::string s3_stage_description(const std::string& model, const std::string& training,
                                 const S3TrainingSet& data, const TrainingRun& run) {
  return fmt::format("model: {} | training: {} | data: {} [{}] | profile: {} | device: {}", model,
                     training, train::training_data_digest({data.images, {}}), data.description,
                     run.profile, train::training_device_key(run.device));
}

// The levels' epochs, stored as one history in turn, `per_level` each: one history a level,
// its epochs numbered from 1.
std::vector<train::TrainHistory> split_by_level(const train::TrainHistory& all, int64_t per_level) {
  std::vector<train::TrainHistory> levels;
  const auto& epochs = all.epochs;
  const auto step = static_cast<size_t>(per_level);
  for (size_t first = 0; first < epochs.size(); first += step) {
    train::TrainHistory level;
    for (size_t e = first; e < std::min(epochs.size(), first + step); ++e) {
      level.epochs.push_back(epochs[e]);
      level.epochs.back().epoch = static_cast<int64_t>(e - first) + 1;
    }
    levels.push_back(std::move(level));
  }
  return levels;
}

}  // namespace

TrainedStack train_stack(const StackRecipe& recipe, const S3TrainingSet& data,
                         const StackEpochs& epochs, bool fine_tuned, const std::string& label,
                         const TrainingRun& run) {
  TrainedStack out;
  auto& model = out.model;
  model = recipe.stack.build(run.seed);
  model->to(run.device);
  train::LayerwiseOptions layerwise;
  layerwise.training = run.options(recipe.stack.training, label, epochs.per_level);
  layerwise.first_level = recipe.first_level;
  layerwise.deeper_levels = recipe.deeper_levels;
  out.pretrained_description = s3_stage_description(
      "S3 " + recipe.stack.describe(),
      fmt::format("layerwise {}; first level {}; deeper levels {}", layerwise.training.describe(),
                  layerwise.first_level.describe(), layerwise.deeper_levels.describe()),
      data, run);
  const auto pretraining =
      train::train_or_load(*model, out.pretrained_description, run.checkpoints, [&] {
        train::TrainHistory all;  // the levels in turn, as one history
        for (const auto& level : train::pretrain_layerwise(model, data.images, layerwise)) {
          for (auto e : level.epochs) {
            e.epoch = static_cast<int64_t>(all.epochs.size()) + 1;
            all.epochs.push_back(e);
          }
          all.seconds += level.seconds;
        }
        return all;
      });
  out.levels = split_by_level(pretraining.history, epochs.per_level);
  if (fine_tuned) {  // S3.6
    const auto options = run.options(recipe.fine_tuning, label + " fine-tuned", epochs.fine_tuning);
    out.fine_tuned_description =
        s3_stage_description("S3.6 fine-tuned stack, from {" + out.pretrained_description + "}",
                             options.describe(), data, run);
    out.fine_tuning =
        train::train_or_load(*model, out.fine_tuned_description, run.checkpoints, [&] {
          return train::train(*model, recipe.stack.objective(model), {data.images, {}}, nullptr,
                              options);
        }).history;
  }
  model->eval();
  return out;
}

}  // namespace aerepro::recipes
