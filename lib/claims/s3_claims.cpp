// S3: the ISPR midterm — one-level and stacked (D)AEs (layer-wise pretrained, fine-tuned),
// latent interpolation and manifold ascent.
#include "analysis/latent.h"
#include "analysis/metrics.h"
#include "claims/claim_support.h"
#include "claims/source_claims.h"
#include "common/compat.h"
#include "data/splits.h"
#include "models/one_level_ae.h"
#include "models/stacked_ae.h"
#include "train/checkpoint.h"
#include "train/layerwise.h"
#include "train/objectives.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace aerepro::claims {
namespace {

// The set-up of each profile. full = the source's (S3.1–S3.6); S3.6 gives no fine-tuning
// length, the harness takes 5 epochs (as every other S3 training).
struct Setup {
  int64_t train_images;      // S3.1: 50,000 (head of the training file)
  int64_t ae_epochs;         // S3.2: 5
  int64_t dae_epochs;        // S3.3: 10
  int64_t level_epochs;      // S3.4/S3.5: 5 per level
  int64_t finetune_epochs;   // S3.6: not given; 5
  int64_t test_images;       // S3.7: the 10,000 test images
  int64_t reference_images;  // S3.8/S3.9: nearest-neighbour reference (first training images)
  int64_t pairs;             // S3.8: pairs of each kind (same class, different classes) per seed
  int64_t noise_images;      // S3.9: pure-noise starting images per seed
  int64_t ascent_iterations;
};

const PerProfile<Setup> kSetup{
    /*smoke*/ {1000, 1, 1, 1, 1, 500, 1000, 2, 4, 20},
    /*ci*/ {12000, 5, 10, 3, 3, 10000, 10000, 8, 16, 50},
    /*full*/ {50000, 5, 10, 5, 5, 10000, 10000, 20, 16, 50},
};

constexpr int64_t kBatch = 32;            // S3.2
constexpr double kLearningRate = 1e-3;    // S3.2: Adam (Keras' default rate)
constexpr double kPixelNoise = 0.4;       // S3.1, S3.3, S3.5 first level
constexpr double kCodeNoise = 0.2;        // S3.5 deeper levels

const std::string kCiDepartures =
    "trains on a seeded random 12,000 of the 50,000 training images (S3.1: all 50,000); the "
    "stacks get 3 epochs per level (S3.4/S3.5: 5) and 3 fine-tuning epochs (S3.6 gives none; "
    "full: 5); one-level AE/DAE keep 5/10 epochs, batch 32, Adam 1e-3; test on all 10,000 "
    "test images";
// What the full profile still does differently from the report's code (SOURCES.md S3.1, S3.4,
// revised 2026-12-01): stated, not yet changed.
const std::string kFullDepartures =
    "NOT YET THE METHOD AS MADE: deeper stack levels reconstruct with ReLU outputs (our reading; "
    "the report's design_AE puts a sigmoid on every level's output); the input noise is redrawn "
    "for every batch (the report drew one noisy copy and reused it every epoch); LibTorch's "
    "default initialisation and Adam epsilon 1e-8 (the report: Keras' Glorot-uniform weights, "
    "zero biases, epsilon 1e-7); fine-tuning runs 5 epochs (S3.6 gives none); model "
    "initialisation, noise and batch order follow the run's seed (the source ran once)";
const std::string kSmokeDepartures =
    "wiring only: 1,000 training images, 1 epoch per model, 500 test images; thresholds only "
    "check that it ran";

// The S3.1 training images of this context: the first 50,000 of the training file (head/tail
// split), subsampled in the ci/smoke profiles (seeded by the context's seed).
// (The data enter checkpoint keys by content: training_data_digest.)
struct TrainingSet {
  torch::Tensor images;
  std::string description;  // part of every model description (which images)
};

TrainingSet training_set(ClaimContext& ctx) {
  const auto& train = mnist(ctx, data::Split::train);
  mnist(ctx, data::Split::test);
  const auto split = data::head_tail_split(train, 50000);  // S3.1
  const auto n = kSetup(ctx.profile).train_images;
  if (n >= split.train.size()) return {split.train.images, "head 50000"};
  const uint64_t subset_seed = 1000 + ctx.seed;
  return {data::random_subset(split.train, n, subset_seed).images.contiguous(),
          fmt::format("random {} of head 50000 (seed {})", n, subset_seed)};
}

std::string cached_description(const std::string& model, const std::string& training,
                               const TrainingSet& data, ClaimContext& ctx) {
  return fmt::format("model: {} | training: {} | data: {} [{}] | profile: {} | device: {}",
                     model, training, training_data_digest({data.images, {}}), data.description,
                     to_string(ctx.profile), training_device_key(ctx));
}

// S3.2 (denoising = false) / S3.3 (true): the one-level AE / DAE of this seed.
models::OneLevelAutoencoder one_level(ClaimContext& ctx, const TrainingSet& data, bool denoising) {
  const auto& setup = kSetup(ctx.profile);
  auto model = train::seeded<models::OneLevelAutoencoder>(ctx.seed, models::OneLevelAutoencoderOptions{});
  model->to(ctx.device);
  auto opts = training_options(ctx, denoising ? "S3.3 one-level dae" : "S3.2 one-level ae",
                               denoising ? setup.dae_epochs : setup.ae_epochs, kBatch, kLearningRate);
  if (denoising) opts.corruption = train::Corruption::gaussian(kPixelNoise);  // S3.3 noisy -> clean
  train_cached(*model, "S3 OneLevelAutoencoder 784-128 relu, sigmoid out [" + data.description + "]",
               train::reconstruction_objective(model), {data.images, {}}, opts, ctx);
  model->eval();
  return model;
}

// S3.4 (denoising = false) / S3.5 (true): the stack [512, 128] pretrained layer-wise, and with
// fine_tuned, S3.6: then trained end to end (the DAE noisy -> clean, sigma 0.4). Each stage is
// one checkpoint; the fine-tuned one's description contains the pretrained one's.
models::StackedAutoencoder stack(ClaimContext& ctx, const TrainingSet& data, bool denoising,
                                 bool fine_tuned) {
  const auto& setup = kSetup(ctx.profile);
  auto model = train::seeded<models::StackedAutoencoder>(ctx.seed, models::StackedAutoencoderOptions{});
  model->to(ctx.device);
  const std::string name = denoising ? "S3.5 stacked dae" : "S3.4 stacked ae";
  train::LayerwiseOptions layerwise;
  layerwise.training = training_options(ctx, name, setup.level_epochs, kBatch, kLearningRate);
  if (denoising) {
    layerwise.first_level = train::Corruption::gaussian(kPixelNoise);  // S3.5
    layerwise.deeper_levels = train::Corruption::gaussian(kCodeNoise);
  }
  const auto pretrained = cached_description(
      "S3 StackedAutoencoder 784-512-128 relu, level0 sigmoid out, deeper relu out",
      fmt::format("layerwise {}; first level {}; deeper levels {}", layerwise.training.describe(),
                  layerwise.first_level.describe(), layerwise.deeper_levels.describe()),
      data, ctx);
  const auto pretraining = train::train_or_load(*model, pretrained, ctx.checkpoints, [&] {
    train::TrainHistory all;
    for (const auto& level : train::pretrain_layerwise(model, data.images, layerwise)) {
      for (auto e : level.epochs) {
        e.epoch = static_cast<int64_t>(all.epochs.size()) + 1;
        all.epochs.push_back(e);
      }
      all.seconds += level.seconds;
    }
    return all;
  });
  record_loss_curve(ctx, name + " layer-wise (levels in turn)", pretraining.history);
  if (fine_tuned) {
    auto opts = training_options(ctx, name + " fine-tuned", setup.finetune_epochs, kBatch, kLearningRate);
    if (denoising) opts.corruption = train::Corruption::gaussian(kPixelNoise);  // S3.6 DAE: noisy -> clean
    const auto description =
        cached_description("S3.6 fine-tuned stack, from {" + pretrained + "}", opts.describe(), data, ctx);
    const auto tuning = train::train_or_load(*model, description, ctx.checkpoints, [&] {
      return train::train(*model, train::reconstruction_objective(model), {data.images, {}}, nullptr, opts);
    });
    record_loss_curve(ctx, name + " fine-tuned", tuning.history);
  }
  model->eval();
  return model;
}

// S3.7: the test MSE (mean over pixels, against the clean image) of the six models on the test
// images corrupted with x + 0.4·N(0,1) (noise fixed by the seed).
struct SixErrors {
  double ae, dae, layerwise_ae, layerwise_dae, fine_tuned_ae, fine_tuned_dae;
};

SixErrors six_errors(ClaimContext& ctx) {
  const auto data = training_set(ctx);
  const auto& test = mnist(ctx, data::Split::test);
  const auto clean = test.images.narrow(0, 0, std::min(kSetup(ctx.profile).test_images, test.size()));
  auto gen = compat::make_generator(ctx.device, 31 + ctx.seed);
  const auto noisy = train::Corruption::gaussian(kPixelNoise).apply(clean, gen);  // S3.1
  auto error = [&](auto model) {
    torch::NoGradGuard no_grad;
    return analysis::mean_squared_error(model->forward(noisy).reconstruction, clean);
  };
  SixErrors e{};
  e.ae = error(one_level(ctx, data, false));
  e.dae = error(one_level(ctx, data, true));
  e.layerwise_ae = error(stack(ctx, data, false, false));
  e.layerwise_dae = error(stack(ctx, data, true, false));
  e.fine_tuned_ae = error(stack(ctx, data, false, true));
  e.fine_tuned_dae = error(stack(ctx, data, true, true));
  for (const auto& [x, y] : {std::pair<const char*, double>{"one-level AE", e.ae}, {"one-level DAE", e.dae},
                             {"layer-wise AE", e.layerwise_ae}, {"layer-wise DAE", e.layerwise_dae},
                             {"fine-tuned AE", e.fine_tuned_ae}, {"fine-tuned DAE", e.fine_tuned_dae}}) {
    ctx.artifacts.add_point("noisy_test_mse", "MSE on x + 0.4 N test images", x, y);
  }
  return e;
}

void add_six(std::vector<Measurement>& out, const SixErrors& e) {
  out.push_back({"mse_one_level_ae", e.ae});
  out.push_back({"mse_one_level_dae", e.dae});
  out.push_back({"mse_layerwise_ae", e.layerwise_ae});
  out.push_back({"mse_layerwise_dae", e.layerwise_dae});
  out.push_back({"mse_fine_tuned_ae", e.fine_tuned_ae});
  out.push_back({"mse_fine_tuned_dae", e.fine_tuned_dae});
}

double mean_nearest(const torch::Tensor& queries, const torch::Tensor& reference) {
  return analysis::nearest_neighbour_distance(queries, reference).to(torch::kFloat64).mean().item<double>();
}

// S3.8: pairs of test indices (same class or different classes), drawn from `gen`.
std::vector<std::array<int64_t, 2>> image_pairs(const torch::Tensor& labels, int64_t count,
                                                bool same_class, at::Generator& gen) {
  const auto cpu = labels.cpu();
  const auto n = cpu.size(0);
  std::vector<std::array<int64_t, 2>> pairs;
  while (static_cast<int64_t>(pairs.size()) < count) {
    const auto i = torch::randint(n, {1}, gen).item<int64_t>();
    const auto label = cpu[i].item<int64_t>();
    const auto candidates = (same_class ? cpu.eq(label) : cpu.ne(label)).nonzero().squeeze(1);
    const auto j = candidates[torch::randint(candidates.size(0), {1}, gen).item<int64_t>()].item<int64_t>();
    if (j != i) pairs.push_back({i, j});
  }
  return pairs;
}

Claim noise_training_matters_most_for_deep_models() {
  Claim c;
  c.id = "s3.noise_training_matters_most_for_deep_models";
  c.source = "S3.7";
  c.sentence =
      "On noisy test inputs (x + 0.4·N), training with noise lowers the error more for the deep "
      "(layer-wise and fine-tuned) autoencoders than for the one-level one.";
  c.departures[Profile::full] = {kFullDepartures, Bias::unknown};
  c.departures[Profile::ci] = {kCiDepartures +
                              "; asserted: both deep gains (layer-wise, fine-tuned) exceed the "
                              "one-level gain, gain = MSE(AE) - MSE(DAE)",
                               Bias::unknown};
  c.departures[Profile::smoke] = {kSmokeDepartures, Bias::unknown};
  c.assertions = {
      {"layerwise_gain_minus_one_level_gain", Comparison::greater, 0.0, 0.0, std::nullopt, ""},
      {"fine_tuned_gain_minus_one_level_gain", Comparison::greater, 0.0, 0.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto e = six_errors(ctx);
    const double one = e.ae - e.dae, layerwise = e.layerwise_ae - e.layerwise_dae,
                 fine_tuned = e.fine_tuned_ae - e.fine_tuned_dae;
    std::vector<Measurement> out{
        {"layerwise_gain_minus_one_level_gain", layerwise - one},
        {"fine_tuned_gain_minus_one_level_gain", fine_tuned - one},
        {"gain_one_level", one},
        {"gain_layerwise", layerwise},
        {"gain_fine_tuned", fine_tuned}};
    add_six(out, e);
    return out;
  };
  return c;
}

Claim fine_tuning_beats_layerwise_only() {
  Claim c;
  c.id = "s3.fine_tuning_beats_layerwise_only";
  c.source = "S3.6, S3.7";
  c.sentence =
      "Fine-tuning the stacked AE and DAE end to end lowers their noisy-test MSE below that of "
      "layer-wise pretraining alone.";
  c.departures[Profile::full] = {kFullDepartures, Bias::unknown};
  c.departures[Profile::ci] = {kCiDepartures, Bias::unknown};
  c.departures[Profile::smoke] = {kSmokeDepartures, Bias::unknown};
  c.assertions = {
      {"ae_layerwise_minus_fine_tuned_mse", Comparison::greater, 0.0, 0.0, std::nullopt, ""},
      {"dae_layerwise_minus_fine_tuned_mse", Comparison::greater, 0.0, 0.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto e = six_errors(ctx);
    std::vector<Measurement> out{
        {"ae_layerwise_minus_fine_tuned_mse", e.layerwise_ae - e.fine_tuned_ae},
        {"dae_layerwise_minus_fine_tuned_mse", e.layerwise_dae - e.fine_tuned_dae}};
    add_six(out, e);
    return out;
  };
  return c;
}

Claim best_are_one_level_dae_and_fine_tuned_ddae() {
  Claim c;
  c.id = "s3.best_are_one_level_dae_and_fine_tuned_ddae";
  c.source = "S3.7";
  c.sentence =
      "Of the six models, the one-level DAE and the fine-tuned deep DAE have the lowest MSE on "
      "noisy test inputs.";
  c.departures[Profile::full] = {kFullDepartures, Bias::unknown};
  c.departures[Profile::ci] = {kCiDepartures +
                              "; asserted: the margin min(other four MSEs) - max(one-level DAE, "
                              "fine-tuned DDAE) > 0 on the mean; the 0/1 indicator is evidence",
                               Bias::unknown};
  c.departures[Profile::smoke] = {kSmokeDepartures, Bias::unknown};
  c.assertions = {
      {"others_min_minus_best_two_max_mse", Comparison::greater, 0.0, 0.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto e = six_errors(ctx);
    const double best = std::max(e.dae, e.fine_tuned_dae);
    const double others = std::min({e.ae, e.layerwise_ae, e.layerwise_dae, e.fine_tuned_ae});
    std::vector<Measurement> out{
        {"others_min_minus_best_two_max_mse", others - best},
        {"best_two_are_dae_and_fine_tuned_ddae", others > best ? 1.0 : 0.0}};
    add_six(out, e);
    return out;
  };
  return c;
}

Claim interpolation_stays_near_data() {
  Claim c;
  c.id = "s3.interpolation_stays_near_data";
  c.source = "S3.8";
  c.sentence =
      "Decoding a·z1 + (1−a)·z2, a = 0, 0.1, …, 1, between the codes of two test images (same "
      "class or not) gives a path of plausible digits from one image to the other.";
  c.departures[Profile::full] = {kFullDepartures, Bias::unknown};
  c.departures[Profile::ci] = {kCiDepartures +
      "; measured with the one-level AE (S3.2) on 8 same-class and 8 different-class test pairs "
      "per seed; asserted: endpoint reconstruction MSE < 0.01 (about 4x the source's final "
      "training loss 0.0023), and the mean nearest-training-image distance (10,000 reference "
      "images) of the interior path (a = 0.1…0.9) is below that of the pixel-space blends "
      "a·x1 + (1−a)·x2 (ratio < 1); uniform-noise images' distance is evidence",
                               Bias::unknown};
  c.departures[Profile::smoke] = {kSmokeDepartures, Bias::unknown};
  c.assertions = {
      {"endpoint_reconstruction_mse", Comparison::less, 0.01, 0.01, std::nullopt, ""},
      {"latent_path_over_pixel_blend_nn_distance", Comparison::less, 1.0, 1.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto& setup = kSetup(ctx.profile);
    const auto data = training_set(ctx);
    const auto& test = mnist(ctx, data::Split::test);
    const auto reference = mnist(ctx, data::Split::train).images.narrow(0, 0, setup.reference_images);
    auto model = one_level(ctx, data, false);  // S3.2's AE
    torch::NoGradGuard no_grad;
    auto gen = compat::make_generator(torch::kCPU, 41 + ctx.seed);
    const auto a = torch::linspace(0.0, 1.0, 11, test.images.options()).view({11, 1, 1, 1});
    double endpoint_sum = 0;
    int64_t endpoint_count = 0;
    std::array<double, 2> latent{0, 0}, pixel{0, 0};
    for (int kind = 0; kind < 2; ++kind) {  // 0: same class, 1: different classes
      std::vector<torch::Tensor> latent_paths, pixel_paths;
      int grid_row = 0;
      for (const auto& [i, j] : image_pairs(test.labels, setup.pairs, kind == 0, gen)) {
        const auto x1 = test.images[i].unsqueeze(0), x2 = test.images[j].unsqueeze(0);
        const auto path = model->decode(analysis::interpolate_codes(model->encode(x1), model->encode(x2)));
        // Row 0 is x2's code (a = 0), row 10 x1's (a = 1).
        endpoint_sum += analysis::mean_squared_error(path[0], x2[0]) +
                        analysis::mean_squared_error(path[10], x1[0]);
        endpoint_count += 2;
        latent_paths.push_back(path.narrow(0, 1, 9));
        pixel_paths.push_back((a * x1 + (1 - a) * x2).narrow(0, 1, 9));
        if (grid_row < 4) {  // the first pairs' paths, a = 0 … 1, and their pixel blend
          const auto figure = kind == 0 ? "interpolation_same_class" : "interpolation_different_class";
          ctx.artifacts.add_image_row(figure, grid_row, fmt::format("decoded path {}", grid_row / 2 + 1), path);
          ctx.artifacts.add_image_row(figure, grid_row + 1, "pixel blend", a * x1 + (1 - a) * x2);
          grid_row += 2;
        }
      }
      latent[kind] = mean_nearest(torch::cat(latent_paths), reference);
      pixel[kind] = mean_nearest(torch::cat(pixel_paths), reference);
      const char* x = kind == 0 ? "same class" : "different classes";
      ctx.artifacts.add_point("interpolation_distance", "decoded latent path", x, latent[kind]);
      ctx.artifacts.add_point("interpolation_distance", "pixel blend", x, pixel[kind]);
    }
    auto noise_gen = compat::make_generator(ctx.device, 43 + ctx.seed);
    const auto noise = torch::rand({2 * setup.pairs * 9, 1, 28, 28}, noise_gen, test.images.options());
    const double noise_distance = mean_nearest(noise, reference);
    const double latent_all = (latent[0] + latent[1]) / 2, pixel_all = (pixel[0] + pixel[1]) / 2;
    return {{"endpoint_reconstruction_mse", endpoint_sum / endpoint_count},
            {"latent_path_over_pixel_blend_nn_distance", latent_all / pixel_all},
            {"latent_path_nn_distance_same_class", latent[0]},
            {"latent_path_nn_distance_different_class", latent[1]},
            {"pixel_blend_nn_distance_same_class", pixel[0]},
            {"pixel_blend_nn_distance_different_class", pixel[1]},
            {"uniform_noise_nn_distance", noise_distance}};
  };
  return c;
}

Claim manifold_ascent_converges_to_data() {
  Claim c;
  c.id = "s3.manifold_ascent_converges_to_data";
  c.source = "S3.9";
  c.sentence =
      "Iterating x <- x + η(r(x) − x) with the DAE's reconstruction r from pure-noise images "
      "converges to the data manifold (the iterates look like digits).";
  c.departures[Profile::full] = {kFullDepartures, Bias::unknown};
  c.departures[Profile::ci] = {kCiDepartures +
      "; the one-level DAE (S3.3) as r, the faithful update (the report's code subtracts "
      "r(mean digit): a slip), η = 0.5 (not given), 50 iterations, 16 U[0,1) images per seed; "
      "asserted: final/initial ‖r(x) − x‖ < 0.1 and final/initial nearest-training-image "
      "distance (10,000 reference images) < 0.5",
                               Bias::unknown};
  c.departures[Profile::smoke] = {kSmokeDepartures + "; 4 images, 20 iterations", Bias::unknown};
  c.assertions = {
      {"residual_final_over_initial", Comparison::less, 0.1, 0.1, std::nullopt, ""},
      {"nn_distance_final_over_initial", Comparison::less, 0.5, 0.5, std::nullopt, ""},
      {"nn_distance_final_over_test_digits", Comparison::less, 2.0, 2.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto& setup = kSetup(ctx.profile);
    const auto data = training_set(ctx);
    const auto reference = mnist(ctx, data::Split::train).images.narrow(0, 0, setup.reference_images);
    const auto& test = mnist(ctx, data::Split::test);
    auto model = one_level(ctx, data, true);  // S3.3's DAE
    torch::NoGradGuard no_grad;
    auto gen = compat::make_generator(ctx.device, 47 + ctx.seed);
    const auto x0 = torch::rand({setup.noise_images, 1, 28, 28}, gen, reference.options());
    analysis::ManifoldAscentOptions options;  // η = 0.5
    options.iterations = setup.ascent_iterations;
    const auto result = analysis::manifold_ascent(
        x0, [&](const torch::Tensor& x) { return model->forward(x).reconstruction; }, options);
    const auto residual_start = result.residual_norms[0].mean().item<double>();
    const auto residual_end = result.residual_norms[-1].mean().item<double>();
    const auto x_end = result.iterates[-1];
    const double nn_start = mean_nearest(x0, reference), nn_end = mean_nearest(x_end, reference);
    const double digits = mean_nearest(test.images.narrow(0, 0, 200), reference);
    const auto mean_residual = result.residual_norms.mean(1);
    for (int64_t t = 0; t < mean_residual.size(0); ++t) {
      ctx.artifacts.add_point("ascent_residual", "mean ||r(x) - x||", static_cast<double>(t),
                              mean_residual[t].item<double>());
    }
    const auto shown = std::min<int64_t>(8, x0.size(0));
    int row = 0;
    for (const int64_t t : {0, 1, 2, 5, 10, 20, 50}) {
      if (t >= result.iterates.size(0)) break;
      ctx.artifacts.add_image_row("manifold_ascent", row++, fmt::format("step {}", t),
                                  result.iterates[t].narrow(0, 0, shown));
    }
    return {{"residual_final_over_initial", residual_end / residual_start},
            {"nn_distance_final_over_initial", nn_end / nn_start},
            {"nn_distance_final_over_test_digits", nn_end / digits},
            {"residual_initial", residual_start},
            {"residual_final", residual_end},
            {"nn_distance_initial_noise", nn_start},
            {"nn_distance_final", nn_end},
            {"nn_distance_test_digits", digits},
            {"final_pixel_range_min", x_end.min().item<double>()},
            {"final_pixel_range_max", x_end.max().item<double>()}};
  };
  return c;
}

}  // namespace

std::vector<Claim> s3_claims() {
  return {noise_training_matters_most_for_deep_models(), fine_tuning_beats_layerwise_only(),
          best_are_one_level_dae_and_fine_tuned_ddae(), interpolation_stays_near_data(),
          manifold_ascent_converges_to_data()};
}

}  // namespace aerepro::claims
