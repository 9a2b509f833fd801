#include "claims/claim_support.h"

#include "common/atomic_file.h"
#include "common/error.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

namespace aerepro::claims {

namespace {
std::string add_checksum(const std::string& all, const std::string& one) {
  if (all.find(one) != std::string::npos) return all;
  return all.empty() ? one : all + ";" + one;
}
DataCache& cache_of(ClaimContext& context) {
  if (!context.cache) context.cache = std::make_shared<DataCache>();
  return *context.cache;
}
}  // namespace

const data::LabeledImages& DataCache::mnist(data::Split split, const data::DatasetOptions& options,
                                            const torch::Device& device) {
  const auto key = std::make_tuple(std::string("mnist"), static_cast<int>(split), device.str());
  auto it = loaded_.find(key);
  if (it == loaded_.end())
    it = loaded_.emplace(key, data::load_mnist(split, options).to(device)).first;
  return it->second;
}

const data::LabeledImages& DataCache::fashion_mnist(data::Split split,
                                                    const data::DatasetOptions& options,
                                                    const torch::Device& device) {
  const auto key =
      std::make_tuple(std::string("fashion-mnist"), static_cast<int>(split), device.str());
  auto it = loaded_.find(key);
  if (it == loaded_.end()) {
    it = loaded_.emplace(key, data::load_fashion_mnist(split, options).to(device)).first;
  }
  return it->second;
}

const data::LabeledImages& mnist(ClaimContext& context, data::Split split) {
  const auto& out = cache_of(context).mnist(split, context.data, context.device);
  context.dataset_checksum = add_checksum(context.dataset_checksum, "mnist:" + out.checksum);
  return out;
}

const data::LabeledImages& fashion_mnist(ClaimContext& context, data::Split split) {
  const auto& out = cache_of(context).fashion_mnist(split, context.data, context.device);
  context.dataset_checksum = add_checksum(context.dataset_checksum, "fashion:" + out.checksum);
  return out;
}

torch::Tensor one_image_per_class(const data::LabeledImages& set, int64_t classes) {
  const auto labels = set.labels.to(torch::kCPU, torch::kInt64).contiguous();
  const auto* l = labels.data_ptr<int64_t>();
  std::vector<int64_t> first(static_cast<size_t>(classes), -1);
  for (int64_t i = 0; i < labels.numel(); ++i) {
    if (l[i] >= 0 && l[i] < classes && first[static_cast<size_t>(l[i])] < 0)
      first[static_cast<size_t>(l[i])] = i;
  }
  for (int64_t c = 0; c < classes; ++c) {
    if (first[static_cast<size_t>(c)] < 0)
      throw UsageError(fmt::format("no image of class {} in the set", c));
  }
  const auto index = torch::tensor(first, torch::kInt64).to(set.images.device());
  return set.images.index_select(0, index);
}

void record_loss_curve(ClaimContext& context, const std::string& label,
                       const train::TrainHistory& history) {
  // The label ends in " seed N" (training_options); the series is the model, the seed a column.
  std::string model = label;
  const auto suffix = fmt::format(" seed {}", context.seed);
  if (model.size() > suffix.size() &&
      model.compare(model.size() - suffix.size(), suffix.size(), suffix) == 0) {
    model.resize(model.size() - suffix.size());
  }
  for (const auto& epoch : history.epochs) {
    const auto x = static_cast<double>(epoch.epoch);
    context.artifacts.add_point(FigureId::loss_curve, model + " train", x, epoch.train_loss);
    if (!std::isnan(epoch.validation_loss)) {
      context.artifacts.add_point(FigureId::loss_curve, model + " validation", x,
                                  epoch.validation_loss);
    }
  }
}

recipes::TrainingRun training_run(const ClaimContext& context) {
  recipes::TrainingRun run;
  run.seed = context.seed;
  run.device = context.device;
  run.checkpoints = context.checkpoints;
  run.progress = context.progress;
  run.profile = to_string(context.profile);
  return run;
}

train::TrainOptions training_options(const ClaimContext& context,
                                     const recipes::SourceTraining& source,
                                     const std::string& label, int64_t epochs) {
  return training_run(context).options(source, label, epochs);
}

std::string training_device_key(const ClaimContext& context) {
  return train::training_device_key(context.device);
}

std::string checkpoint_description(const ClaimContext& context,
                                   const std::string& model_description,
                                   const train::TrainOptions& options,
                                   const train::TrainData& data) {
  // The data enter the key by content, so a model is keyed the same whichever claim, and
  // whatever loading order, trains it.
  return fmt::format("model: {} | training: {} | data: {} | profile: {} | device: {}",
                     model_description, options.describe(), training_data_digest(data),
                     to_string(context.profile), training_device_key(context));
}

train::TrainHistory train_cached(torch::nn::Module& module, const std::string& model_description,
                                 const train::Objective& objective, const train::TrainData& data,
                                 const train::TrainOptions& options, ClaimContext& context,
                                 const train::TrainData* validation) {
  const auto description = checkpoint_description(context, model_description, options, data);
  auto history = train::train_or_load(module, description, context.checkpoints,
                                      [&](const train::EpochStateSlot& slot) {
                                        return train::train(module, objective, data, validation,
                                                            slot.applied_to(options));
                                      })
                     .history;
  record_loss_curve(context, options.label, history);
  return history;
}

train::TrainHistory train_first_epochs_cached(torch::nn::Module& module,
                                              const std::string& model_description,
                                              const train::Objective& objective,
                                              const train::TrainData& data,
                                              const train::TrainOptions& options,
                                              ClaimContext& context, int64_t first_epochs) {
  const auto description = checkpoint_description(context, model_description, options, data);
  auto history = train::train_first_epochs(
      module, description, context.checkpoints, [&](const train::EpochStateSlot& slot) {
        auto part = slot.applied_to(options);
        part.stop_after_epoch = first_epochs;
        if (part.epoch_state_file.empty()) {  // no store: nothing to keep, a short training
          part.epochs = std::min(first_epochs, part.epochs);
          part.stop_after_epoch = 0;
        }
        return train::train(module, objective, data, nullptr, part);
      });
  history.epochs.resize(std::min<size_t>(history.epochs.size(), first_epochs));
  return history;
}

double measured_once(ClaimContext& context, const std::string& description,
                     const std::string& measure, const std::function<double()>& compute) {
  if (!context.checkpoints.enabled) return compute();
  const auto file =
      context.checkpoints.resolved_root() / (train::checkpoint_key(description) + ".measures.json");
  nlohmann::json kept = nlohmann::json::object();
  try {
    if (std::filesystem::exists(file)) {
      std::ifstream in(file);
      kept = nlohmann::json::parse(in);
      if (kept.value("description", "") == description && kept.contains(measure))
        return kept.at(measure).get<double>();
    }
  } catch (const std::exception&) {
    kept = nlohmann::json::object();  // an unreadable file is measured and written anew
  }
  if (kept.value("description", "") != description)
    kept = nlohmann::json{{"description", description}};
  const double value = compute();
  kept[measure] = value;
  write_text_atomically(file, kept.dump(1));
  return value;
}

}  // namespace aerepro::claims
