#include "claims/s3/six_models.h"

#include "claims/s3/support.h"
#include "common/enum_names.h"
#include "data/splits.h"
#include "models/one_level_ae.h"
#include "models/stacked_ae.h"
#include "recipes/s3_recipes.h"
#include "recipes/s3_training.h"

#include <fmt/format.h>

namespace aerepro::claims::s3 {

namespace {

// The S3.1 training images of this context: the first 50,000 of the training file (head/tail
// split), subsampled in the ci/smoke profiles (seeded by the context's seed). The data enter
// checkpoint keys by content (training_data_digest), and which they are by description.
recipes::S3TrainingSet training_set(ClaimContext& ctx) {
  const auto& train = mnist(ctx, data::Split::train);
  mnist(ctx, data::Split::test);
  const auto split = data::head_tail_split(train, 50000);  // S3.1
  const auto n = setup(ctx.profile).train_images;
  if (n >= split.train.size()) return {split.train.images, "head 50000"};
  const uint64_t subset_seed = 1000 + ctx.seed;
  return {data::random_subset(split.train, n, subset_seed).images.contiguous(),
          fmt::format("random {} of head 50000 (seed {})", n, subset_seed)};
}

models::Activation deeper_output(StackReading reading) {
  return reading == StackReading::as_made ? models::Activation::sigmoid : models::Activation::relu;
}

// S3.2 (denoising = false) / S3.3 (true): the one-level AE / DAE of this seed, and its history.
std::pair<models::OneLevelAutoencoder, train::TrainHistory> one_level(
    ClaimContext& ctx, const recipes::S3TrainingSet& data, bool denoising) {
  const auto s = setup(ctx.profile);
  const auto recipe = recipes::one_level_autoencoder(denoising);
  auto model = recipe.build(ctx.seed);
  model->to(ctx.device);
  const auto options =
      training_options(ctx, recipe.training, denoising ? "S3.3 one-level dae" : "S3.2 one-level ae",
                       denoising ? s.dae_epochs : s.ae_epochs);
  auto history = train_cached(*model, "S3 " + recipe.describe() + " [" + data.description + "]",
                              recipe.objective(model), {data.images, {}}, options, ctx);
  model->eval();
  return {model, history};
}

// S3.4 (denoising = false) / S3.5 (true): the stack [512, 128] pretrained layer-wise, and with
// fine_tuned, S3.6: then trained end to end (recipes::train_stack), for this profile's epochs;
// its stages' losses drawn in the loss figure.
std::pair<models::StackedAutoencoder, std::vector<TrainingStage>> stack(
    ClaimContext& ctx, const recipes::S3TrainingSet& data, bool denoising, bool fine_tuned,
    StackReading reading) {
  const auto s = setup(ctx.profile);
  const std::string name = fmt::format(
      "{} ({})", denoising ? "S3.5 stacked dae" : "S3.4 stacked ae", to_string(reading));
  const auto made = recipes::train_stack(
      recipes::stacked_autoencoder(denoising, deeper_output(reading)), data,
      {s.level_epochs, s.finetune_epochs}, fine_tuned, name, training_run(ctx));
  std::vector<TrainingStage> stages;
  for (const auto& level : made.levels) {
    record_loss_curve(ctx, fmt::format("{} level {}", name, stages.size() + 1), level);
    stages.push_back({fmt::format("level_{}", stages.size() + 1), level});
  }
  if (made.fine_tuning) {
    record_loss_curve(ctx, name + " fine-tuned", *made.fine_tuning);
    stages.push_back({"fine_tuning", *made.fine_tuning});
  }
  return {made.model, stages};
}

template <typename Model>
TrainedModel trained(std::string name, std::string key, Model model,
                     std::vector<TrainingStage> stages) {
  return {std::move(name),
          std::move(key),
          [model](const torch::Tensor& x) mutable { return model->encode(x); },
          [model](const torch::Tensor& z) mutable { return model->decode(z); },
          [model](const torch::Tensor& x) mutable { return model->forward(x).reconstruction; },
          std::move(stages)};
}

template <typename Model>
TrainedModel trained(std::string name, std::string key,
                     std::pair<Model, train::TrainHistory> one_level_model) {
  return trained(std::move(name), std::move(key), one_level_model.first,
                 {{"training", std::move(one_level_model.second)}});
}

template <typename Model>
TrainedModel trained(std::string name, std::string key,
                     std::pair<Model, std::vector<TrainingStage>> stacked) {
  return trained(std::move(name), std::move(key), stacked.first, std::move(stacked.second));
}

// 003's printed curves beside ours in the loss figure, named like ours.
void add_printed_curves(ClaimContext& ctx, const std::vector<TrainedModel>& models,
                        StackReading reading) {
  for (const auto& model : models) {
    for (const auto& stage : model.stages) {
      const auto printed = printed_training_loss(model.key, stage.key, reading);
      for (size_t e = 0; e < printed.size(); ++e) {
        ctx.artifacts.add_point(FigureId::loss_curve,
                                fmt::format("{} {} train (report, printed)", model.name, stage.key),
                                static_cast<double>(e + 1), printed[e]);
      }
    }
  }
}

}  // namespace

constexpr EnumName<StackReading> kStackReadingNames[] = {{StackReading::as_made, "as made"},
                                                         {StackReading::corrected, "corrected"}};
static_assert(enum_names_complete(kStackReadingNames, StackReading::corrected));

std::string to_string(StackReading reading) {
  return std::string(enum_name(kStackReadingNames, reading));
}

std::vector<double> printed_training_loss(const std::string& model_key,
                                          const std::string& stage_key, StackReading reading) {
  // The fine-tuned stacks share their levels' checkpoints with the layer-wise ones, whose
  // printout it is; 003 prints no fine-tuning loss.
  if (model_key == "one_level_ae" && stage_key == "training")
    return {0.0199, 0.0047, 0.0031, 0.0026, 0.0023};  // 003:221-230
  if (model_key == "one_level_dae" && stage_key == "training")
    return {0.0264, 0.0133, 0.0120, 0.0115, 0.0113,
            0.0111, 0.0110, 0.0109, 0.0108, 0.0107};  // 003:270-289
  if (model_key == "layerwise_ae" && stage_key == "level_1")
    return {0.0109, 0.0023, 0.0016, 0.0014, 0.0012};  // 003:358-367
  if (model_key == "layerwise_dae" && stage_key == "level_1")
    return {0.0190, 0.0110, 0.0099, 0.0093, 0.0089};  // 003:486-495
  // The deeper level's sigmoid output on ReLU codes (design_AE): as made only.
  if (reading != StackReading::as_made || stage_key != "level_2") return {};
  if (model_key == "layerwise_ae") return {0.6023, 0.5617, 0.5561, 0.5546, 0.5536};   // 003:368-377
  if (model_key == "layerwise_dae") return {0.3598, 0.3252, 0.3215, 0.3201, 0.3190};  // 003:496-505
  return {};
}

std::vector<TrainedModel> six_models(ClaimContext& ctx, StackReading reading) {
  const auto data = training_set(ctx);
  std::vector<TrainedModel> six{
      trained("one-level AE", "one_level_ae", one_level(ctx, data, false)),
      trained("one-level DAE", "one_level_dae", one_level(ctx, data, true)),
      trained("layer-wise AE", "layerwise_ae", stack(ctx, data, false, false, reading)),
      trained("layer-wise DAE", "layerwise_dae", stack(ctx, data, true, false, reading)),
      trained("fine-tuned AE", "fine_tuned_ae", stack(ctx, data, false, true, reading)),
      trained("fine-tuned DAE", "fine_tuned_dae", stack(ctx, data, true, true, reading))};
  add_printed_curves(ctx, six, reading);
  return six;
}

std::vector<TrainedModel> untrained_six_models(ClaimContext& ctx, StackReading reading) {
  const auto built = [&ctx](auto model) {
    model->to(ctx.device);
    model->eval();
    return model;
  };
  const auto one_level = [&](bool denoising) {
    return built(recipes::one_level_autoencoder(denoising).build(ctx.seed));
  };
  const auto stack = [&](bool denoising) {
    return built(
        recipes::stacked_autoencoder(denoising, deeper_output(reading)).stack.build(ctx.seed));
  };
  return {trained("one-level AE", "one_level_ae", one_level(false), {}),
          trained("one-level DAE", "one_level_dae", one_level(true), {}),
          trained("layer-wise AE", "layerwise_ae", stack(false), {}),
          trained("layer-wise DAE", "layerwise_dae", stack(true), {}),
          trained("fine-tuned AE", "fine_tuned_ae", stack(false), {}),
          trained("fine-tuned DAE", "fine_tuned_dae", stack(true), {})};
}

}  // namespace aerepro::claims::s3
