// What a training keeps between epochs so that a run stopped part-way (the end of a sitting, a
// killed process) continues where it stopped: weights, the optimiser's moments, the random
// generator (batch order and noise), the history so far. A resumed run is bit-identical to an
// uninterrupted one; a file that is torn, of another training or unreadable is ignored.
#pragma once
#include "train/trainer.h"

#include <torch/torch.h>

#include <filesystem>
#include <optional>
#include <string>

namespace aerepro::train {

// The state of one training after a number of complete epochs.
struct EpochState {
  int64_t epochs_done = 0;
  TrainHistory history;  // the first epochs_done epochs
};

// Saves the state atomically (temporary file + rename: the file on disk is always a complete
// epoch). `description` says which training it is; only the same description resumes it.
void save_epoch_state(const std::filesystem::path& file, const std::string& description,
                      torch::nn::Module& module, torch::optim::Optimizer& optimizer,
                      const at::Generator& generator, const TrainHistory& history);

// Loads the state into `module`, `optimizer` and `generator` if `file` holds a complete state of
// `description`; else leaves all three as they were, returns nothing and says why in `note`
// ("" when there is no file).
std::optional<EpochState> load_epoch_state(const std::filesystem::path& file,
                                           const std::string& description,
                                           torch::nn::Module& module,
                                           torch::optim::Optimizer& optimizer,
                                           at::Generator& generator, std::string& note);

// What an epoch-state file says of itself (its description and the epochs it holds), without
// loading it into a model; std::runtime_error naming the file when it cannot be read.
struct EpochStateSummary {
  std::string description;
  EpochState state;
};
EpochStateSummary read_epoch_state_summary(const std::filesystem::path& file);

// A history as JSON text and back (checkpoints and epoch states keep it the same way).
std::string history_to_json(const TrainHistory& history);
TrainHistory history_from_json(const std::string& text);

}  // namespace aerepro::train
