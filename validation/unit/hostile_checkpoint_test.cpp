// Hostile checkpoints: a file that passes the SHA-256 check but is not a loadable model of this
// shape (truncated, corrupted then re-hashed, another model's weights under this description)
// is reported in the note and retrained; the model is never left half-loaded or reshaped.
#include "common/compat.h"
#include "data/checksum.h"
#include "test_files.h"
#include "tiny_autoencoder.h"
#include "train/checkpoint.h"
#include "train/objectives.h"

#include <nlohmann/json.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

namespace aerepro::train {
namespace {

using ::testing::HasSubstr;

// The tiny linear autoencoder, 8 → hidden → 8, of the width each test gives it.
using WideAutoencoder = aerepro::testing::TinyAutoencoder;

TrainData training_data() {
  auto gen = compat::make_generator(torch::kCPU, 5);
  return {torch::randn({128, 8}, gen), {}};
}

TrainOptions options() {
  TrainOptions o;
  o.epochs = 2;
  o.batch_size = 32;
  o.progress = false;
  return o;
}

// Trains (or loads) a model of `hidden` units under description `description`.
CheckpointOutcome train_or_load_wide(WideAutoencoder& model, const std::string& description,
                                     const CheckpointStore& store, int* trainings = nullptr) {
  return train_or_load(*model, description, store, [&] {
    if (trainings) ++*trainings;
    return train(*model, reconstruction_objective(model), training_data(), nullptr, options());
  });
}

// Rewrites the metadata's recorded SHA-256 to match the weights file as it is now: the damage
// then gets past the checksum and must be caught by the load itself.
void rehash(const CheckpointOutcome& outcome) {
  const auto meta = std::filesystem::path(outcome.file).replace_extension(".json");
  nlohmann::json j;
  {
    std::ifstream in(meta);
    j = nlohmann::json::parse(in);
  }
  j["weights_sha256"] = data::sha256_file(outcome.file);
  std::ofstream(meta) << j.dump();
}

void expect_retrained_and_usable(const std::string& damage_note,
                                 const std::function<void(const CheckpointOutcome&)>& damage) {
  aerepro::testing::TempDir dir;
  CheckpointStore store{dir.path()};
  auto model = train::seeded<WideAutoencoder>(1, 4);
  const auto first = train_or_load_wide(model, "wide", store);
  damage(first);
  rehash(first);
  int trainings = 0;
  auto again = train::seeded<WideAutoencoder>(1, 4);
  const auto second = train_or_load_wide(again, "wide", store, &trainings);
  EXPECT_FALSE(second.loaded);
  EXPECT_EQ(trainings, 1);
  EXPECT_THAT(second.note, HasSubstr(damage_note));
  EXPECT_EQ(again->encoder->weight.sizes(), (std::vector<int64_t>{4, 8}));
  EXPECT_TRUE(
      torch::isfinite(again->forward(torch::ones({1, 8})).reconstruction).all().item<bool>());
  const auto third = train_or_load_wide(again, "wide", store);  // the retrained one is trusted
  EXPECT_TRUE(third.loaded) << third.note;
}

TEST(HostileCheckpoint, TruncatedWeightsWithMatchingHashAreRetrained) {
  expect_retrained_and_usable("LibTorch could not load", [](const CheckpointOutcome& c) {
    std::filesystem::resize_file(c.file, std::filesystem::file_size(c.file) / 2);
  });
}

TEST(HostileCheckpoint, EmptyWeightsFileWithMatchingHashIsRetrained) {
  expect_retrained_and_usable("LibTorch could not load", [](const CheckpointOutcome& c) {
    std::filesystem::resize_file(c.file, 0);
  });
}

TEST(HostileCheckpoint, FlippedBytesAreCaughtByTheHashAndRehashedOnesNeverCrash) {
  // Flips bytes across the file (zip headers, pickled structure, tensor data). The SHA-256
  // catches each; re-hashed, LibTorch either refuses the file (retrained) or loads weights of
  // the right shapes (data damage only the hash can see) - it may never crash or reshape.
  for (double at : {0.0, 0.05, 0.3, 0.5, 0.9, 0.97}) {
    SCOPED_TRACE(at);
    aerepro::testing::TempDir dir;
    CheckpointStore store{dir.path()};
    auto model = train::seeded<WideAutoencoder>(1, 4);
    const auto first = train_or_load_wide(model, "wide", store);
    {
      std::fstream f(first.file, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(static_cast<std::streamoff>(
          static_cast<double>(std::filesystem::file_size(first.file)) * at));
      f.write("\xff\x00\xff\x00", 4);
    }
    auto again = train::seeded<WideAutoencoder>(1, 4);
    const auto unhashed = train_or_load_wide(again, "wide", store);
    EXPECT_FALSE(unhashed.loaded);
    EXPECT_THAT(unhashed.note, HasSubstr("SHA-256"));
    {
      std::fstream f(first.file, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(static_cast<std::streamoff>(
          static_cast<double>(std::filesystem::file_size(first.file)) * at));
      f.write("\xff\x00\xff\x00", 4);
    }
    rehash(first);
    auto third = train::seeded<WideAutoencoder>(1, 4);
    const auto rehashed = train_or_load_wide(third, "wide", store);
    if (!rehashed.loaded) {
      EXPECT_THAT(rehashed.note, ::testing::AnyOf(HasSubstr("LibTorch could not load"),
                                                  HasSubstr("another shape")));
    }
    EXPECT_EQ(third->encoder->weight.sizes(), (std::vector<int64_t>{4, 8}));
    EXPECT_EQ(third->decoder->weight.sizes(), (std::vector<int64_t>{8, 4}));
  }
}

TEST(HostileCheckpoint, AnotherModelsWeightsUnderThisDescriptionAreRetrained) {
  aerepro::testing::TempDir dir;
  CheckpointStore store{dir.path()};
  auto narrow = train::seeded<WideAutoencoder>(1, 4);
  train_or_load_wide(narrow, "edited description", store);
  int trainings = 0;
  auto wide = train::seeded<WideAutoencoder>(1, 16);  // other shape, same (colliding) description
  const auto outcome = train_or_load_wide(wide, "edited description", store, &trainings);
  EXPECT_FALSE(outcome.loaded);
  EXPECT_EQ(trainings, 1);
  EXPECT_THAT(outcome.note, HasSubstr("another shape"));
  EXPECT_EQ(wide->encoder->weight.sizes(), (std::vector<int64_t>{16, 8}));
  EXPECT_EQ(wide->decoder->weight.sizes(), (std::vector<int64_t>{8, 16}));
}

}  // namespace
}  // namespace aerepro::train
