#include "train/epoch_state.h"

#include "common/atomic_file.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace aerepro::train {
namespace {

using nlohmann::json;

// The module's parameters and buffers, copied: what a failed load must put back.
std::vector<torch::Tensor> snapshot(torch::nn::Module& module) {
  torch::NoGradGuard no_grad;
  std::vector<torch::Tensor> out;
  for (const auto& p : module.parameters()) out.push_back(p.detach().clone());
  for (const auto& b : module.buffers()) out.push_back(b.detach().clone());
  return out;
}

// True if every tensor of `module` has the shape and type of the snapshot's.
bool same_layout(torch::nn::Module& module, const std::vector<torch::Tensor>& before) {
  size_t i = 0;
  for (const auto& t : module.parameters()) {
    if (t.sizes() != before[i].sizes() || t.scalar_type() != before[i].scalar_type()) return false;
    ++i;
  }
  for (const auto& t : module.buffers()) {
    if (t.sizes() != before[i].sizes() || t.scalar_type() != before[i].scalar_type()) return false;
    ++i;
  }
  return true;
}

void restore(torch::nn::Module& module, const std::vector<torch::Tensor>& before) {
  torch::NoGradGuard no_grad;
  size_t i = 0;
  for (auto& p : module.parameters()) p.set_(before[i++]);
  for (auto& b : module.buffers()) b.set_(before[i++]);
}

}  // namespace

std::string history_to_json(const TrainHistory& history) {
  json epochs = json::array();
  for (const auto& e : history.epochs) {
    epochs.push_back({{"epoch", e.epoch},
                      {"train_loss", e.train_loss},
                      {"validation_loss",
                       std::isfinite(e.validation_loss) ? json(e.validation_loss) : json(nullptr)},
                      {"seconds", e.seconds}});
  }
  return json{{"epochs", epochs}, {"seconds", history.seconds}}.dump();
}

TrainHistory history_from_json(const std::string& text) {
  const auto j = json::parse(text);
  TrainHistory history;
  for (const auto& e : j.at("epochs")) {
    EpochRecord record;
    record.epoch = e.at("epoch").get<int64_t>();
    record.train_loss = e.at("train_loss").get<double>();
    record.validation_loss = e.at("validation_loss").is_null()
                                 ? std::numeric_limits<double>::quiet_NaN()
                                 : e.at("validation_loss").get<double>();
    record.seconds = e.at("seconds").get<double>();
    history.epochs.push_back(record);
  }
  history.seconds = j.at("seconds").get<double>();
  return history;
}

void save_epoch_state(const std::filesystem::path& file, const std::string& description,
                      torch::nn::Module& module, torch::optim::Optimizer& optimizer,
                      const at::Generator& generator, const TrainHistory& history) {
  const json meta = {{"description", description},
                     {"epochs_done", static_cast<int64_t>(history.epochs.size())},
                     {"history", json::parse(history_to_json(history))}};
  at::Tensor generator_state;
  {
    at::Generator shared = generator;  // a handle on the same generator (mutex() is not const)
    std::lock_guard<std::mutex> lock(shared.mutex());
    generator_state = shared.get_state();
  }
  write_atomically(file, [&](const std::filesystem::path& temporary) {
    torch::serialize::OutputArchive archive, weights, moments;
    module.save(weights);
    optimizer.save(moments);
    archive.write("meta", c10::IValue(meta.dump()));
    archive.write("module", weights);
    archive.write("optimizer", moments);
    archive.write("generator", generator_state.cpu());
    archive.save_to(temporary.string());
  });
}

EpochStateSummary read_epoch_state_summary(const std::filesystem::path& file) {
  try {
    torch::serialize::InputArchive archive;
    archive.load_from(file.string(), torch::Device(torch::kCPU));
    c10::IValue meta_value;
    archive.read("meta", meta_value);
    const auto meta = json::parse(meta_value.toStringRef());
    EpochStateSummary out;
    out.description = meta.at("description").get<std::string>();
    out.state.epochs_done = meta.at("epochs_done").get<int64_t>();
    out.state.history = history_from_json(meta.at("history").dump());
    return out;
  } catch (const std::exception& e) {
    throw std::runtime_error(file.string() + ": not a readable epoch state (" + e.what() + ")");
  }
}

std::optional<EpochState> load_epoch_state(const std::filesystem::path& file,
                                           const std::string& description,
                                           torch::nn::Module& module,
                                           torch::optim::Optimizer& optimizer,
                                           at::Generator& generator, std::string& note) {
  note.clear();
  if (file.empty() || !std::filesystem::exists(file)) return std::nullopt;
  const auto device = module.parameters().empty() ? torch::Device(torch::kCPU)
                                                  : module.parameters().front().device();
  EpochState state;
  torch::serialize::InputArchive archive, weights, moments;
  at::Tensor generator_state;
  try {
    archive.load_from(file.string(), device);
    c10::IValue meta_value;
    archive.read("meta", meta_value);
    const auto meta = json::parse(meta_value.toStringRef());
    if (meta.at("description").get<std::string>() != description) {
      note = "the epoch state belongs to another training";
      return std::nullopt;
    }
    state.epochs_done = meta.at("epochs_done").get<int64_t>();
    state.history = history_from_json(meta.at("history").dump());
    if (state.epochs_done != static_cast<int64_t>(state.history.epochs.size())) {
      note = "the epoch state's history does not match its epoch count";
      return std::nullopt;
    }
    archive.read("module", weights);
    archive.read("optimizer", moments);
    archive.read("generator", generator_state);
  } catch (const std::exception& e) {
    note = std::string("unreadable epoch state (") + e.what() + ")";
    return std::nullopt;
  }
  // Nothing is changed until every part has been read; a part that fails to load puts the
  // module back as it was (the optimiser is loaded last, after the checks).
  const auto before = snapshot(module);
  try {
    module.load(weights);
    if (!same_layout(module, before)) {
      restore(module, before);
      note = "the epoch state holds weights of another shape or type";
      return std::nullopt;
    }
    optimizer.load(moments);
    std::lock_guard<std::mutex> lock(generator.mutex());
    generator.set_state(generator_state.cpu());
  } catch (const std::exception& e) {
    restore(module, before);
    note = std::string("the epoch state could not be loaded (") + e.what() + ")";
    return std::nullopt;
  }
  return state;
}

}  // namespace aerepro::train
