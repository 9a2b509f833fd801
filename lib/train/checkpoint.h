// Trained models on disk, keyed by everything that determines their weights, so that analyses
// and reports never retrain what exists. A checkpoint that fails any check is retrained.
#pragma once
#include "train/trainer.h"

#include <torch/torch.h>

#include <filesystem>
#include <functional>
#include <string>

namespace aerepro::train {

struct CheckpointStore {
  // Where checkpoints live. Empty: $AEREPRO_CHECKPOINT_DIR, else <source tree>/checkpoints.
  std::filesystem::path root;
  bool enabled = true;  // false: always train, never read or write

  std::filesystem::path resolved_root() const;
};

// The key of a description: the first 24 hex digits of its SHA-256.
std::string checkpoint_key(const std::string& description);

// What of a training set and a device enters a description:
// "inputs <digest> [targets <digest>]", the content of a training set (the first 24 hex digits
// of each tensor's SHA-256), so that a model is keyed the same whichever code trains it;
std::string training_data_digest(const TrainData& data);
// and where a model is trained: "cuda", or "cpu, N threads, <BLAS kernels>" (on the CPU the
// thread count and the BLAS kernels change the floats a training computes, so a model trained
// with others is retrained).
std::string training_device_key(const torch::Device& device);

// What train_or_load did.
struct CheckpointOutcome {
  TrainHistory history;
  bool loaded = false;  // true: weights and history came from disk
  std::string note;     // why a checkpoint on disk was not used ("" when none existed)
  std::filesystem::path file;
};

// If `store` holds a valid checkpoint for `description` (model, training options, data
// checksum, seed: the caller's canonical text), loads it into `module` and returns its
// history; else runs `train_fn`, saves the result atomically and returns it. "Valid" means: the
// metadata parses, its description equals `description`, the weights file's SHA-256 matches
// the one recorded and LibTorch can load it into `module`. Anything else is reported in
// `note`, the files are replaced, and nothing of them is trusted.
CheckpointOutcome train_or_load(torch::nn::Module& module, const std::string& description,
                                const CheckpointStore& store,
                                const std::function<TrainHistory()>& train_fn);

// Where train_or_load lets a training keep its state between epochs (epoch_state.h): a file
// beside the checkpoint (<key>.epoch.pt), named by the checkpoint's description. A run stopped
// part-way and started again with the same description resumes after its last kept epoch; the
// file is removed once the finished checkpoint is saved.
struct EpochStateSlot {
  std::filesystem::path file;  // empty when checkpoints are disabled
  std::string description;
  // `options` with this slot as its epoch state (trainer.h).
  TrainOptions applied_to(TrainOptions options) const;
};

// train_or_load for a resumable training: `train_fn` receives the slot to keep its state in.
CheckpointOutcome train_or_load(torch::nn::Module& module, const std::string& description,
                                const CheckpointStore& store,
                                const std::function<TrainHistory(const EpochStateSlot&)>& train_fn);

// The first epochs of a training that train_or_load finishes later (S4's readings are told
// apart by their first epochs): the finished checkpoint's history if there is one (the module
// then holds its final weights), else `train_fn`'s, which trains the slot's first epochs with
// TrainOptions::stop_after_epoch and keeps its state there. No finished checkpoint is written.
TrainHistory train_first_epochs(torch::nn::Module& module, const std::string& description,
                                const CheckpointStore& store,
                                const std::function<TrainHistory(const EpochStateSlot&)>& train_fn);

// The epoch-state file of `description` in `store` (what a status command looks for).
std::filesystem::path epoch_state_file(const CheckpointStore& store,
                                       const std::string& description);

// Low-level: write and read one module's parameters and buffers (atomic write: temp + rename).
void save_module(torch::nn::Module& module, const std::filesystem::path& file);
void load_module(torch::nn::Module& module, const std::filesystem::path& file);

}  // namespace aerepro::train
