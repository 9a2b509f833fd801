// A source's recipe for one of its models, declared once and used by the claims (lib/claims)
// and the benchmarks alike: the model's options, its objective and the source's optimiser
// settings; it describes itself for checkpoint keys. One function per source model in
// s0_recipes.h … s4_recipes.h.
#pragma once
#include "train/checkpoint.h"
#include "train/objectives.h"
#include "train/trainer.h"

#include <torch/torch.h>

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace aerepro::recipes {

// How the source trained a model: Adam with these settings, on this many images, this long.
struct SourceTraining {
  int64_t batch_size = 256;
  double learning_rate = 1e-3;
  double adam_epsilon = 1e-8;     // LibTorch's default; S3.1 (Keras): 1e-7
  int64_t epochs = 10;            // the source's (a profile may train fewer)
  int64_t train_images = 60000;   // the source's training images per epoch
  train::Corruption corruption;   // of each training batch's inputs (targets stay clean)
  bool noise_drawn_once = false;  // S3.1: one noisy copy reused every epoch
  // TrainOptions with these settings for `epochs` epochs (seed, label and progress are the
  // run's: filled in by the caller).
  train::TrainOptions options(int64_t epochs) const;
};

// One run's training of a recipe's model: what, beside the recipe and its data, decides the
// weights and their checkpoint keys. The claims make it from their context
// (claims::training_run); a benchmark or a test makes its own.
struct TrainingRun {
  uint64_t seed = 0;  // the model's initialisation (Recipe::build), its noise and batch order
  torch::Device device = torch::kCPU;
  train::CheckpointStore checkpoints;  // as CheckpointStore; enabled = false: keep nothing
  bool progress = true;                // progress lines on stderr
  std::string profile;                 // the claims' profile ("smoke", "ci", "full"), for keys

  // `source`'s settings for `epochs` epochs with this run's seed and progress, labelled
  // "<label> seed <seed>".
  train::TrainOptions options(const SourceTraining& source, const std::string& label,
                              int64_t epochs) const;
};

// Whether a model's forward pass gives logits (a classifier) rather than a reconstruction.
template <typename Model>
constexpr bool is_classifier_v =
    std::is_same_v<std::decay_t<decltype(std::declval<typename Model::ContainedType&>().forward(
                       std::declval<torch::Tensor>()))>,
                   torch::Tensor>;

template <typename Model>
struct Recipe {
  using Options =
      std::decay_t<decltype(std::declval<const typename Model::ContainedType&>().options())>;

  std::string item;                 // SOURCES.md items, e.g. "S0.3-S0.5"
  Options model;                    // the model as the source built it
  SourceTraining training;          // and trained it
  std::optional<double> l1_hidden;  // S2.6: MSE + lambda * ||h||_1 instead of MSE

  static constexpr bool classifier = is_classifier_v<Model>;

  // The model with its parameters drawn from `seed` (train::seeded), on the CPU.
  Model build(uint64_t seed) const { return train::seeded<Model>(seed, model); }

  // Cross-entropy for a classifier (S4.2, S4.4); MSE reconstruction (+ the L1 penalty).
  train::Objective objective(Model built) const {
    if constexpr (classifier) {
      return train::classification_objective(built);
    } else {
      if (l1_hidden) return train::sparse_reconstruction_objective(built, *l1_hidden);
      return train::reconstruction_objective(built);
    }
  }

  // The model and its objective as they enter checkpoint keys: models::describe(options),
  // then " l1_hidden=<lambda>" for a sparse AE (the training settings enter the keys on their
  // own, through TrainOptions::describe).
  std::string describe() const;
};

// " l1_hidden=<lambda>" ({:g}), or "" without a penalty.
std::string describe_penalty(const std::optional<double>& l1_hidden);

namespace detail {
// models::describe(options), found by argument-dependent lookup (inside Recipe the member
// describe() would hide it).
template <typename Options>
std::string describe_model(const Options& options) {
  return describe(options);
}
}  // namespace detail

template <typename Model>
std::string Recipe<Model>::describe() const {
  return detail::describe_model(model) + describe_penalty(l1_hidden);
}

}  // namespace aerepro::recipes
