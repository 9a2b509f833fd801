// lib/train: a training stopped part-way and started again with the same checkpoint key goes on
// from its last complete epoch, and ends bit-identical to a run that was never stopped.
#include "test_files.h"
#include "tiny_autoencoder.h"
#include "train/checkpoint.h"
#include "train/epoch_state.h"
#include "train/objectives.h"
#include "train/trainer.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace aerepro::train {
namespace {

using aerepro::testing::TinyAutoencoder;

// Stands for the end of a sitting: thrown from inside an epoch, as a kill would stop it.
struct Stopped : std::runtime_error {
  Stopped() : std::runtime_error("stopped") {}
};

TrainOptions options_with(Corruption corruption, bool drawn_once) {
  TrainOptions options;
  options.epochs = 6;
  options.batch_size = 32;
  options.learning_rate = 1e-2;
  options.progress = false;
  options.label = "tiny";
  options.seed = 11;
  options.corruption = corruption;  // the generator draws noise as well as the batch order
  options.noise_drawn_once = drawn_once;
  options.epoch_state_interval = 0;  // a state after every epoch
  return options;
}

// The trained weights and the per-epoch losses: what "bit-identical" compares.
struct Outcome {
  std::vector<torch::Tensor> weights;
  std::vector<double> train_losses;
};

Outcome outcome_of(TinyAutoencoder& model, const TrainHistory& history) {
  Outcome out;
  for (const auto& p : model->parameters()) out.weights.push_back(p.detach().clone());
  for (const auto& e : history.epochs) out.train_losses.push_back(e.train_loss);
  return out;
}

void expect_bit_identical(const Outcome& a, const Outcome& b) {
  ASSERT_EQ(a.weights.size(), b.weights.size());
  for (size_t i = 0; i < a.weights.size(); ++i)
    EXPECT_TRUE(torch::equal(a.weights[i], b.weights[i]));
  EXPECT_EQ(a.train_losses, b.train_losses);  // exact doubles
}

class Resume : public aerepro::testing::InTempDir {
 protected:
  CheckpointStore store{dir.path()};
  const TrainData data = aerepro::testing::low_rank_data(320, 5);  // 10 batches an epoch

  // train_or_load of the tiny model under `description`; `stop_in_epoch` > 0 throws Stopped at
  // that epoch's fourth batch. `init_seed` draws the initial weights.
  Outcome run(const TrainOptions& options, int64_t stop_in_epoch = 0, uint64_t init_seed = 3,
              const std::string& description = "tiny resumable") {
    auto model = seeded<TinyAutoencoder>(init_seed);
    int64_t batches = 0;
    const auto objective = [&](const torch::Tensor& input, const torch::Tensor& target) {
      if (stop_in_epoch > 0 && ++batches == (stop_in_epoch - 1) * 10 + 4) throw Stopped();
      return model->forward(input).reconstruction.sub(target).pow(2).mean();
    };
    const auto outcome = train_or_load(*model, description, store, [&](const EpochStateSlot& slot) {
      return train(*model, objective, data, nullptr, slot.applied_to(options));
    });
    return outcome_of(model, outcome.history);
  }
};

TEST_F(Resume, AResumedTrainingIsBitIdenticalToAnUninterruptedOne) {
  for (const bool drawn_once : {false, true}) {
    SCOPED_TRACE(drawn_once ? "noise drawn once (S3.1)" : "fresh noise every batch");
    const auto options = options_with(Corruption::gaussian(0.3), drawn_once);
    const auto uninterrupted = run(options, 0, 3, "uninterrupted " + std::to_string(drawn_once));
    const std::string key = "stopped " + std::to_string(drawn_once);
    EXPECT_THROW(run(options, /*stop_in_epoch=*/4, 3, key), Stopped);
    const auto state = epoch_state_file(store, key);
    ASSERT_TRUE(std::filesystem::exists(state)) << "three complete epochs were kept";
    // Started again with other initial weights: what it continues from must be the state's.
    const auto resumed = run(options, 0, /*init_seed=*/99, key);
    expect_bit_identical(uninterrupted, resumed);
    EXPECT_FALSE(std::filesystem::exists(state)) << "the finished checkpoint replaces the state";
  }
}

TEST_F(Resume, TheStateKeepsTheEpochsBeforeTheStop) {
  const auto options = options_with(Corruption::gaussian(0.3), false);
  EXPECT_THROW(run(options, 3), Stopped);
  auto model = seeded<TinyAutoencoder>(3);
  torch::optim::Adam optimizer(model->parameters());
  auto gen = compat::make_generator(torch::kCPU, 0);
  std::string note;
  const auto state = load_epoch_state(epoch_state_file(store, "tiny resumable"), "tiny resumable",
                                      *model, optimizer, gen, note);
  ASSERT_TRUE(state.has_value()) << note;
  EXPECT_EQ(state->epochs_done, 2);
  EXPECT_EQ(state->history.epochs.size(), 2u);
}

TEST_F(Resume, AHalfWrittenStateIsIgnoredAndTrainingStartsAfresh) {
  const auto options = options_with(Corruption::gaussian(0.3), false);
  const auto uninterrupted = run(options, 0, 3, "whole");
  EXPECT_THROW(run(options, 4), Stopped);
  const auto state = epoch_state_file(store, "tiny resumable");
  const auto bytes = aerepro::testing::read_text(state);
  ASSERT_GT(bytes.size(), 100u);
  aerepro::testing::write_text(state, bytes.substr(0, bytes.size() / 2));  // a torn file
  const auto fresh = run(options);
  expect_bit_identical(uninterrupted, fresh);
}

TEST_F(Resume, AStateOfAnotherTrainingIsNotResumed) {
  const auto options = options_with(Corruption::gaussian(0.3), false);
  const auto uninterrupted = run(options, 0, 3, "whole");
  EXPECT_THROW(run(options, 4, 3, "first"), Stopped);
  // The state file of "first" moved under the key of "second": its description says "first".
  std::filesystem::rename(epoch_state_file(store, "first"), epoch_state_file(store, "second"));
  const auto fresh = run(options, 0, 3, "second");
  expect_bit_identical(uninterrupted, fresh);
}

// S4's readings are told apart by their first epochs; the full training later goes on from there.
TEST_F(Resume, FirstEpochsNowAndTheRestLaterMakeOneUninterruptedTraining) {
  const auto options = options_with(Corruption::gaussian(0.3), false);
  const auto uninterrupted = run(options, 0, 3, "whole");
  auto model = seeded<TinyAutoencoder>(3);
  const auto objective = reconstruction_objective(model);
  const auto part = train_first_epochs(*model, "in parts", store, [&](const EpochStateSlot& slot) {
    auto first = slot.applied_to(options);
    first.stop_after_epoch = 2;
    return train(*model, objective, data, nullptr, first);
  });
  ASSERT_EQ(part.epochs.size(), 2u);
  EXPECT_EQ(part.epochs[1].train_loss, uninterrupted.train_losses[1]);
  EXPECT_FALSE(std::filesystem::exists(dir / (checkpoint_key("in parts") + ".json")))
      << "a first part is no finished checkpoint";
  const auto rest = run(options, 0, /*init_seed=*/99, "in parts");
  expect_bit_identical(uninterrupted, rest);
}

TEST_F(Resume, NoStateIsWrittenWhenCheckpointsAreDisabled) {
  store.enabled = false;
  const auto options = options_with(Corruption::gaussian(0.3), false);
  EXPECT_THROW(run(options, 4), Stopped);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace
}  // namespace aerepro::train
