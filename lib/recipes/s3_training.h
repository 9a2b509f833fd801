// S3.4-S3.6: S3's stack trained as the report's code trained it, given its recipe
// (s3_recipes.h), the images, and a run (seed, device, checkpoint store): pretrained level by
// level (train::pretrain_layerwise, the levels' noise as the recipe says) and, for S3.6, then
// fine-tuned end to end, each stage through the checkpoint store. The S3 claims train their
// stacks with it (claims/s3/six_models.h); it needs no claim context.
#pragma once
#include "models/stacked_ae.h"
#include "recipes/recipe.h"
#include "recipes/s3_recipes.h"
#include "train/trainer.h"

#include <torch/torch.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aerepro::recipes {

// The images an S3 model trains on (S3.1: the first 50,000 of the training file, or a
// profile's subset of them), and which they are, as that enters the keys ("head 50000").
struct S3TrainingSet {
  torch::Tensor images;  // (N, 1, 28, 28) on the run's device
  std::string description;
};

// How long a stack trains: the recipe's own (stack.training.epochs per level and
// fine_tuning.epochs), or fewer where a profile says so.
struct StackEpochs {
  int64_t per_level = 0;    // S3.4/S3.5: 5
  int64_t fine_tuning = 0;  // S3.6: not given; 5
};

// A stack as train_stack left it.
struct TrainedStack {
  models::StackedAutoencoder model{nullptr};       // on the run's device, in eval mode
  std::vector<train::TrainHistory> levels;         // each level's pretraining, epochs from 1
  std::optional<train::TrainHistory> fine_tuning;  // S3.6, when asked for
  std::string pretrained_description;              // the checkpoints' descriptions
  std::string fine_tuned_description;              // "" without fine-tuning
};

// `recipe`'s stack, its parameters drawn from run.seed (Recipe::build), pretrained layer-wise
// on `data` for epochs.per_level epochs a level — one checkpoint for all levels — and with
// `fine_tuned` then trained end to end for epochs.fine_tuning epochs (the DAE noisy -> clean),
// a checkpoint whose description contains the pretrained one's: each loaded from
// run.checkpoints where it holds the same set-up. `label` names it in progress lines ("<label>
// seed N", " level i" and " fine-tuned" added).
TrainedStack train_stack(const StackRecipe& recipe, const S3TrainingSet& data,
                         const StackEpochs& epochs, bool fine_tuned, const std::string& label,
                         const TrainingRun& run);

}  // namespace aerepro::recipes
