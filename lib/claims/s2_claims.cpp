// The claims of S2 (Programming Assignment 3): PCA vs AE, hidden size, out-of-distribution
// inputs, sparse and denoising AEs, the 8-d manifold, the three convolutional AEs.
#include "analysis/latent.h"
#include "analysis/metrics.h"
#include "analysis/pca.h"
#include "claims/claim_support.h"
#include "claims/source_claims.h"
#include "common/compat.h"
#include "data/splits.h"
#include "models/bottleneck_ae.h"
#include "models/conv_ae.h"
#include "models/deep_ae.h"
#include "models/shallow_ae.h"
#include "train/objectives.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace aerepro::claims {
namespace s2 {  // per source: unity builds join these files
namespace {

using data::Split;

// S2: the ten MNIST test images 9705…9714 (one of each digit) the source reports errors on.
constexpr int64_t kFirstSourceImage = 9705;
constexpr int64_t kSourceImageCount = 10;
constexpr int64_t kBatch = 256;       // S2: batch 256 throughout
constexpr double kDenseLr = 3e-4;     // S2: fully connected AEs
constexpr double kConvLr = 1e-3;      // S2.9
constexpr int64_t kEvalChunk = 1000;  // images per forward pass when evaluating

// How much of the training set, and for how many epochs, a set-up trains in each profile.
struct Schedule {
  PerProfile<int64_t> images;
  PerProfile<int64_t> epochs;
};

// S2.2, claim 1(a): the source's deep AE, 10 epochs on 60k.
const Schedule kDeepSource{{256, 60000, 60000}, {1, 5, 10}};
// Claim 1(b): our "well-trained" deep AE (not in the source): Adam 1e-3.
const Schedule kDeepWell{{256, 60000, 60000}, {1, 10, 30}};
constexpr double kDeepWellLr = 1e-3;
// S2.3 (and the standard AE of S2.4 and S2.7): x ∈ {64, 128, 256}, 10 epochs.
const Schedule kUndercomplete{{256, 60000, 60000}, {1, 5, 10}};
// S2.6: over-complete 1156 AE, 5 epochs.
const Schedule kSparse{{256, 10000, 60000}, {1, 3, 5}};
// S2.7: DAEs, 5 epochs.
const Schedule kDenoising{{256, 60000, 60000}, {1, 2, 5}};
// S2.8: the 784→64→8 AE, 10 epochs (cheap: the source's set-up in ci too).
const Schedule kBottleneck{{256, 60000, 60000}, {1, 10, 10}};
// S2.9: conv AEs, 5 epochs.
const Schedule kConv{{256, 10000, 60000}, {1, 2, 5}};
// Test images the whole-test-set means use.
const PerProfile<int64_t> kTestImages{500, 10000, 10000};

// Every S2 claim in full: what differs from the report's run of it.
const std::string kFull =
    "evaluated on [0,1] pixels (S2 evaluated on 0-255: a measurement slip, corrected); model "
    "initialisation and batch order follow the run's seed (the source ran once)";
const Departure kSmoke{"wiring only: 256 training images, 1 epoch, 500 test images; no verdict",
                       Bias::unknown};
const std::string kCaveat0255 = "S2 computed its errors on 0-255 pixels";

// The training images of a schedule: all of MNIST train, or a seeded subset of it (the same
// subset for every claim with the same size and seed, so shared models share their data).
// Callers load no other split before training, so the checkpoint key's data checksum agrees
// across claims.
train::TrainData training_images(ClaimContext& ctx, const Schedule& schedule) {
  const auto& train = mnist(ctx, Split::train);
  const int64_t n = schedule.images(ctx.profile);
  if (n >= train.size()) return {train.images, {}};
  return {data::random_subset(train, n, ctx.seed).images, {}};
}

torch::Tensor test_images(ClaimContext& ctx) {
  const auto& test = mnist(ctx, Split::test);
  return test.images.narrow(0, 0, std::min(kTestImages(ctx.profile), test.size()));
}

// S2: the ten source images.
torch::Tensor source_images(ClaimContext& ctx) {
  return mnist(ctx, Split::test).images.narrow(0, kFirstSourceImage, kSourceImageCount);
}

// (N) float64 CPU per-image squared errors of reconstruct(inputs) against targets, in chunks.
torch::Tensor per_image_errors(const analysis::TensorMap& reconstruct, const torch::Tensor& inputs,
                               const torch::Tensor& targets) {
  torch::NoGradGuard no_grad;
  std::vector<torch::Tensor> parts;
  for (int64_t start = 0; start < inputs.size(0); start += kEvalChunk) {
    const auto count = std::min(kEvalChunk, inputs.size(0) - start);
    const auto out = reconstruct(inputs.narrow(0, start, count));
    parts.push_back(analysis::per_image_squared_error(out, targets.narrow(0, start, count))
                        .to(torch::kCPU, torch::kFloat64));
  }
  return torch::cat(parts);
}

torch::Tensor per_image_errors(const analysis::TensorMap& reconstruct,
                               const torch::Tensor& images) {
  return per_image_errors(reconstruct, images, images);
}

double mean_of(const torch::Tensor& t) {
  return t.mean().item<double>();
}

template <typename Model>
analysis::TensorMap reconstruction_of(Model model) {
  return [model](const torch::Tensor& x) mutable { return model->forward(x).reconstruction; };
}

template <typename Model>
train::TrainHistory train_model(Model& model, ClaimContext& ctx, const std::string& description,
                                const train::Objective& objective, const train::TrainData& data,
                                const Schedule& schedule, double lr, const std::string& label,
                                train::Corruption corruption = {}) {
  model->to(ctx.device);
  auto opts = training_options(ctx, label, schedule.epochs(ctx.profile), kBatch, lr);
  opts.corruption = corruption;
  auto history = train_cached(*model, description, objective, data, opts, ctx);
  model->eval();
  return history;
}

// --- S2.2 deep AE --------------------------------------------------------------------------
std::string describe_deep(const models::DeepAutoencoderOptions& o) {
  return fmt::format("DeepAutoencoder 784-512-256-128-{} / {}-128-256-784 code={} output={}",
                     o.code_size, o.code_size, models::to_string(o.code_activation),
                     models::to_string(o.output_activation));
}

struct Trained {
  models::DeepAutoencoder model{nullptr};
  train::TrainHistory history;
};

Trained train_deep(ClaimContext& ctx, const train::TrainData& data,
                   const models::DeepAutoencoderOptions& options, const Schedule& schedule,
                   double lr, const std::string& label) {
  auto model = train::seeded<models::DeepAutoencoder>(ctx.seed, options);
  auto history = train_model(model, ctx, describe_deep(options),
                             train::reconstruction_objective(model), data, schedule, lr, label);
  return {model, history};
}

// --- S2.3 x-AEs (shared by S2.3, S2.4 and S2.7) ----------------------------------------------
struct TrainedShallow {
  models::ShallowAutoencoder model{nullptr};
  train::TrainHistory history;
};

std::string describe_shallow(const models::ShallowAutoencoderOptions& o) {
  return fmt::format("ShallowAutoencoder 784-{}-784 hidden=relu output={}", o.hidden,
                     models::to_string(o.output_activation));
}

// S2.3: the standard (clean-trained) AE with x hidden units; the identical description and
// options in S2.3, S2.4 and S2.7 let the checkpoint store train each once per seed.
TrainedShallow undercomplete_ae(ClaimContext& ctx, const train::TrainData& data, int64_t hidden) {
  const auto options = models::undercomplete_autoencoder_options(hidden);
  auto model = train::seeded<models::ShallowAutoencoder>(ctx.seed, options);
  auto history =
      train_model(model, ctx, describe_shallow(options), train::reconstruction_objective(model),
                  data, kUndercomplete, kDenseLr, fmt::format("S2.3 AE x={}", hidden));
  return {model, history};
}

std::string fmt_g(double v) {
  return fmt::format("{:g}", v);
}

// For the report: the per-image errors of the ten source images (bars) and the images with
// both reconstructions.
void record_ten_images(ClaimContext& ctx, const analysis::TensorMap& ae, const std::string& ae_name,
                       const analysis::TensorMap& pca, const torch::Tensor& ae_errors,
                       const torch::Tensor& pca_errors) {
  for (int64_t i = 0; i < kSourceImageCount; ++i) {
    const auto x = std::to_string(kFirstSourceImage + i);
    ctx.artifacts.add_point("per_image_error", ae_name, x, ae_errors[i].item<double>());
    ctx.artifacts.add_point("per_image_error", "PCA-30", x, pca_errors[i].item<double>());
  }
  torch::NoGradGuard no_grad;
  const auto ten = source_images(ctx);
  ctx.artifacts.add_image_row("reconstructions", 0, "test images 9705-9714", ten);
  ctx.artifacts.add_image_row("reconstructions", 1, ae_name, ae(ten));
  ctx.artifacts.add_image_row("reconstructions", 2, "PCA-30", pca(ten));
}

// ============================================================================================
Claim pca_beats_source_ae() {
  Claim c;
  c.id = "s2.pca_beats_source_ae";
  c.source = "S2.1, S2.2";
  c.sentence =
      "With the source's deep AE (784-512-256-128-30 / 30-128-256-784, ReLU after every layer "
      "including code and output; Adam 3e-4, batch 256, 10 epochs on MNIST train), PCA-30 "
      "(with the mean) has a lower per-image squared error than the AE on 9 of the 10 test "
      "images 9705-9714 (both on [0,1] inputs). Asserted: the number of those images where "
      "PCA < AE, mean over seeds, >= 9.";
  // ci, seeds 0-2: 9, 10, 10 of 10 images (AE 18.3-20.5 vs PCA 13.70 on the ten).
  c.departures[Profile::full] = {
      kFull +
          "; PCA-30 reconstructs with the training mean added back (S2.1's code left the "
          "mean out, a slip that makes PCA worse; not run as made here), which favours PCA",
      Bias::easier};
  c.departures[Profile::ci] = {
      "as full, and the AE trains 5 of the source's 10 epochs (all 60,000 images): a less "
      "trained AE favours PCA. Same threshold (>= 9 of 10)",
      Bias::easier};
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"images_pca_below_ae_of_10", Comparison::greater_equal, 9.0, 9.0, 9.0, kCaveat0255}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, kDeepSource);
    auto ae = train_deep(ctx, data, models::source_deep_autoencoder_options(), kDeepSource,
                         kDenseLr, "S2.2 deep AE (source)");
    const auto pca = analysis::fit_pca(data.inputs, 30);  // S2.1
    const auto pca_map = [&pca](const torch::Tensor& x) { return pca.reconstruct(x); };

    const auto ten = source_images(ctx);
    const auto ae_ten = per_image_errors(reconstruction_of(ae.model), ten);
    const auto pca_ten = per_image_errors(pca_map, ten);
    const auto test = test_images(ctx);
    const auto ae_test = per_image_errors(reconstruction_of(ae.model), test);
    const auto pca_test = per_image_errors(pca_map, test);
    const double count = pca_ten.lt(ae_ten).sum().item<double>();
    record_ten_images(ctx, reconstruction_of(ae.model), "deep AE (source set-up)", pca_map, ae_ten,
                      pca_ten);

    std::vector<Measurement> out{
        {"images_pca_below_ae_of_10", count, 9},
        {"ae_mean_error_10_images", mean_of(ae_ten), 19.65},
        {"pca_mean_error_10_images", mean_of(pca_ten), 14.97},
        {"ae_mean_error_test_set", mean_of(ae_test)},
        {"pca_mean_error_test_set", mean_of(pca_test)},
        {"images_pca_below_ae_test_set_fraction",
         mean_of(pca_test.lt(ae_test).to(torch::kFloat64))},
        {"ae_final_train_loss", ae.history.final_train_loss(), 0.0206},
    };
    for (int64_t i = 0; i < kSourceImageCount; ++i) {
      out.push_back({fmt::format("ae_minus_pca_error_image_{}", kFirstSourceImage + i),
                     ae_ten[i].item<double>() - pca_ten[i].item<double>()});
    }
    return out;
  };
  return c;
}

Claim well_trained_ae_beats_pca() {
  Claim c;
  c.id = "s2.well_trained_ae_beats_pca";
  c.source = "S2.1, S2.2";
  c.sentence =
      "A well-trained 30-d deep AE (S2.2's layers with a linear code and a sigmoid output; our "
      "set-up, not the source's: Adam 1e-3, batch 256, 30 epochs on MNIST train) has a lower "
      "mean per-image squared test error than PCA-30 (the classic Hinton & Salakhutdinov 2006 "
      "result, 3.00 vs 13.87). Asserted: PCA mean test error - AE mean test error > 0.";
  c.departures[Profile::full] = {
      kFull +
          "; the AE set-up is ours, not S2's (see the sentence); PCA-30 with the mean added "
          "back, the stronger PCA",
      Bias::none};
  c.departures[Profile::ci] = {
      "as full, and 10 of the 30 epochs (all 60,000 images), same threshold (> 0): a "
      "shorter-trained AE can only make the claim harder",
      Bias::harder};
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"pca_minus_ae_mean_test_error", Comparison::greater, 0.0, 0.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, kDeepWell);
    auto ae = train_deep(ctx, data, models::well_trained_deep_autoencoder_options(), kDeepWell,
                         kDeepWellLr, "S2.2 deep AE (well-trained)");
    const auto pca = analysis::fit_pca(data.inputs, 30);  // S2.1
    const auto pca_map = [&pca](const torch::Tensor& x) { return pca.reconstruct(x); };
    const auto test = test_images(ctx);
    const double ae_err = mean_of(per_image_errors(reconstruction_of(ae.model), test));
    const double pca_err = mean_of(per_image_errors(pca_map, test));
    const auto ten = source_images(ctx);
    record_ten_images(ctx, reconstruction_of(ae.model), "deep AE (well-trained)", pca_map,
                      per_image_errors(reconstruction_of(ae.model), ten),
                      per_image_errors(pca_map, ten));
    ctx.artifacts.add_point("mean_test_error", "mean per-image test error",
                            "deep AE (well-trained)", ae_err);
    ctx.artifacts.add_point("mean_test_error", "mean per-image test error", "PCA-30", pca_err);
    return {
        {"pca_minus_ae_mean_test_error", pca_err - ae_err},
        {"ae_mean_error_test_set", ae_err, 3.00},
        {"pca_mean_error_test_set", pca_err, 13.87},
        {"ae_mean_error_10_images", mean_of(per_image_errors(reconstruction_of(ae.model), ten))},
        {"pca_mean_error_10_images", mean_of(per_image_errors(pca_map, ten)), 14.97},
        {"ae_final_train_loss", ae.history.final_train_loss()},
    };
  };
  return c;
}

// ============================================================================================
Claim error_falls_with_hidden_size() {
  Claim c;
  c.id = "s2.error_falls_with_hidden_size";
  c.source = "S2.3";
  c.sentence =
      "Single-hidden-layer AEs 784-x-784 (ReLU, Adam 3e-4, batch 256, 10 epochs) reconstruct the "
      "MNIST test set better as x grows over 64, 128, 256. Asserted: min(err64 - err128, "
      "err128 - err256) > 0 on the mean per-image test error.";
  c.departures[Profile::full] = {kFull, Bias::none};
  c.departures[Profile::ci] = {
      "5 of the 10 epochs (all 60,000 images); same threshold (> 0); which way shorter training "
      "moves the gaps between sizes is not known",
      Bias::unknown};
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {{"min_error_drop_64_128_256", Comparison::greater, 0.0, 0.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, kUndercomplete);
    std::vector<TrainedShallow> aes;
    for (const auto x : models::undercomplete_hidden_sizes())
      aes.push_back(undercomplete_ae(ctx, data, x));
    const auto test = test_images(ctx);
    const auto ten = source_images(ctx);
    std::vector<double> err;
    std::vector<Measurement> evidence;
    const double source_loss[] = {0.0120, 0.0070, 0.0043};
    for (size_t i = 0; i < aes.size(); ++i) {
      const auto x = models::undercomplete_hidden_sizes()[i];
      err.push_back(mean_of(per_image_errors(reconstruction_of(aes[i].model), test)));
      ctx.artifacts.add_point("error_vs_hidden_size", "mean per-image test error",
                              static_cast<double>(x), err.back());
      evidence.push_back({fmt::format("mean_test_error_x{}", x), err.back()});
      evidence.push_back({fmt::format("mean_error_10_images_x{}", x),
                          mean_of(per_image_errors(reconstruction_of(aes[i].model), ten))});
      evidence.push_back({fmt::format("final_train_loss_x{}", x), aes[i].history.final_train_loss(),
                          source_loss[i]});
    }
    std::vector<Measurement> out{
        {"min_error_drop_64_128_256", std::min(err[0] - err[1], err[1] - err[2])}};
    out.insert(out.end(), evidence.begin(), evidence.end());
    return out;
  };
  return c;
}

Claim ood_error_far_above_in_distribution() {
  Claim c;
  c.id = "s2.ood_error_far_above_in_distribution";
  c.source = "S2.4";
  c.sentence =
      "Non-digit inputs through the S2.3 x-AEs (x = 64, 128, 256) are reconstructed poorly: the "
      "mean per-image error on Fashion-MNIST test images (the source used KMNIST) and on uniform "
      "random images is far above the error on MNIST test images. Asserted, for each OOD kind: "
      "the smallest over x of OOD error / in-distribution error > 3 ('far above': larger than "
      "the whole in-distribution effect of a 4x hidden size, 0.0120/0.0043 = 2.8 in S2.3).";
  c.departures[Profile::full] = {
      kFull +
          "; Fashion-MNIST test images stand in for KMNIST (not obtainable offline); 1,000 "
          "uniform images; the threshold 3 is ours (the source says 'poor')",
      Bias::unknown};
  c.departures[Profile::ci] = {
      "as full, with the x-AEs of s2.error_falls_with_hidden_size as trained there (5 of 10 "
      "epochs); same threshold (3)",
      Bias::unknown};
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"min_ratio_fashion_over_mnist_error", Comparison::greater, 3.0, 3.0, std::nullopt, ""},
      {"min_ratio_uniform_over_mnist_error", Comparison::greater, 3.0, 3.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, kUndercomplete);  // before any other split (keys)
    std::vector<TrainedShallow> aes;
    for (const auto x : models::undercomplete_hidden_sizes())
      aes.push_back(undercomplete_ae(ctx, data, x));
    const auto test = test_images(ctx);
    const auto& fashion = fashion_mnist(ctx, Split::test);
    const auto fashion_images = fashion.images.narrow(0, 0, std::min(test.size(0), fashion.size()));
    auto gen = compat::make_generator(ctx.device, ctx.seed + 2004);
    const auto uniform =
        torch::rand({std::min<int64_t>(1000, test.size(0)), 1, 28, 28}, gen, test.options());
    double min_fashion = std::numeric_limits<double>::infinity();
    double min_uniform = std::numeric_limits<double>::infinity();
    std::vector<Measurement> evidence;
    for (size_t i = 0; i < aes.size(); ++i) {
      const auto x = models::undercomplete_hidden_sizes()[i];
      const auto r = reconstruction_of(aes[i].model);
      const double in = mean_of(per_image_errors(r, test));
      const double fa = mean_of(per_image_errors(r, fashion_images));
      const double un = mean_of(per_image_errors(r, uniform));
      min_fashion = std::min(min_fashion, fa / in);
      const auto series = fmt::format("x={}", x);
      ctx.artifacts.add_point("ood_error", series, "MNIST test", in);
      ctx.artifacts.add_point("ood_error", series, "Fashion-MNIST test", fa);
      ctx.artifacts.add_point("ood_error", series, "uniform noise", un);
      if (i + 1 == aes.size()) {
        torch::NoGradGuard no_grad;
        const auto some_fashion = fashion_images.narrow(0, 0, 8);
        const auto some_uniform = uniform.narrow(0, 0, 8);
        ctx.artifacts.add_image_row("ood_reconstructions", 0, "Fashion-MNIST", some_fashion);
        ctx.artifacts.add_image_row("ood_reconstructions", 1, series + " AE", r(some_fashion));
        ctx.artifacts.add_image_row("ood_reconstructions", 2, "uniform noise", some_uniform);
        ctx.artifacts.add_image_row("ood_reconstructions", 3, series + " AE", r(some_uniform));
      }
      min_uniform = std::min(min_uniform, un / in);
      evidence.push_back({fmt::format("mnist_test_error_x{}", x), in});
      evidence.push_back({fmt::format("fashion_error_x{}", x), fa});
      evidence.push_back({fmt::format("uniform_error_x{}", x), un});
    }
    std::vector<Measurement> out{{"min_ratio_fashion_over_mnist_error", min_fashion},
                                 {"min_ratio_uniform_over_mnist_error", min_uniform}};
    out.insert(out.end(), evidence.begin(), evidence.end());
    return out;
  };
  return c;
}

// For the report: a histogram of the hidden activations on 1,000 test images (the standard AE
// against the sparsest), and the first 16 encoder filters of each (S2.5).
void record_sparse_activations(ClaimContext& ctx, models::ShallowAutoencoder& standard,
                               models::ShallowAutoencoder& sparse, const torch::Tensor& test) {
  torch::NoGradGuard no_grad;
  const auto some = test.narrow(0, 0, std::min<int64_t>(1000, test.size(0)));
  const auto h_standard = standard->encode(some).flatten().to(torch::kCPU, torch::kFloat64);
  const auto h_sparse = sparse->encode(some).flatten().to(torch::kCPU, torch::kFloat64);
  const double top = std::max(h_standard.max().item<double>(), h_sparse.max().item<double>());
  constexpr int kBins = 40;
  const double width = top > 0 ? top / kBins : 1.0;
  for (const auto& [name, h] :
       {std::pair<const char*, const torch::Tensor*>{"standard AE 256", &h_standard},
        {"sparse AE lambda=4e-6", &h_sparse}}) {
    const auto bins = (*h / width).floor().clamp(0, kBins - 1).to(torch::kInt64);
    const auto counts =
        torch::bincount(bins, {}, kBins).to(torch::kFloat64) / static_cast<double>(h->numel());
    for (int b = 0; b < kBins; ++b) {
      ctx.artifacts.add_point("activation_histogram", name, (b + 0.5) * width,
                              counts[b].item<double>());
    }
  }
  ctx.artifacts.add_image_row("first_layer_filters", 0, "standard AE 256",
                              analysis::filter_images(standard->encoder->weight, 16));
  ctx.artifacts.add_image_row("first_layer_filters", 1, "sparse AE lambda=4e-6",
                              analysis::filter_images(sparse->encoder->weight, 16));
}

// ============================================================================================
Claim sparse_penalty_raises_loss_and_silences_units() {
  Claim c;
  c.id = "s2.sparse_penalty_raises_loss_and_silences_units";
  c.source = "S2.3, S2.6";
  c.sentence =
      "An over-complete 784-1156-784 ReLU AE trained 5 epochs (Adam 3e-4, batch 256) with "
      "MSE + lambda*||h||_1 (summed over batch and units) has a higher final training loss for "
      "larger lambda in {0.6e-6, 1.5e-6, 4e-6}; at lambda = 4e-6 its hidden units are mostly "
      "inactive on test images while the standard AE's (S2.3's 256-unit AE, the report's "
      "model_256) are mostly active. A unit is ACTIVE on an image when its ReLU activation is "
      "> 0; the active fraction is over all test images and units. Asserted: the smaller of the "
      "two loss increases > 0; sparse active fraction < 0.5; standard active fraction > 0.5; "
      "their ratio < 0.5.";
  c.departures[Profile::full] = {kFull, Bias::none};
  c.departures[Profile::ci] = {
      "the sparse AEs train on a seeded 10,000-image subset of MNIST train for 3 of the 5 "
      "epochs; the standard AE is S2.3's x = 256 AE as trained in ci (5 of 10 epochs, all "
      "images); same thresholds. Less training leaves more units active in both: unknown net "
      "direction",
      Bias::unknown};
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"min_loss_increase_over_lambda", Comparison::greater, 0.0, 0.0, std::nullopt, ""},
      {"active_fraction_sparse_lambda_4e-06", Comparison::less, 0.5, 0.5, std::nullopt, ""},
      {"active_fraction_standard_ae_256", Comparison::greater, 0.5, 0.5, std::nullopt, ""},
      {"active_fraction_ratio_sparse_over_standard", Comparison::less, 0.5, 0.5, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    // The standard AE shares S2.3's set-up, so it reads S2.3's training data first.
    const auto clean_data = training_images(ctx, kUndercomplete);
    auto standard = undercomplete_ae(ctx, clean_data, 256);
    const auto data = training_images(ctx, kSparse);
    const auto options = models::sparse_autoencoder_options();
    const std::vector<double> lambdas{0.6e-6, 1.5e-6, 4e-6};  // S2.6
    std::vector<models::ShallowAutoencoder> sparse;
    std::vector<train::TrainHistory> histories;
    for (const double lambda : lambdas) {
      auto model = train::seeded<models::ShallowAutoencoder>(ctx.seed, options);
      histories.push_back(train_model(model, ctx,
                                      describe_shallow(options) + " l1_hidden=" + fmt_g(lambda),
                                      train::sparse_reconstruction_objective(model, lambda), data,
                                      kSparse, kDenseLr, "S2.6 sparse AE lambda=" + fmt_g(lambda)));
      sparse.push_back(model);
    }
    const auto test = test_images(ctx);
    // The fraction of (test image, hidden unit) pairs with activation > 0.
    const auto active_fraction = [&](models::ShallowAutoencoder& model) {
      torch::NoGradGuard no_grad;
      double active = 0, total = 0;
      for (int64_t start = 0; start < test.size(0); start += kEvalChunk) {
        const auto h =
            model->encode(test.narrow(0, start, std::min(kEvalChunk, test.size(0) - start)));
        active += analysis::active_fraction(h) * static_cast<double>(h.numel());
        total += static_cast<double>(h.numel());
      }
      return active / total;
    };
    std::vector<Measurement> evidence;
    std::vector<double> loss, active;
    const double standard_active = active_fraction(standard.model);
    ctx.artifacts.add_point("active_fraction_vs_lambda", "active hidden units (test)",
                            "standard AE 256", standard_active);
    for (size_t i = 0; i < lambdas.size(); ++i) {
      loss.push_back(histories[i].final_train_loss());
      active.push_back(active_fraction(sparse[i]));
      const auto tag = fmt_g(lambdas[i]);
      ctx.artifacts.add_point("loss_vs_lambda", "final training loss", tag, loss.back());
      ctx.artifacts.add_point("active_fraction_vs_lambda", "active hidden units (test)", tag,
                              active.back());
      evidence.push_back({"final_train_loss_lambda_" + tag, loss.back()});
      evidence.push_back({"active_fraction_lambda_" + tag, active.back()});
      evidence.push_back({"mean_test_error_lambda_" + tag,
                          mean_of(per_image_errors(reconstruction_of(sparse[i]), test))});
    }
    evidence.push_back({"mean_test_error_standard_ae_256",
                        mean_of(per_image_errors(reconstruction_of(standard.model), test))});
    record_sparse_activations(ctx, standard.model, sparse.back(), test);
    std::vector<Measurement> out{
        {"min_loss_increase_over_lambda", std::min(loss[1] - loss[0], loss[2] - loss[1])},
        {"active_fraction_sparse_lambda_4e-06", active[2]},
        {"active_fraction_standard_ae_256", standard_active},
        {"active_fraction_ratio_sparse_over_standard", active[2] / standard_active}};
    out.insert(out.end(), evidence.begin(), evidence.end());
    return out;
  };
  return c;
}

// ============================================================================================
Claim dae_beats_ae_on_noisy_inputs() {
  Claim c;
  c.id = "s2.dae_beats_ae_on_noisy_inputs";
  c.source = "S2.7";
  c.sentence =
      "Denoising AEs 784-256-784 (ReLU) trained 5 epochs on x + sigma*N(0,1) (no clamp) against "
      "clean x, sigma in {0.3, 0.5, 0.8, 0.9}, reconstruct sigma-noisy MNIST test images better "
      "than the standard x = 256 AE of S2.3 (trained on clean data), and their error rises with "
      "sigma. Asserted on the mean per-image test error against the clean images: min over "
      "sigma of (AE error - DAE error) > 0, and min over consecutive sigmas of the DAE error "
      "increase > 0.";
  c.departures[Profile::full] = {kFull + "; the standard AE is S2.3's x = 256 AE", Bias::none};
  c.departures[Profile::ci] = {
      "DAEs train 2 of the 5 epochs (all 60,000 images); the standard AE is S2.3's x = 256 AE "
      "as trained in ci (5 of 10 epochs); same thresholds (> 0); both sides are less trained, "
      "in an unknown balance",
      Bias::unknown};
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"min_ae_minus_dae_noisy_error", Comparison::greater, 0.0, 0.0, std::nullopt, ""},
      {"min_dae_error_rise_with_sigma", Comparison::greater, 0.0, 0.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    // The standard AE shares S2.3's set-up, so both read the same training data first.
    const auto clean_data = training_images(ctx, kUndercomplete);
    auto standard = undercomplete_ae(ctx, clean_data, 256);
    const auto data = training_images(ctx, kDenoising);
    const std::vector<double> sigmas{0.3, 0.5, 0.8, 0.9};  // S2.7
    const double source_error[] = {11.31, 17.00, 21.49, 26.77};
    const auto options = models::denoising_autoencoder_options();
    std::vector<models::ShallowAutoencoder> daes;
    std::vector<train::TrainHistory> histories;
    for (const double sigma : sigmas) {
      auto model = train::seeded<models::ShallowAutoencoder>(ctx.seed, options);
      histories.push_back(train_model(model, ctx, describe_shallow(options),
                                      train::reconstruction_objective(model), data, kDenoising,
                                      kDenseLr, "S2.7 DAE sigma=" + fmt_g(sigma),
                                      train::Corruption::gaussian(sigma)));
      daes.push_back(model);
    }
    const auto test = test_images(ctx);
    const auto ten = source_images(ctx);
    std::vector<double> dae_err, ae_err;
    std::vector<Measurement> evidence;
    for (size_t i = 0; i < sigmas.size(); ++i) {
      // A fixed noise draw per sigma, the same for the DAE and the standard AE.
      auto gen = compat::make_generator(ctx.device, ctx.seed + 7000 + i);
      const auto noisy = train::Corruption::gaussian(sigmas[i]).apply(test, gen);
      const auto noisy_ten = train::Corruption::gaussian(sigmas[i]).apply(ten, gen);
      dae_err.push_back(mean_of(per_image_errors(reconstruction_of(daes[i]), noisy, test)));
      ae_err.push_back(mean_of(per_image_errors(reconstruction_of(standard.model), noisy, test)));
      const auto tag = fmt_g(sigmas[i]);
      ctx.artifacts.add_point("error_vs_sigma", "DAE (trained at this sigma)", sigmas[i],
                              dae_err.back());
      ctx.artifacts.add_point("error_vs_sigma", "standard AE x=256", sigmas[i], ae_err.back());
      if (i == 1) {  // sigma = 0.5
        torch::NoGradGuard no_grad;
        ctx.artifacts.add_image_row("denoising", 0, "original", ten);
        ctx.artifacts.add_image_row("denoising", 1, "noisy sigma=0.5", noisy_ten);
        ctx.artifacts.add_image_row("denoising", 2, "DAE sigma=0.5",
                                    reconstruction_of(daes[i])(noisy_ten));
        ctx.artifacts.add_image_row("denoising", 3, "standard AE",
                                    reconstruction_of(standard.model)(noisy_ten));
      }
      evidence.push_back({"dae_test_error_sigma_" + tag, dae_err.back()});
      evidence.push_back({"ae_test_error_sigma_" + tag, ae_err.back()});
      evidence.push_back({"dae_error_10_images_sigma_" + tag,
                          mean_of(per_image_errors(reconstruction_of(daes[i]), noisy_ten, ten)),
                          source_error[i]});
      evidence.push_back({"dae_final_train_loss_sigma_" + tag, histories[i].final_train_loss()});
    }
    double min_gap = std::numeric_limits<double>::infinity();
    double min_rise = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < sigmas.size(); ++i) min_gap = std::min(min_gap, ae_err[i] - dae_err[i]);
    for (size_t i = 1; i < sigmas.size(); ++i)
      min_rise = std::min(min_rise, dae_err[i] - dae_err[i - 1]);
    std::vector<Measurement> out{{"min_ae_minus_dae_noisy_error", min_gap},
                                 {"min_dae_error_rise_with_sigma", min_rise}};
    out.insert(out.end(), evidence.begin(), evidence.end());
    return out;
  };
  return c;
}

// ============================================================================================
Claim latent_noise_small_keeps_huge_destroys() {
  Claim c;
  c.id = "s2.latent_noise_small_keeps_huge_destroys";
  c.source = "S2.8";
  c.sentence =
      "For the 784-64-8-64-784 ReLU AE (Adam 3e-4, batch 256, 10 epochs), Gaussian noise of "
      "sigma = 0.1 on the 8-d codes of test images keeps the reconstruction (error close to the "
      "clean reconstruction's) and sigma = 500 destroys it. Asserted: error(0.1) / clean error "
      "< 1.5 and error(500) / clean error > 5 (mean per-image test error against the input).";
  c.departures[Profile::full] = {
      kFull + "; the thresholds 1.5 and 5 are ours (the source shows images)", Bias::unknown};
  c.departures[Profile::ci] = {"as full (the model is cheap): the source's set-up, same thresholds",
                               Bias::unknown};
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"error_ratio_sigma_0.1_over_clean", Comparison::less, 1.5, 1.5, std::nullopt, ""},
      {"error_ratio_sigma_500_over_clean", Comparison::greater, 5.0, 5.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, kBottleneck);
    const models::BottleneckAutoencoderOptions options;  // S2.8: 64, 8
    auto model = train::seeded<models::BottleneckAutoencoder>(ctx.seed, options);
    const auto history = train_model(model, ctx,
                                     fmt::format("BottleneckAutoencoder 784-{}-{}-{}-784 relu",
                                                 options.hidden, options.code_size, options.hidden),
                                     train::reconstruction_objective(model), data, kBottleneck,
                                     kDenseLr, "S2.8 AE 8-d code");
    const auto test = test_images(ctx);
    const double clean = mean_of(per_image_errors(reconstruction_of(model), test));
    const std::vector<double> sigmas{0.1, 0.5, 0.8, 500};  // S2.8
    std::vector<double> noisy;
    std::vector<Measurement> evidence{{"clean_test_error", clean},
                                      {"final_train_loss", history.final_train_loss(), 0.0406}};
    for (size_t i = 0; i < sigmas.size(); ++i) {
      auto gen = compat::make_generator(ctx.device, ctx.seed + 8000 + i);
      const auto map = [&](const torch::Tensor& x) {
        return model->decode(analysis::add_latent_noise(model->encode(x), sigmas[i], gen));
      };
      noisy.push_back(mean_of(per_image_errors(map, test)));
      ctx.artifacts.add_point("error_vs_latent_noise", "noisy codes", sigmas[i], noisy.back());
      ctx.artifacts.add_point("error_vs_latent_noise", "clean codes", sigmas[i], clean);
      torch::NoGradGuard no_grad;
      const auto ten = source_images(ctx);
      if (i == 0) {
        ctx.artifacts.add_image_row("latent_noise", 0, "input", ten);
        ctx.artifacts.add_image_row("latent_noise", 1, "clean codes",
                                    reconstruction_of(model)(ten));
      }
      ctx.artifacts.add_image_row("latent_noise", static_cast<int>(i) + 2,
                                  "code noise sigma=" + fmt_g(sigmas[i]), map(ten));
      evidence.push_back({"latent_noise_test_error_sigma_" + fmt_g(sigmas[i]), noisy.back()});
    }
    {
      torch::NoGradGuard no_grad;
      const auto codes = model->encode(test);
      evidence.push_back({"code_std_mean_over_units", codes.std(0).mean().item<double>()});
    }
    std::vector<Measurement> out{{"error_ratio_sigma_0.1_over_clean", noisy[0] / clean},
                                 {"error_ratio_sigma_500_over_clean", noisy[3] / clean}};
    out.insert(out.end(), evidence.begin(), evidence.end());
    return out;
  };
  return c;
}

// ============================================================================================
Claim conv_aes_reach_low_loss() {
  Claim c;
  c.id = "s2.conv_aes_reach_low_loss";
  c.source = "S2.9";
  c.sentence =
      "The three conv AEs of S2.9 (shared 3-conv encoder; decoders (a) unpooling + conv, "
      "(b) transposed convs, (c) unpooling + stride-1 transposed convs), Adam 1e-3, batch 256, "
      "5 epochs, reach a low training MSE: (a) 0.0085 after 5 epochs, (b) 0.0427 in the first "
      "epoch. Asserted (full): (a) final loss < 0.0085 (the source's figure), (b) first-epoch "
      "loss < 0.0427 (the source's figure), (c) final loss < 0.0085 (no source figure: held to "
      "its sibling (a)'s).";
  c.departures[Profile::full] = {
      kFull +
          "; S2 printed single figures, so each is held with a tolerance of +25 % "
          "(a faithful rerun lands above or below one printed figure by chance): (a) final "
          "< 0.0085 x 1.25, (b) first epoch < 0.0427 x 1.25, (c) final < 0.0085 x 1.25 "
          "((c) has no printed figure: held to its sibling (a)'s)",
      Bias::none};
  c.departures[Profile::ci] = {
      "2 epochs of a seeded 10,000-image subset of MNIST train (80 steps instead of 1,175): "
      "ci cannot test the printed losses on 2 CPU cores, so it asserts only that each AE "
      "trains: its second epoch's mean loss below half its first's",
      Bias::unknown};
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"a_unpool_conv_final_loss", Comparison::less, std::nullopt, 0.0085 * 1.25, 0.0085, ""},
      {"b_deconv_first_epoch_loss", Comparison::less, std::nullopt, 0.0427 * 1.25, 0.0427, ""},
      {"c_unpool_deconv_final_loss", Comparison::less, std::nullopt, 0.0085 * 1.25, std::nullopt,
       ""},
      {"a_unpool_conv_final_over_first_epoch_loss", Comparison::less, 0.5, std::nullopt,
       std::nullopt, ""},
      {"b_deconv_final_over_first_epoch_loss", Comparison::less, 0.5, std::nullopt, std::nullopt,
       ""},
      {"c_unpool_deconv_final_over_first_epoch_loss", Comparison::less, 0.5, std::nullopt,
       std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, kConv);
    const std::vector<models::ConvDecoder> decoders{models::ConvDecoder::unpool_conv,
                                                    models::ConvDecoder::deconv,
                                                    models::ConvDecoder::unpool_deconv};
    const char* names[] = {"a_unpool_conv", "b_deconv", "c_unpool_deconv"};
    const double printed_final[] = {0.0085, NAN, NAN};
    const double printed_first[] = {0.0429, 0.0427, NAN};
    std::vector<Measurement> out;
    for (size_t i = 0; i < decoders.size(); ++i) {
      models::ConvAutoencoderOptions options;
      options.decoder = decoders[i];
      auto model = train::seeded<models::ConvAutoencoder>(ctx.seed, options);
      const auto h =
          train_model(model, ctx, "ConvAutoencoder decoder=" + models::to_string(decoders[i]),
                      train::reconstruction_objective(model), data, kConv, kConvLr,
                      "S2.9 conv AE " + models::to_string(decoders[i]));
      const double first = h.epochs.front().train_loss;
      const double last = h.final_train_loss();
      out.push_back({fmt::format("{}_final_loss", names[i]), last, printed_final[i]});
      out.push_back({fmt::format("{}_first_epoch_loss", names[i]), first, printed_first[i]});
      out.push_back({fmt::format("{}_final_over_first_epoch_loss", names[i]), last / first});
      // An all-zero output (the output ReLU died) has the loss of predicting 0: flag it per seed.
      torch::NoGradGuard no_grad;
      const auto sample = data.inputs.narrow(0, 0, std::min<int64_t>(1000, data.size()));
      out.push_back(
          {fmt::format("{}_output_collapsed_to_zero", names[i]),
           model->forward(sample).reconstruction.max().item<double>() == 0.0 ? 1.0 : 0.0});
    }
    return out;
  };
  return c;
}

}  // namespace
}  // namespace s2

std::vector<Claim> s2_claims() {
  using namespace s2;
  return {pca_beats_source_ae(),
          well_trained_ae_beats_pca(),
          error_falls_with_hidden_size(),
          ood_error_far_above_in_distribution(),
          sparse_penalty_raises_loss_and_silences_units(),
          dae_beats_ae_on_noisy_inputs(),
          latent_noise_small_keeps_huge_destroys(),
          conv_aes_reach_low_loss()};
}

}  // namespace aerepro::claims
