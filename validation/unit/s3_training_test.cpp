// lib/recipes/s3_training: S3's stack trained from its recipe, images and a run alone (no claim
// context): the levels in turn, then the fine-tuning, each stage kept in the checkpoint store
// under the description the S3 claims' checkpoints were keyed by.
#include "recipes/s3_training.h"
#include "test_files.h"
#include "train/checkpoint.h"

#include <gtest/gtest.h>

#include <vector>

namespace aerepro::recipes {
namespace {

// The S3.5 DAE stack with small levels, and 64 random images.
StackRecipe small_stack() {
  auto recipe = stacked_autoencoder(true, models::Activation::sigmoid);
  recipe.stack.model.levels = {16, 4};
  return recipe;
}

S3TrainingSet images() {
  torch::manual_seed(5);
  return {torch::rand({64, 1, 28, 28}), "64 random"};
}

TrainingRun run_in(const std::filesystem::path& folder) {
  TrainingRun run;
  run.seed = 3;
  run.checkpoints.root = folder;
  run.progress = false;
  run.profile = "test";
  return run;
}

std::vector<torch::Tensor> weights(const models::StackedAutoencoder& model) {
  std::vector<torch::Tensor> out;
  for (const auto& p : model->parameters()) out.push_back(p.detach().clone());
  return out;
}

bool same(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!torch::equal(a[i], b[i])) return false;
  }
  return true;
}

TEST(S3Training, DescribesItsStagesAsTheClaimsCheckpointsWereKeyed) {
  testing::TempDir dir;
  const auto data = images();
  const auto trained = train_stack(small_stack(), data, {2, 1}, true, "tiny", run_in(dir.path()));
  const std::string place =
      " | data: " + train::training_data_digest({data.images, {}}) +
      " [64 random] | profile: test | device: " + train::training_device_key(torch::kCPU);
  const std::string pretrained =
      "model: S3 StackedAutoencoder 784-16-4 relu, glorot-uniform, level0 sigmoid out, deeper "
      "sigmoid out | training: layerwise adam lr=0.001 eps=1e-07 batch=32 epochs=2 seed=3 "
      "corruption=none shuffle=true; first level gaussian(0.4); deeper levels gaussian(0.2)" +
      place;
  EXPECT_EQ(trained.pretrained_description, pretrained);
  EXPECT_EQ(trained.fine_tuned_description,
            "model: S3.6 fine-tuned stack, from {" + pretrained +
                "} | training: adam lr=0.001 eps=1e-07 batch=32 epochs=1 seed=3 "
                "corruption=gaussian(0.4) drawn once shuffle=true" +
                place);
  EXPECT_TRUE(std::filesystem::exists(
      dir / (train::checkpoint_key(trained.fine_tuned_description) + ".json")));
}

TEST(S3Training, TrainsTheLevelsInTurnThenFineTunesAndLoadsWhatItKept) {
  testing::TempDir dir;
  const auto data = images();
  const auto first = train_stack(small_stack(), data, {2, 1}, true, "tiny", run_in(dir.path()));
  ASSERT_EQ(first.levels.size(), 2u);
  for (const auto& level : first.levels) {
    ASSERT_EQ(level.epochs.size(), 2u);
    EXPECT_EQ(level.epochs[0].epoch, 1);
    EXPECT_EQ(level.epochs[1].epoch, 2);
  }
  ASSERT_TRUE(first.fine_tuning.has_value());
  EXPECT_EQ(first.fine_tuning->epochs.size(), 1u);
  EXPECT_FALSE(first.model->is_training());

  // Again from the store: the same weights and histories, without training.
  const auto again = train_stack(small_stack(), data, {2, 1}, true, "tiny", run_in(dir.path()));
  EXPECT_TRUE(same(weights(again.model), weights(first.model)));
  EXPECT_EQ(again.levels[1].epochs[1].train_loss, first.levels[1].epochs[1].train_loss);
  EXPECT_EQ(again.fine_tuning->epochs[0].train_loss, first.fine_tuning->epochs[0].train_loss);

  // The layer-wise stack alone is the fine-tuned one's starting point, kept as its own stage.
  const auto layerwise =
      train_stack(small_stack(), data, {2, 1}, false, "tiny", run_in(dir.path()));
  EXPECT_FALSE(layerwise.fine_tuning.has_value());
  EXPECT_EQ(layerwise.fine_tuned_description, "");
  EXPECT_EQ(layerwise.levels[0].epochs[0].train_loss, first.levels[0].epochs[0].train_loss);
  EXPECT_FALSE(same(weights(layerwise.model), weights(first.model)));

  // Without a store, the same run trains to the same weights.
  auto no_store = run_in(dir.path());
  no_store.checkpoints.enabled = false;
  const auto fresh = train_stack(small_stack(), data, {2, 1}, true, "tiny", no_store);
  EXPECT_TRUE(same(weights(fresh.model), weights(first.model)));
}

}  // namespace
}  // namespace aerepro::recipes
