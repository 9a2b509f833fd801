// What the claim evaluations share: per-profile settings, datasets loaded once per run, and
// training through the checkpoint store (a model is trained once per set-up and seed).
#pragma once
#include "claims/claim.h"
#include "data/datasets.h"
#include "recipes/recipe.h"
#include "train/checkpoint.h"
#include "train/trainer.h"

#include <fmt/format.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <tuple>

namespace aerepro::claims {

// A setting that differs by profile.
template <typename T>
struct PerProfile {
  T smoke, ci, full;
  T operator()(Profile p) const {
    return p == Profile::smoke ? smoke : p == Profile::ci ? ci : full;
  }
};

// Datasets loaded once per run and kept on the device (one contiguous tensor each).
class DataCache {
 public:
  const data::LabeledImages& mnist(data::Split split, const data::DatasetOptions& options,
                                   const torch::Device& device);
  const data::LabeledImages& fashion_mnist(data::Split split, const data::DatasetOptions& options,
                                           const torch::Device& device);

 private:
  std::map<std::tuple<std::string, int, std::string>, data::LabeledImages> loaded_;
};

// The MNIST / Fashion-MNIST split on the context's device, from the context's cache; records
// the checksum in context.dataset_checksum.
const data::LabeledImages& mnist(ClaimContext& context, data::Split split);
const data::LabeledImages& fashion_mnist(ClaimContext& context, data::Split split);

// Where a model is trained, as it enters checkpoint keys: train::training_device_key of the
// context's device ("cuda", or "cpu, N threads, <BLAS kernels>").
std::string training_device_key(const ClaimContext& context);

// "inputs <digest> [targets <digest>]": the content of a training set, for checkpoint keys.
using train::training_data_digest;

// The context's run as a recipe's training takes it (recipes::TrainingRun): its seed, device,
// checkpoint store and progress, and its profile's name for the keys.
recipes::TrainingRun training_run(const ClaimContext& context);

// The checkpoint key's text of a training: the model, the training options, the data's content,
// the profile and the device.
std::string checkpoint_description(const ClaimContext& context,
                                   const std::string& model_description,
                                   const train::TrainOptions& options,
                                   const train::TrainData& data);

// Trains `module` with `objective` on `data`, or loads it when the checkpoint store holds the
// same set-up: the key covers `model_description` (the model and its options), the training
// options, the training data's content (training_data_digest), the profile and the device
// (training_device_key: with the CPU thread count).
train::TrainHistory train_cached(torch::nn::Module& module, const std::string& model_description,
                                 const train::Objective& objective, const train::TrainData& data,
                                 const train::TrainOptions& options, ClaimContext& context,
                                 const train::TrainData* validation = nullptr);

// The first `first_epochs` epochs of the training train_cached would run with the same
// arguments (the same key): from the finished checkpoint when there is one, else trained and
// kept as its epoch state, so that train_cached later continues from there (S4's readings).
train::TrainHistory train_first_epochs_cached(torch::nn::Module& module,
                                              const std::string& model_description,
                                              const train::Objective& objective,
                                              const train::TrainData& data,
                                              const train::TrainOptions& options,
                                              ClaimContext& context, int64_t first_epochs);

// A number measured on a trained model, kept beside its checkpoint (<key>.measures.json, keyed
// by the checkpoint's `description` and `measure`), so that a rerun from checkpoints does not
// measure it again (S4's training accuracy over 120,000 images). `compute` runs when the file
// lacks it, or checkpoints are disabled.
double measured_once(ClaimContext& context, const std::string& description,
                     const std::string& measure, const std::function<double()>& compute);

// The first image of each class 0..classes-1 in `set`, in class order: (classes, 1, H, W) on
// the set's device (for image grids). UsageError if a class is absent.
torch::Tensor one_image_per_class(const data::LabeledImages& set, int64_t classes = 10);

// Adds `history`'s per-epoch losses to the context's "loss_curve" figure (series "<model>
// train" and, where measured, "<model> validation"; x = epoch). train_cached does it for you.
void record_loss_curve(ClaimContext& context, const std::string& label,
                       const train::TrainHistory& history);

// The source's training settings for this context: `epochs` (the profile's), and the
// context's seed, progress and label ("<label> seed N"; TrainingRun::options).
train::TrainOptions training_options(const ClaimContext& context,
                                     const recipes::SourceTraining& source,
                                     const std::string& label, int64_t epochs);

// A recipe's model as trained for a claim, with its training history.
template <typename Model>
struct Trained {
  Model model{nullptr};
  train::TrainHistory history;
  std::string description;  // its checkpoint's (checkpoint_description)
};

// `recipe`'s model, its parameters drawn from the context's seed, on the context's device,
// trained `epochs` epochs on `data` with the recipe's objective and settings — or loaded from
// the checkpoint store (train_cached; the key's model part is recipe.describe() followed by
// `key_note`, e.g. which split). In eval mode.
template <typename Model>
Trained<Model> train_recipe(ClaimContext& context, const recipes::Recipe<Model>& recipe,
                            int64_t epochs, const train::TrainData& data, const std::string& label,
                            const std::string& key_note = "") {
  Trained<Model> out{recipe.build(context.seed), {}, {}};
  out.model->to(context.device);
  const auto options = training_options(context, recipe.training, label, epochs);
  out.description = checkpoint_description(context, recipe.describe() + key_note, options, data);
  out.history = train_cached(*out.model, recipe.describe() + key_note, recipe.objective(out.model),
                             data, options, context);
  out.model->eval();
  return out;
}

// A recipe's model initialised only: its parameters drawn from the context's seed as
// train_recipe draws them before training, on the context's device, in eval mode.
template <typename Model>
Model initialised_only(ClaimContext& ctx, const recipes::Recipe<Model>& recipe) {
  auto model = recipe.build(ctx.seed);
  model->to(ctx.device);
  model->eval();
  return model;
}

}  // namespace aerepro::claims
