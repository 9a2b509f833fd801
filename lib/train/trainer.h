// One trainer for every model: Adam, mini-batches as index selects on device-resident data,
// seeded noise and shuffling, per-epoch train/validation loss, divergence detection.
#pragma once
#include "train/corruption.h"

#include <torch/torch.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace aerepro::train {

// The loss of one batch, from the (possibly corrupted) input and the clean target. The closure
// owns the forward pass, so one trainer serves reconstruction, sparse and classification losses.
using Objective =
    std::function<torch::Tensor(const torch::Tensor& input, const torch::Tensor& target)>;

// Inputs (N, ...) and targets (N, ...) on the training device; an undefined `targets` means
// "the inputs themselves" (autoencoders). Rows are selected per batch, never copied per sample.
struct TrainData {
  torch::Tensor inputs;
  torch::Tensor targets;

  int64_t size() const { return inputs.size(0); }
  const torch::Tensor& target_tensor() const { return targets.defined() ? targets : inputs; }
};

struct TrainOptions {
  int64_t epochs = 10;
  int64_t batch_size = 256;
  double learning_rate = 1e-3;  // Adam
  double adam_epsilon = 1e-8;   // LibTorch's default; S3.1 (Keras): 1e-7
  uint64_t seed = 0;            // noise and shuffling (model initialisation: see seeded())
  Corruption corruption;        // applied to each training batch's inputs (target stays clean)
  // false: fresh noise for every batch. true (S3.1): one noisy copy of all the inputs, drawn
  // before the first epoch and reused every epoch (Keras' GaussianNoise applied to the arrays).
  bool noise_drawn_once = false;
  bool shuffle = true;
  bool progress =
      true;  // on stderr: a redrawn line on a terminal, else epoch lines (<= 1 per 30 s)
  std::string label = "train";  // shown in the progress line and in errors
  // Resumable training (epoch_state.h): where the state is kept after an epoch, and the text
  // that names this training in it (only a state of the same text is resumed). Empty file:
  // nothing is kept. A state is written after an epoch when `epoch_state_interval` seconds have
  // passed since the last one (0: after every epoch; the last epoch is never written: the
  // caller saves the finished model). Not part of describe(): it changes no weight.
  std::filesystem::path epoch_state_file;
  std::string epoch_state_description;
  double epoch_state_interval = 30;
  // 0: train every epoch. k: stop after epoch k and keep the state there (a first part of the
  // training that a later run of the same key finishes; needs epoch_state_file).
  int64_t stop_after_epoch = 0;

  // Every field that changes the trained weights, as one line (checkpoint keys, result rows).
  std::string describe() const;
};

struct EpochRecord {
  int64_t epoch = 0;      // 1-based
  double train_loss = 0;  // mean over the epoch's batches, weighted by batch size
  double validation_loss = std::numeric_limits<double>::quiet_NaN();  // NaN: no validation data
  double seconds = 0;
};

struct TrainHistory {
  std::vector<EpochRecord> epochs;
  double seconds = 0;
  double final_train_loss() const { return epochs.empty() ? NAN : epochs.back().train_loss; }
  double final_validation_loss() const {
    return epochs.empty() ? NAN : epochs.back().validation_loss;
  }
};

// Trains `module`'s parameters with Adam on `data` (and reports the loss on `validation`,
// corrupted the same way with a fixed generator, after each epoch). Throws TrainingError naming
// the label, epoch and loss if the loss becomes NaN or infinite. Leaves the module in eval mode.
TrainHistory train(torch::nn::Module& module, const Objective& objective, const TrainData& data,
                   const TrainData* validation, const TrainOptions& options);

// Mean objective over `data` in eval mode without gradients (batches of `batch_size`), inputs
// corrupted with `corruption` drawn from a generator seeded with `seed`.
double evaluate(torch::nn::Module& module, const Objective& objective, const TrainData& data,
                int64_t batch_size, const Corruption& corruption = {}, uint64_t seed = 0);

// Builds a model with LibTorch's default initialisation drawn from `seed`: the one place where
// the global generator is seeded, immediately before the model's parameters are created.
template <typename Model, typename... Args>
Model seeded(uint64_t seed, Args&&... args) {
  torch::manual_seed(seed);
  return Model(std::forward<Args>(args)...);
}

}  // namespace aerepro::train
