#include "claims/s3/six_errors.h"

#include "analysis/metrics.h"
#include "common/compat.h"
#include "train/corruption.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace aerepro::claims::s3 {
namespace {

constexpr double kTestNoise = 0.4;  // S3.1/S3.7: the noisy test inputs

std::vector<Measurement> training_against_printed(const std::vector<TrainedModel>& models,
                                                  StackReading reading) {
  std::vector<Measurement> out;
  for (const auto& model : models) {
    for (const auto& stage : model.stages) {
      const auto printed = printed_training_loss(model.key, stage.key, reading);
      if (printed.empty() || stage.history.epochs.empty()) continue;
      const auto name = fmt::format("{}_{}", model.key, stage.key);
      out.push_back({name + "_first_epoch_train_loss", stage.history.epochs.front().train_loss,
                     printed.front()});
      out.push_back({name + "_final_train_loss", stage.history.final_train_loss(), printed.back()});
    }
  }
  return out;
}

void add_six(std::vector<Measurement>& out, const SixErrors& e) {
  out.push_back({"mse_one_level_ae", e.ae});
  out.push_back({"mse_one_level_dae", e.dae});
  out.push_back({"mse_layerwise_ae", e.layerwise_ae});
  out.push_back({"mse_layerwise_dae", e.layerwise_dae});
  out.push_back({"mse_fine_tuned_ae", e.fine_tuned_ae});
  out.push_back({"mse_fine_tuned_dae", e.fine_tuned_dae});
}

SixErrors six_errors(ClaimContext& ctx, StackReading reading) {
  return errors_of(ctx, six_models(ctx, reading), reading, /*figures=*/true);
}

}  // namespace

// S3.7's errors of `models` (six_models' order); `figures`: whether to draw them (the claim's
// own run does, its control does not).
SixErrors errors_of(ClaimContext& ctx, const std::vector<TrainedModel>& models,
                    StackReading reading, bool figures) {
  const auto& test = mnist(ctx, data::Split::test);
  const auto clean =
      test.images.narrow(0, 0, std::min(setup(ctx.profile).test_images, test.size()));
  auto gen = compat::make_generator(ctx.device, 31 + ctx.seed);
  const auto noisy = train::Corruption::gaussian(kTestNoise).apply(clean, gen);
  std::array<double, 6> e{};
  torch::NoGradGuard no_grad;
  for (size_t i = 0; i < models.size(); ++i) {
    e[i] = analysis::mean_squared_error(models[i].reconstruct(noisy), clean);
    if (figures)
      ctx.artifacts.add_point(FigureId::noisy_test_mse, "MSE on x + 0.4 N test images",
                              models[i].name, e[i]);
  }
  return {e[0], e[1], e[2], e[3], e[4], e[5], training_against_printed(models, reading)};
}

// The evaluation of an S3.7 claim: `metrics` of the six trained models, then their six MSEs;
// `training`: also the first and final training losses beside 003's printed ones.
std::function<std::vector<Measurement>(ClaimContext&)> on_six_trained(StackReading reading,
                                                                      SixMetrics metrics,
                                                                      bool training) {
  return [reading, metrics, training](ClaimContext& ctx) {
    const auto e = six_errors(ctx, reading);
    auto out = metrics(e);
    add_six(out, e);
    if (training) out.insert(out.end(), e.training.begin(), e.training.end());
    return out;
  };
}

// The negative control of an S3.7 claim: `metrics` of the six models initialised only
// (untrained_six_models), `tie` applied to their errors first (a claim whose compared pair is
// not a pair of twins there makes it one).
Control on_six_untrained(StackReading reading, std::string stands_in, SixMetrics metrics,
                         std::function<void(SixErrors&)> tie) {
  Control control;
  control.stands_in = std::move(stands_in);
  control.evaluate = [reading, metrics, tie](ClaimContext& ctx) {
    auto e = errors_of(ctx, untrained_six_models(ctx, reading), reading, /*figures=*/false);
    if (tie) tie(e);
    return metrics(e);
  };
  return control;
}

}  // namespace aerepro::claims::s3
