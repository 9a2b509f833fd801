// Where long runs stand (issue 37): per claim, the seeds of its declared sample whose shards
// are done, and the trainings stopped part-way that a rerun resumes (train/epoch_state.h), with
// the core-hours each still needs at the pace measured so far. Reads files only; runs nothing.
#pragma once
#include "results/claim_runner.h"

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace aerepro::results {

struct ClaimSeedStatus {
  std::string claim;
  std::optional<DeclaredSample> declared;  // none: no plan row (smoke, or no plan)
  std::vector<long long> done;             // seeds of the sample with a shard
  std::vector<long long> outside;          // shards of seeds outside the sample
  double mean_seed_seconds = 0;            // over the done shards (0: none)
  // Seconds of one core the missing seeds need at that pace (NaN when nothing is done yet).
  double seconds_left() const;
};

struct TrainingInProgress {
  std::filesystem::path file;
  std::string model;    // the checkpoint description's model part
  long long seed = -1;  // from the description's training part (-1: not found)
  int64_t epochs_done = 0;
  int64_t epochs = 0;           // the training's whole length (0: not found)
  double seconds = 0;           // spent on the epochs done
  std::string problem;          // why the file could not be read ("" when it could)
  double seconds_left() const;  // at the pace of the epochs done
};

// The status of each claim's seed shards under `options` (its profile and folders).
std::vector<ClaimSeedStatus> claim_seed_status(const RunOptions& options,
                                               const std::vector<std::string>& claim_ids);

// The epoch states in the checkpoint store: trainings a rerun resumes.
std::vector<TrainingInProgress> trainings_in_progress(const train::CheckpointStore& store);

// Both as a table for people.
void print_status(std::ostream& out, const std::vector<ClaimSeedStatus>& claims,
                  const std::vector<TrainingInProgress>& trainings);

}  // namespace aerepro::results
