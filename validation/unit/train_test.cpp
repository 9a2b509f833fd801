// lib/train: corruption, the trainer (seeds, loss falls, divergence), checkpoints.
#include "common/compat.h"
#include "common/error.h"
#include "common/file_lock.h"
#include "test_files.h"
#include "tiny_autoencoder.h"
#include "train/checkpoint.h"
#include "train/corruption.h"
#include "train/objectives.h"
#include "train/trainer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <functional>
#include <memory>
#include <thread>

namespace aerepro::train {
namespace {

using ::testing::HasSubstr;
// A tiny linear autoencoder on 8-d data (8 → 3 → 8), enough to exercise the trainer quickly.
using aerepro::testing::TinyAutoencoder;

TrainData low_rank_data(int64_t n = 512) {
  return aerepro::testing::low_rank_data(n, 123);
}

std::vector<torch::Tensor> weights_of(torch::nn::Module& m) {
  std::vector<torch::Tensor> out;
  for (const auto& p : m.parameters()) out.push_back(p.detach().clone());
  return out;
}

bool same_weights(torch::nn::Module& a, torch::nn::Module& b) {
  auto wa = weights_of(a), wb = weights_of(b);
  for (size_t i = 0; i < wa.size(); ++i) {
    if (!torch::equal(wa[i], wb[i])) return false;
  }
  return true;
}

TrainOptions quick_options() {
  TrainOptions options;
  options.epochs = 5;
  options.batch_size = 32;
  options.learning_rate = 1e-2;
  options.progress = false;
  options.label = "tiny";
  return options;
}

// The training train_or_load runs when it has no checkpoint: `model` (the variable, whatever it
// holds when called) on `data` with quick_options(), counted in `trainings` when given.
std::function<TrainHistory()> quick_training(TinyAutoencoder& model, const TrainData& data,
                                             int* trainings = nullptr) {
  return [&model, &data, trainings] {
    if (trainings) ++*trainings;
    return train(*model, reconstruction_objective(model), data, nullptr, quick_options());
  };
}

// Every Checkpoint test keeps its checkpoints in a temporary folder of its own (`dir`).
class Checkpoint : public aerepro::testing::InTempDir {
 protected:
  CheckpointStore store{dir.path()};
};

TEST(Corruption, S02GaussianClampedStaysInUnitRange) {
  auto gen = compat::make_generator(torch::kCPU, 0);
  const auto x = torch::rand({1000});
  const auto noisy = Corruption::gaussian_clamped(0.3).apply(x, gen);
  EXPECT_GE(noisy.min().item<float>(), 0.0f);
  EXPECT_LE(noisy.max().item<float>(), 1.0f);
  EXPECT_FALSE(torch::equal(noisy, x));
}

TEST(Corruption, S27GaussianIsUnclampedWithTheRequestedSigma) {
  auto gen = compat::make_generator(torch::kCPU, 0);
  const auto x = torch::zeros({100000});
  const auto noisy = Corruption::gaussian(0.5).apply(x, gen);
  EXPECT_NEAR(noisy.std().item<float>(), 0.5f, 0.01f);
  EXPECT_LT(noisy.min().item<float>(), 0.0f);
}

TEST(Corruption, S41UniformAdditiveAddsUnitUniformNoise) {
  auto gen = compat::make_generator(torch::kCPU, 0);
  const auto x = torch::ones({100000});
  const auto noise = Corruption::uniform_additive().apply(x, gen) - x;
  EXPECT_GE(noise.min().item<float>(), 0.0f);
  EXPECT_LT(noise.max().item<float>(), 1.0f);
  EXPECT_NEAR(noise.mean().item<float>(), 0.5f, 0.01f);
  EXPECT_EQ(Corruption::none().apply(x, gen).data_ptr(), x.data_ptr());
}

TEST(Trainer, ShortTrainingLowersTheLoss) {
  auto model = seeded<TinyAutoencoder>(1);
  const auto data = low_rank_data();
  const double before = evaluate(*model, reconstruction_objective(model), data, 64);
  const auto history = train(*model, reconstruction_objective(model), data, &data, quick_options());
  ASSERT_EQ(history.epochs.size(), 5u);
  EXPECT_LT(history.final_train_loss(), 0.5 * before);
  EXPECT_LT(history.epochs.back().train_loss, history.epochs.front().train_loss);
  EXPECT_TRUE(std::isfinite(history.final_validation_loss()));
}

TEST(Trainer, SameSeedGivesIdenticalWeights) {
  const auto data = low_rank_data();
  auto options = quick_options();
  options.corruption = Corruption::gaussian(0.2);
  auto a = seeded<TinyAutoencoder>(7);
  auto b = seeded<TinyAutoencoder>(7);
  const auto ha = train(*a, reconstruction_objective(a), data, nullptr, options);
  const auto hb = train(*b, reconstruction_objective(b), data, nullptr, options);
  EXPECT_TRUE(same_weights(*a, *b));
  EXPECT_EQ(ha.final_train_loss(), hb.final_train_loss());
  auto c = seeded<TinyAutoencoder>(7);
  options.seed = 8;  // other noise and shuffling
  train(*c, reconstruction_objective(c), data, nullptr, options);
  EXPECT_FALSE(same_weights(*a, *c));
}

// The noise each epoch's training inputs carried (shuffle off, one batch per epoch).
std::vector<torch::Tensor> noise_seen(bool drawn_once) {
  auto model = seeded<TinyAutoencoder>(2);
  const auto data = low_rank_data(64);
  auto options = quick_options();
  options.epochs = 3;
  options.batch_size = 64;
  options.shuffle = false;
  options.corruption = Corruption::gaussian(0.4);
  options.noise_drawn_once = drawn_once;
  std::vector<torch::Tensor> seen;
  const auto objective = [&](const torch::Tensor& input, const torch::Tensor& target) {
    seen.push_back((input - target).detach().clone());
    return model->forward(input).reconstruction.sub(target).pow(2).mean();
  };
  train(*model, objective, data, nullptr, options);
  return seen;
}

TEST(Trainer, S31NoiseDrawnOnceIsReusedEveryEpoch) {
  const auto once = noise_seen(true);
  ASSERT_EQ(once.size(), 3u);
  EXPECT_TRUE(torch::equal(once[0], once[1]));
  EXPECT_TRUE(torch::equal(once[0], once[2]));
  EXPECT_NEAR(once[0].std().item<double>(), 0.4, 0.04);
  const auto per_batch = noise_seen(false);
  EXPECT_FALSE(torch::equal(per_batch[0], per_batch[1]));
}

TEST(Trainer, DescriptionNamesTheNewFieldsOnlyWhenSet) {
  TrainOptions options;
  EXPECT_THAT(options.describe(), ::testing::Not(HasSubstr("eps")));
  options.adam_epsilon = 1e-7;
  options.noise_drawn_once = true;
  EXPECT_THAT(options.describe(), ::testing::Not(HasSubstr("drawn once")));  // no noise: no-op
  options.corruption = Corruption::gaussian(0.4);
  EXPECT_THAT(options.describe(), HasSubstr("eps=1e-07"));
  EXPECT_THAT(options.describe(), HasSubstr("gaussian(0.4) drawn once"));
}

TEST(Trainer, DivergenceStopsWithEpochAndLoss) {
  auto model = seeded<TinyAutoencoder>(1);
  auto data = low_rank_data();
  auto options = quick_options();
  options.learning_rate = 1e12;  // guaranteed to blow up
  options.epochs = 50;
  try {
    train(*model, reconstruction_objective(model), data, nullptr, options);
    FAIL() << "expected a TrainingError";
  } catch (const TrainingError& e) {
    EXPECT_THAT(e.what(), HasSubstr("tiny: training diverged"));
    EXPECT_THAT(e.what(), HasSubstr("in epoch"));
  }
  data.inputs[0][0] = std::numeric_limits<float>::quiet_NaN();
  auto fresh = seeded<TinyAutoencoder>(1);
  options.learning_rate = 1e-3;
  EXPECT_THROW(train(*fresh, reconstruction_objective(fresh), data, nullptr, options),
               TrainingError);
}

TEST(Trainer, SparseObjectiveAddsTheL1Penalty) {
  auto model = seeded<TinyAutoencoder>(1);
  const auto data = low_rank_data(64);
  const double plain = evaluate(*model, reconstruction_objective(model), data, 64);
  const double sparse = evaluate(*model, sparse_reconstruction_objective(model, 1e-3), data, 64);
  torch::NoGradGuard no_grad;
  const double l1 = model->forward(data.inputs).hidden.abs().sum().item<double>();
  EXPECT_NEAR(sparse - plain, 1e-3 * l1, 1e-4 * std::max(1.0, l1));
}

TEST(Trainer, RejectsInvalidOptions) {
  auto model = seeded<TinyAutoencoder>(1);
  auto options = quick_options();
  options.batch_size = 0;
  EXPECT_THROW(train(*model, reconstruction_objective(model), low_rank_data(), nullptr, options),
               UsageError);
  options = quick_options();
  options.adam_epsilon = 0;
  EXPECT_THROW(train(*model, reconstruction_objective(model), low_rank_data(), nullptr, options),
               UsageError);
}

TEST_F(Checkpoint, SecondCallLoadsInsteadOfRetraining) {
  const auto data = low_rank_data();
  int trainings = 0;
  auto a = seeded<TinyAutoencoder>(3);
  auto first = train_or_load(*a, "tiny seed=3", store, quick_training(a, data, &trainings));
  EXPECT_FALSE(first.loaded);
  auto b = seeded<TinyAutoencoder>(99);  // other initial weights: loading must overwrite them
  auto second = train_or_load(*b, "tiny seed=3", store, quick_training(b, data, &trainings));
  EXPECT_TRUE(second.loaded) << second.note;
  EXPECT_EQ(trainings, 1);
  EXPECT_TRUE(same_weights(*a, *b));
  EXPECT_EQ(second.history.final_train_loss(), first.history.final_train_loss());
}

TEST_F(Checkpoint, CorruptWeightsAreDetectedAndRetrained) {
  const auto data = low_rank_data();
  auto a = seeded<TinyAutoencoder>(3);
  const auto trainer = quick_training(a, data);
  const auto first = train_or_load(*a, "tiny", store, trainer);
  {  // flip bytes in the middle of the weights file
    std::fstream f(first.file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(std::filesystem::file_size(first.file) / 2));
    f.write("garbage!", 8);
  }
  a = seeded<TinyAutoencoder>(3);
  const auto second = train_or_load(*a, "tiny", store, trainer);
  EXPECT_FALSE(second.loaded);
  EXPECT_THAT(second.note, HasSubstr("SHA-256"));
  const auto third = train_or_load(*a, "tiny", store, trainer);
  EXPECT_TRUE(third.loaded) << third.note;
}

TEST_F(Checkpoint, GarbageMetadataIsNotTrusted) {
  const auto data = low_rank_data();
  auto a = seeded<TinyAutoencoder>(3);
  const auto trainer = quick_training(a, data);
  const auto first = train_or_load(*a, "tiny", store, trainer);
  std::ofstream(dir / (checkpoint_key("tiny") + ".json")) << "{ not json";
  const auto second = train_or_load(*a, "tiny", store, trainer);
  EXPECT_FALSE(second.loaded);
  EXPECT_THAT(second.note, HasSubstr("unreadable metadata"));
}

TEST_F(Checkpoint, ASecondTrainerOfTheSameKeyWaitsAndLoads) {
  const auto data = low_rank_data(64);
  std::atomic<int> trainings{0};
  auto train_once = [&](TinyAutoencoder model) {
    return train_or_load(*model, "tiny shared", store, [&] {
      ++trainings;
      std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the other one arrives
      return train(*model, reconstruction_objective(model), data, nullptr, quick_options());
    });
  };
  auto a = seeded<TinyAutoencoder>(4);
  auto b = seeded<TinyAutoencoder>(4);
  CheckpointOutcome first, second;
  std::thread other([&] { first = train_once(a); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  second = train_once(b);
  other.join();
  EXPECT_EQ(trainings.load(), 1);
  EXPECT_NE(first.loaded, second.loaded);
  EXPECT_TRUE(same_weights(*a, *b));
}

TEST(FileLock, TheSecondHolderWaitsForTheFirst) {
  aerepro::testing::TempDir dir;
  std::atomic<bool> waited{false}, acquired{false};
  auto first = std::make_unique<FileLock>(dir / "x.lock");
  std::thread other([&] {
    FileLock second(dir / "x.lock", [&] { waited = true; });
    acquired = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_FALSE(acquired.load());
  first.reset();
  other.join();
  EXPECT_TRUE(waited.load());
  EXPECT_TRUE(acquired.load());
  std::ofstream(dir / "file") << "x";
  EXPECT_THROW(FileLock(dir / "file" / "sub" / "y.lock"), ArtifactError);
}

TEST_F(Checkpoint, UnwritableFolderIsAClearError) {
  // A folder below a regular file cannot be created, even by root (who ignores permissions).
  std::ofstream(dir / "file") << "x";
  CheckpointStore unwritable{dir / "file" / "sub"};
  auto a = seeded<TinyAutoencoder>(3);
  const auto data = low_rank_data(32);
  try {
    train_or_load(*a, "tiny", unwritable, quick_training(a, data));
    FAIL() << "expected an ArtifactError";
  } catch (const ArtifactError& e) {
    EXPECT_THAT(e.what(), HasSubstr("cannot create folder"));
  }
}

}  // namespace
}  // namespace aerepro::train

#include "models/stacked_ae.h"
#include "train/layerwise.h"

namespace aerepro::train {
namespace {

TEST(LayerwisePretraining, TrainsEachLevelOnItsOwnInputOnly) {
  models::StackedAutoencoderOptions stack_options;
  stack_options.levels = {32, 8};
  auto stack = seeded<models::StackedAutoencoder>(0, stack_options);
  auto gen = compat::make_generator(torch::kCPU, 5);
  const auto images = torch::rand({256, 1, 28, 28}, gen);
  LayerwiseOptions options;
  options.training = quick_options();
  options.training.epochs = 2;
  options.first_level = Corruption::gaussian(0.4);
  options.deeper_levels = Corruption::gaussian(0.2);
  const auto level1_before = stack->level(1)->encoder->weight.clone();
  const auto histories = pretrain_layerwise(stack, images, options);
  ASSERT_EQ(histories.size(), 2u);
  EXPECT_LT(histories[0].epochs.back().train_loss, histories[0].epochs.front().train_loss * 1.01);
  EXPECT_FALSE(torch::equal(level1_before, stack->level(1)->encoder->weight));
  torch::NoGradGuard no_grad;
  EXPECT_EQ(stack->forward(images).reconstruction.sizes(), images.sizes());
}

}  // namespace
}  // namespace aerepro::train
