#include "train/checkpoint.h"

#include "common/atomic_file.h"
#include "common/compat.h"
#include "common/environment.h"
#include "common/error.h"
#include "common/file_lock.h"
#include "data/checksum.h"
#include "train/epoch_state.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace aerepro::train {
namespace {

using nlohmann::json;

// Returns "" and fills `history` if the checkpoint is usable, else the reason it is not.
std::string try_load(torch::nn::Module& module, const std::string& description,
                     const std::filesystem::path& weights, const std::filesystem::path& meta,
                     TrainHistory& history) {
  if (!std::filesystem::exists(meta)) {
    return std::filesystem::exists(weights) ? "weights without metadata (interrupted write)" : "";
  }
  json j;
  try {
    std::ifstream in(meta);
    j = json::parse(in);
    if (j.at("description").get<std::string>() != description) {
      return "metadata describes another training (key collision or edited file)";
    }
    if (!std::filesystem::exists(weights)) return "metadata without weights";
    if (data::sha256_file(weights) != j.at("weights_sha256").get<std::string>()) {
      return "weights file does not match its recorded SHA-256 (corrupt)";
    }
    history = history_from_json(j.at("history").dump());
  } catch (const std::exception& e) {
    return std::string("unreadable metadata (") + e.what() + ")";
  }
  // A load that fails half-way must not leave half-loaded weights behind for the retraining.
  std::vector<torch::Tensor> before;
  {
    torch::NoGradGuard no_grad;
    for (const auto& p : module.parameters()) before.push_back(p.clone());
    for (const auto& b : module.buffers()) before.push_back(b.clone());
  }
  // LibTorch's InputArchive replaces a tensor of another shape or type without complaint
  // (Tensor::set_), so a checkpoint of another model must be caught here, by comparison.
  const auto restore = [&] {
    torch::NoGradGuard no_grad;
    size_t i = 0;
    for (auto& p : module.parameters()) p.set_(before[i++]);
    for (auto& b : module.buffers()) b.set_(before[i++]);
  };
  try {
    load_module(module, weights);
  } catch (const std::exception& e) {
    restore();
    return std::string("LibTorch could not load the weights (") + e.what() + ")";
  }
  size_t i = 0;
  std::string mismatch;
  const auto check = [&](const torch::Tensor& loaded) {
    const auto& expected = before[i++];
    if (mismatch.empty() &&
        (loaded.sizes() != expected.sizes() || loaded.scalar_type() != expected.scalar_type())) {
      mismatch = "weights of another shape or type (tensor " + std::to_string(i - 1) + ": " +
                 c10::str(loaded.sizes()) + " " + std::string(c10::toString(loaded.scalar_type())) +
                 ", the model has " + c10::str(expected.sizes()) + " " +
                 std::string(c10::toString(expected.scalar_type())) + ")";
    }
  };
  for (const auto& p : module.parameters()) check(p);
  for (const auto& b : module.buffers()) check(b);
  if (!mismatch.empty()) {
    restore();
    return mismatch;
  }
  return "";
}

}  // namespace

std::filesystem::path CheckpointStore::resolved_root() const {
  if (!root.empty()) return root;
  if (const char* env = std::getenv("AEREPRO_CHECKPOINT_DIR"); env && *env) return env;
  return std::filesystem::path(AEREPRO_SOURCE_DIR) / "checkpoints";
}

std::string checkpoint_key(const std::string& description) {
  return data::sha256_string(description).substr(0, 24);
}

std::string training_data_digest(const TrainData& data) {
  auto digest = "inputs " + data::sha256_tensor(data.inputs).substr(0, 24);
  if (data.targets.defined())
    digest += " targets " + data::sha256_tensor(data.targets).substr(0, 24);
  return digest;
}

std::string training_device_key(const torch::Device& device) {
  if (device.type() != torch::kCPU) return "cuda";
  // The thread count and the BLAS kernels change the floats a training computes.
  return fmt::format("cpu, {} threads, {}", torch::get_num_threads(), linked_blas());
}

void save_module(torch::nn::Module& module, const std::filesystem::path& file) {
  write_atomically(file, [&](const std::filesystem::path& temporary) {
    torch::serialize::OutputArchive archive;
    module.save(archive);
    archive.save_to(temporary.string());
  });
}

void load_module(torch::nn::Module& module, const std::filesystem::path& file) {
  torch::serialize::InputArchive archive;
  const auto device = module.parameters().empty() ? torch::Device(torch::kCPU)
                                                  : module.parameters().front().device();
  archive.load_from(file.string(), device);
  module.load(archive);
}

TrainOptions EpochStateSlot::applied_to(TrainOptions options) const {
  options.epoch_state_file = file;
  options.epoch_state_description = description;
  return options;
}

std::filesystem::path epoch_state_file(const CheckpointStore& store,
                                       const std::string& description) {
  return store.resolved_root() / (checkpoint_key(description) + ".epoch.pt");
}

CheckpointOutcome train_or_load(torch::nn::Module& module, const std::string& description,
                                const CheckpointStore& store,
                                const std::function<TrainHistory()>& train_fn) {
  return train_or_load(module, description, store,
                       [&](const EpochStateSlot&) { return train_fn(); });
}

CheckpointOutcome train_or_load(
    torch::nn::Module& module, const std::string& description, const CheckpointStore& store,
    const std::function<TrainHistory(const EpochStateSlot&)>& train_fn) {
  CheckpointOutcome outcome;
  if (!store.enabled) {
    outcome.history = train_fn(EpochStateSlot{});
    return outcome;
  }
  const auto key = checkpoint_key(description);
  const auto folder = store.resolved_root();
  outcome.file = folder / (key + ".pt");
  const auto meta = folder / (key + ".json");
  // One process trains a key at a time (parallel seed shards, claims that share a model): a
  // second one waits here, then loads what the first saved.
  const FileLock lock(folder / ".locks" / (key + ".lock"), [&] {
    std::fprintf(stderr, "waiting for another process that trains checkpoint %s\n", key.c_str());
  });
  outcome.note = try_load(module, description, outcome.file, meta, outcome.history);
  if (outcome.note.empty() && std::filesystem::exists(meta)) {
    outcome.loaded = true;
    return outcome;
  }
  const EpochStateSlot slot{epoch_state_file(store, description), description};
  outcome.history = train_fn(slot);
  save_module(module, outcome.file);
  const json j = {{"description", description},
                  {"key", key},
                  {"weights_sha256", data::sha256_file(outcome.file)},
                  {"history", json::parse(history_to_json(outcome.history))},
                  {"torch_version", compat::torch_version()},
                  {"git_revision", git_revision()}};
  // The metadata is written last: it is what marks the checkpoint complete.
  write_text_atomically(meta, j.dump(1));
  std::error_code ignored;  // a leftover state is harmless: its checkpoint now exists
  std::filesystem::remove(slot.file, ignored);
  return outcome;
}

TrainHistory train_first_epochs(
    torch::nn::Module& module, const std::string& description, const CheckpointStore& store,
    const std::function<TrainHistory(const EpochStateSlot&)>& train_fn) {
  if (!store.enabled) return train_fn(EpochStateSlot{});
  const auto key = checkpoint_key(description);
  const auto folder = store.resolved_root();
  const FileLock lock(folder / ".locks" / (key + ".lock"), [&] {
    std::fprintf(stderr, "waiting for another process that trains checkpoint %s\n", key.c_str());
  });
  TrainHistory finished;
  if (try_load(module, description, folder / (key + ".pt"), folder / (key + ".json"), finished)
          .empty() &&
      std::filesystem::exists(folder / (key + ".json"))) {
    return finished;
  }
  return train_fn(EpochStateSlot{epoch_state_file(store, description), description});
}

}  // namespace aerepro::train
