#include "claims/s2/support.h"

#include "analysis/chunked_inference.h"
#include "analysis/metrics.h"
#include "data/splits.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace aerepro::claims::s2 {

Schedule schedule(const recipes::SourceTraining& source, int64_t ci_images, int64_t ci_epochs) {
  return {{256, ci_images, source.train_images}, {1, ci_epochs, source.epochs}};
}

Schedule deep_source_schedule() {
  return schedule(recipes::source_deep_autoencoder().training, 60000, 5);
}
Schedule deep_well_schedule() {
  return schedule(recipes::well_trained_deep_autoencoder().training, 60000, 10);
}
Schedule undercomplete_schedule() {
  return schedule(recipes::undercomplete_autoencoder(256).training, 60000, 5);
}
Schedule sparse_schedule() {
  return schedule(recipes::sparse_autoencoder(4e-6).training, 10000, 3);
}
Schedule denoising_schedule() {
  return schedule(recipes::denoising_autoencoder(0.5).training, 60000, 2);
}
Schedule bottleneck_schedule() {
  return schedule(recipes::bottleneck_autoencoder().training, 60000, 10);
}
Schedule conv_schedule() {
  return schedule(recipes::conv_autoencoder(models::ConvDecoder::unpool_conv).training, 10000, 2);
}

int64_t test_image_count(Profile profile) {
  return PerProfile<int64_t>{500, 10000, 10000}(profile);
}

const std::string kFull =
    "evaluated on [0,1] pixels, where S2 fed its models the raw 0-255 test pixels (002:386, "
    "669, 1625; its errors are then on the [0,1] scale): the slip corrected; model "
    "initialisation and batch order follow the run's seed (the source ran once)";
const std::string kFullAsMade =
    "evaluated as S2's code evaluated: the models, trained on [0,1] pixels, fed the raw 0-255 "
    "test pixels, their outputs divided by 255 (002:386, 413-415); model initialisation and "
    "batch order follow the run's seed (the source ran once)";
const Departure kSmoke{
    "wiring only: 256 training images, 1 epoch, 500 test images; no verdict",
    Bias::unknown,
    {{WhyUnknown::full_profile_undoes_it, "smoke only checks the wiring and gives no verdict"}}};

UnknownBias as_made_evaluation_not_run() {
  return {WhyUnknown::variant_not_run,
          "the claim evaluated as S2's code evaluated (the raw 0-255 test pixels fed, outputs "
          "divided by 255, 002:386, 413-415) beside this one: the full checkpoints re-evaluated, "
          "no training, seconds a seed"};
}

UnknownBias no_measure_for(const std::string& words) {
  return {WhyUnknown::not_in_report,
          words +
              " has no measure in the report: the proxy and its bar read the words, and no "
              "measure of S2's can be run in their place"};
}

UnknownBias dae_training_not_shown() {
  return {WhyUnknown::not_in_report,
          "S2.7's DAE training call is not shown (its loop stops at 002:1543; no optimiser or "
          "learning rate appears; Adam 3e-4 as in its other cells is our reading) and its "
          "printed losses (002:1550-1564) run 20-40 % above ours, beyond our seeds' spread: its "
          "DAEs trained otherwise, in a way the report does not show"};
}

Departure ci_departure(const Departure& full, const std::string& text, Bias bias) {
  Departure ci{text, bias, {}};
  if (bias == Bias::unknown || bias == Bias::easier) ci.unknown_because = full.unknown_because;
  if (bias == Bias::unknown) {
    ci.unknown_because.push_back(
        {WhyUnknown::full_profile_undoes_it,
         "ci trains shorter: which way that moves the claim is not known"});
  }
  return ci;
}

train::TrainData training_images(ClaimContext& ctx, const Schedule& schedule) {
  const auto& train = mnist(ctx, data::Split::train);
  const int64_t n = schedule.images(ctx.profile);
  if (n >= train.size()) return {train.images, {}};
  return {data::random_subset(train, n, ctx.seed).images, {}};
}

torch::Tensor test_images(ClaimContext& ctx) {
  const auto& test = mnist(ctx, data::Split::test);
  return test.images.narrow(0, 0, std::min(test_image_count(ctx.profile), test.size()));
}

torch::Tensor source_images(ClaimContext& ctx) {
  return mnist(ctx, data::Split::test).images.narrow(0, kFirstSourceImage, kSourceImageCount);
}

torch::Tensor per_image_errors(const analysis::TensorMap& reconstruct, const torch::Tensor& inputs,
                               const torch::Tensor& targets) {
  std::vector<torch::Tensor> parts;
  analysis::for_each_chunk(inputs.size(0), kEvalChunk, [&](int64_t start, int64_t count) {
    const auto out = reconstruct(inputs.narrow(0, start, count));
    parts.push_back(analysis::per_image_squared_error(out, targets.narrow(0, start, count))
                        .to(torch::kCPU, torch::kFloat64));
  });
  return torch::cat(parts);
}

torch::Tensor per_image_errors(const analysis::TensorMap& reconstruct,
                               const torch::Tensor& images) {
  return per_image_errors(reconstruct, images, images);
}

double mean_of(const torch::Tensor& t) {
  return t.mean().item<double>();
}

analysis::TensorMap fed_raw_pixels(analysis::TensorMap model) {
  return [model = std::move(model)](const torch::Tensor& x) { return model(x * 255.0) / 255.0; };
}

void add_printed_curve(ClaimContext& ctx, const std::string& series,
                       const std::vector<double>& printed, int64_t first_epoch) {
  for (size_t e = 0; e < printed.size(); ++e) {
    ctx.artifacts.add_point(FigureId::loss_curve, series,
                            static_cast<double>(first_epoch + static_cast<int64_t>(e)), printed[e]);
  }
}

analysis::TensorMap identity_map() {
  return [](const torch::Tensor& x) { return x; };
}

std::string fmt_g(double v) {
  return fmt::format("{:g}", v);
}

Trained<models::ShallowAutoencoder> undercomplete_ae(ClaimContext& ctx,
                                                     const train::TrainData& data, int64_t hidden) {
  return train_on_schedule(ctx, recipes::undercomplete_autoencoder(hidden),
                           undercomplete_schedule(), data, fmt::format("S2.3 AE x={}", hidden));
}

void record_ten_images(ClaimContext& ctx, const analysis::TensorMap& ae, const std::string& ae_name,
                       const analysis::TensorMap& pca, const torch::Tensor& ae_errors,
                       const torch::Tensor& pca_errors) {
  for (int64_t i = 0; i < kSourceImageCount; ++i) {
    const auto x = std::to_string(kFirstSourceImage + i);
    ctx.artifacts.add_point(FigureId::per_image_error, ae_name, x, ae_errors[i].item<double>());
    ctx.artifacts.add_point(FigureId::per_image_error, "PCA-30", x, pca_errors[i].item<double>());
  }
  torch::NoGradGuard no_grad;
  const auto ten = source_images(ctx);
  ctx.artifacts.add_image_row(FigureId::reconstructions, 0, "test images 9705-9714", ten);
  ctx.artifacts.add_image_row(FigureId::reconstructions, 1, ae_name, ae(ten));
  ctx.artifacts.add_image_row(FigureId::reconstructions, 2, "PCA-30", pca(ten));
}

}  // namespace aerepro::claims::s2
