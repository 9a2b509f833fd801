// S2.5/S2.6: the sparse penalty's cost and its silenced units.
#include "analysis/chunked_inference.h"
#include "analysis/metrics.h"
#include "claims/s2/support.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace aerepro::claims::s2 {

namespace {

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
      ctx.artifacts.add_point(FigureId::activation_histogram, name, (b + 0.5) * width,
                              counts[b].item<double>());
    }
  }
  ctx.artifacts.add_image_row(FigureId::first_layer_filters, 0, "standard AE 256",
                              analysis::filter_images(standard->encoder->weight, 16));
  ctx.artifacts.add_image_row(FigureId::first_layer_filters, 1, "sparse AE lambda=4e-6",
                              analysis::filter_images(sparse->encoder->weight, 16));
}

// The fraction of (image, hidden unit) pairs whose ReLU activation is > 0, the images fed at
// `scale` (255: S2's raw pixels, 002:1165-1194; 1: the [0,1] pixels the models trained on).
double active_fraction(models::ShallowAutoencoder& model, const torch::Tensor& images,
                       double scale) {
  torch::NoGradGuard no_grad;
  double active = 0, total = 0;
  analysis::for_each_chunk(images.size(0), kEvalChunk, [&](int64_t start, int64_t count) {
    const auto h = model->encode(images.narrow(0, start, count) * scale);
    active += analysis::active_fraction(h) * static_cast<double>(h.numel());
    total += static_cast<double>(h.numel());
  });
  return active / total;
}

// The share of hidden units active on at least one of `images`, fed at `scale`.
double units_ever_active(models::ShallowAutoencoder& model, const torch::Tensor& images,
                         double scale) {
  torch::NoGradGuard no_grad;
  torch::Tensor ever;
  analysis::for_each_chunk(images.size(0), kEvalChunk, [&](int64_t start, int64_t count) {
    const auto on = model->encode(images.narrow(0, start, count) * scale).gt(0).any(0);
    ever = ever.defined() ? ever.logical_or(on) : on;
  });
  return ever.to(torch::kFloat64).mean().item<double>();
}

const std::vector<double> kLambdas{0.6e-6, 1.5e-6, 4e-6};  // S2.6

// The asserted drop of the active fraction over kLambdas: the smaller of the two.
double min_active_drop(const std::vector<double>& active) {
  return std::min(active[0] - active[1], active[1] - active[2]);
}

// S2.6's sparse AE for `lambda` initialised only. The penalty enters only the objective, so
// every lambda gets one and the same net: the penalty has had no chance to act.
models::ShallowAutoencoder untrained_sparse_ae(ClaimContext& ctx, double lambda) {
  return initialised_only(ctx, recipes::sparse_autoencoder(lambda));
}
const std::string kUntrainedSparse =
    "the sparse AEs initialised only (same recipe and seed, never trained: one and the same net "
    "for every lambda)";
// What every sparse claim's departures say of S2's training cell, and of ci's shortening.
const std::string kSparseCell =
    "; S2's sparse training cell is cut off (002:1076): the MSE + L1 loss and Adam 3e-4 are read "
    "from what is shown, and its printed losses (002:1085-1130) lie inside our seeds' intervals "
    "but for the first epoch at lambda 1.5e-6 (0.0494, 1 % above), so they pick this reading";
const std::string kSparseCi =
    "the sparse AEs train on a seeded 10,000-image subset of MNIST train for 3 of the 5 epochs";

// 002_3b48a90cb75fa7d6.txt:1417 "in the case of smaller regularization parameter the active neurons
// are more", as S2 looked at them (activations of images fed raw 0-255 pixels) or on [0,1] pixels.
Claim smaller_penalty_claim(bool as_made) {
  Claim c;
  c.id = std::string("s2.smaller_penalty_keeps_more_units_active") + (as_made ? "" : "_corrected");
  c.source = "S2.6";
  c.sentence =
      std::string(
          "002:1417 'As expected in the case of smaller regularization parameter the active "
          "neurons are more!': of S2.6's sparse AEs (784-1156-784 ReLU, MSE + lambda*||h||_1, "
          "5 epochs), the smaller lambda leaves more hidden units active (ReLU > 0) on test "
          "images. Asserted: the smaller of the two drops of the active fraction, lambda 0.6e-6 "
          "-> 1.5e-6 -> 4e-6, > 0 (over all test images and units). ") +
      (as_made ? "Measured as S2 looked at them: the activations of images fed raw 0-255 "
                 "pixels (002:1165-1194, drawn at 002:1233)."
               : "CORRECTED VARIANT (read with s2.smaller_penalty_keeps_more_units_active, the "
                 "measurement as made): the images fed as [0,1] pixels, the scale the models "
                 "trained on.");
  // Nothing of unknown direction: S2's evaluation or its correction (the as-made claim beside
  // it), its cut-off cell's reading (its printed losses pick it), more images than its ten.
  c.departures[Profile::full] = {
      (as_made ? kFullAsMade : "CORRECTED VARIANT: " + kFull) + kSparseCell +
          "; S2 looked at ten images (9705-9714), we count over the test set",
      Bias::none};
  c.departures[Profile::ci] = ci_departure(
      c.departures[Profile::full],
      kSparseCi +
          "; same threshold (> 0): less training leaves more units active at every lambda, in "
          "an unknown balance");
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"min_active_fraction_drop_over_lambda", Comparison::greater, 0.0, 0.0, std::nullopt, ""}};
  c.evaluate = [as_made](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, sparse_schedule());
    const auto test = test_images(ctx);
    std::vector<double> active;
    std::vector<Measurement> evidence;
    for (const double lambda : kLambdas) {
      auto trained = train_on_schedule(ctx, recipes::sparse_autoencoder(lambda), sparse_schedule(),
                                       data, "S2.6 sparse AE lambda=" + fmt_g(lambda));
      active.push_back(active_fraction(trained.model, test, as_made ? 255.0 : 1.0));
      ctx.artifacts.add_point(FigureId::active_fraction_vs_lambda, "active hidden units (test)",
                              fmt_g(lambda), active.back());
      evidence.push_back({"active_fraction_lambda_" + fmt_g(lambda), active.back()});
    }
    std::vector<Measurement> out{{"min_active_fraction_drop_over_lambda", min_active_drop(active)}};
    out.insert(out.end(), evidence.begin(), evidence.end());
    return out;
  };
  c.control.stands_in =
      kUntrainedSparse + ": a penalty that never acted leaves no lambda more units active";
  c.control.evaluate = [as_made](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto test = test_images(ctx);
    std::vector<double> active;
    for (const double lambda : kLambdas) {
      auto model = untrained_sparse_ae(ctx, lambda);
      active.push_back(active_fraction(model, test, as_made ? 255.0 : 1.0));
    }
    return {{"min_active_fraction_drop_over_lambda", min_active_drop(active)}};
  };
  return c;
}

// 002_3b48a90cb75fa7d6.txt:1221 "when the regularization parameter is too big the reconstruction is
// not good", as S2 measured it (images fed raw 0-255 pixels, output / 255) or on [0,1] pixels.
Claim large_penalty_claim(bool as_made) {
  Claim c;
  c.id = std::string("s2.large_penalty_spoils_reconstruction") + (as_made ? "" : "_corrected");
  c.source = "S2.6";
  c.sentence =
      std::string(
          "002:1221 'As said in the assignment, when the regularization parameter is too big "
          "the reconstruction is not good': of S2.6's sparse AEs, the one with the largest "
          "lambda (4e-6) reconstructs test images worse than the one with the smallest "
          "(0.6e-6). Asserted (our reading of 'too big'): mean per-image squared test error at "
          "4e-6 minus that at 0.6e-6 > 0. ") +
      (as_made ? "Measured as S2 measured it: images fed raw 0-255 pixels, outputs divided by "
                 "255 (002:1165-1211). S2's own printed errors of test image 9707 (18.66 at "
                 "4e-6, 23.97 at 0.6e-6, 002:1215-1217) go the other way; they are recorded "
                 "beside ours."
               : "CORRECTED VARIANT (read with s2.large_penalty_spoils_reconstruction, the "
                 "measurement as made): the images fed as [0,1] pixels, the scale the models "
                 "trained on.");
  // As smaller_penalty_claim: nothing of unknown direction.
  c.departures[Profile::full] = {(as_made ? kFullAsMade : "CORRECTED VARIANT: " + kFull) +
                                     kSparseCell +
                                     "; S2 printed one image (9707), we assert on the test set",
                                 Bias::none};
  c.departures[Profile::ci] = ci_departure(
      c.departures[Profile::full],
      kSparseCi + "; same threshold (> 0); which way shorter training moves the gap is not known");
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {{"largest_minus_smallest_lambda_mean_test_error", Comparison::greater, 0.0, 0.0,
                   std::nullopt, ""}};
  c.evaluate = [as_made](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, sparse_schedule());
    const auto test = test_images(ctx);
    const auto ten = source_images(ctx);
    // S2's printed errors of test image 9707 (`i = 2`, 002:1197), as made.
    const double printed_9707[] = {23.967658199365104, 17.51135038485359, 18.661011526632535};
    std::vector<double> errors, errors_9707;
    std::vector<Measurement> evidence;
    for (size_t i = 0; i < kLambdas.size(); ++i) {
      auto trained =
          train_on_schedule(ctx, recipes::sparse_autoencoder(kLambdas[i]), sparse_schedule(), data,
                            "S2.6 sparse AE lambda=" + fmt_g(kLambdas[i]));
      const auto model = reconstruction_of(trained.model);
      const analysis::TensorMap map = as_made ? fed_raw_pixels(model) : model;
      errors.push_back(mean_of(per_image_errors(map, test)));
      errors_9707.push_back(per_image_errors(map, ten)[9707 - kFirstSourceImage].item<double>());
      const auto tag = fmt_g(kLambdas[i]);
      evidence.push_back({"mean_test_error_lambda_" + tag, errors.back()});
      evidence.push_back({"error_image_9707_lambda_" + tag, errors_9707.back(),
                          as_made ? printed_9707[i] : std::nan("")});
    }
    std::vector<Measurement> out{
        {"largest_minus_smallest_lambda_mean_test_error", errors.back() - errors.front()},
        {"largest_minus_smallest_lambda_error_image_9707", errors_9707.back() - errors_9707.front(),
         as_made ? printed_9707[2] - printed_9707[0] : std::nan("")}};
    out.insert(out.end(), evidence.begin(), evidence.end());
    return out;
  };
  c.control.stands_in =
      kUntrainedSparse + ": a penalty that never acted cannot spoil the reconstruction";
  c.control.evaluate = [as_made](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto test = test_images(ctx);
    std::vector<double> errors;
    for (const double lambda : {kLambdas.front(), kLambdas.back()}) {
      const analysis::TensorMap model = reconstruction_of(untrained_sparse_ae(ctx, lambda));
      errors.push_back(mean_of(per_image_errors(as_made ? fed_raw_pixels(model) : model, test)));
    }
    return {{"largest_minus_smallest_lambda_mean_test_error", errors.back() - errors.front()}};
  };
  return c;
}

}  // namespace

Claim large_penalty_spoils_reconstruction() {
  return large_penalty_claim(/*as_made=*/true);
}

Claim large_penalty_spoils_reconstruction_corrected() {
  return large_penalty_claim(/*as_made=*/false);
}

Claim smaller_penalty_keeps_more_units_active() {
  return smaller_penalty_claim(/*as_made=*/true);
}

Claim smaller_penalty_keeps_more_units_active_corrected() {
  return smaller_penalty_claim(/*as_made=*/false);
}

Claim sparse_penalty_raises_loss_and_silences_units() {
  Claim c;
  c.id = "s2.sparse_penalty_raises_loss_and_silences_units";
  c.source = "S2.3, S2.6";
  c.sentence =
      "An over-complete 784-1156-784 ReLU AE trained 5 epochs (Adam 3e-4, batch 256) with "
      "MSE + lambda*||h||_1 (summed over batch and units) has a higher final training loss for "
      "larger lambda in {0.6e-6, 1.5e-6, 4e-6} (002:1162); at lambda = 4e-6 its hidden units "
      "are mostly inactive on test images (002:1417 'many of the neurons are switched to zero') "
      "while in the standard AE (S2.3's 256-unit AE, the report's model_256) 'ALL the neurons "
      "are active' (002:1417). A unit is ACTIVE on an image when its ReLU activation is > 0; "
      "the active fraction is over all test images and units. Asserted: the smaller of the two "
      "loss increases > 0; sparse active fraction < 0.5; standard active fraction > 0.99 (our "
      "reading of 'ALL': S2 saw it in a 16 x 16 picture of the 256 units per image, in which "
      "2 or 3 black pixels may pass unseen); their ratio < 0.5.";
  c.departures[Profile::full] = {
      kFull + kSparseCell +
          "; its printed losses agree with ours but for the first epoch at lambda 1.5e-6 "
          "(0.0494, 1 % above our seeds' interval); 'ALL the neurons are active' is held as more "
          "than 99 % of (image, unit) pairs active (the tolerance is ours), over the test set "
          "where S2 looked at ten images fed 0-255 pixels (recorded beside it). The tolerance "
          "lets a standard AE with up to 1 % of its units silent pass 'ALL': it can only favour "
          "the claim",
      Bias::easier,
      {{WhyUnknown::variant_not_run,
        "the active fractions on the 0-255 inputs S2 looked at (its ten images are recorded "
        "beside ours as evidence, active_fraction_standard_ae_256_ten_images_fed_0_255): a "
        "variant asserting them, the full checkpoints re-evaluated, no training, seconds a seed"},
       no_measure_for("'many of the neurons are switched to zero' (002:1417, seen in pictures "
                      "of ten images' codes)")}};
  c.departures[Profile::ci] = ci_departure(
      c.departures[Profile::full],
      kSparseCi +
          "; the standard AE is S2.3's x = 256 AE as trained in ci (5 of 10 epochs, all images); "
          "same thresholds. Less training leaves more units active in both: unknown net "
          "direction",
      Bias::easier);
  c.departures[Profile::ci].unknown_because.push_back(
      {WhyUnknown::full_profile_undoes_it,
       "ci trains shorter: which way that moves the claim is not known"});
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"min_loss_increase_over_lambda", Comparison::greater, 0.0, 0.0, std::nullopt, ""},
      {"active_fraction_sparse_lambda_4e-06", Comparison::less, 0.5, 0.5, std::nullopt, ""},
      {"active_fraction_standard_ae_256", Comparison::greater, 0.99, 0.99, std::nullopt, ""},
      {"active_fraction_ratio_sparse_over_standard", Comparison::less, 0.5, 0.5, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    // The standard AE shares S2.3's set-up, so it reads S2.3's training data first.
    const auto clean_data = training_images(ctx, undercomplete_schedule());
    auto standard = undercomplete_ae(ctx, clean_data, 256);
    const auto data = training_images(ctx, sparse_schedule());
    const auto& lambdas = kLambdas;
    std::vector<models::ShallowAutoencoder> sparse;
    std::vector<train::TrainHistory> histories;
    for (const double lambda : lambdas) {
      auto trained = train_on_schedule(ctx, recipes::sparse_autoencoder(lambda), sparse_schedule(),
                                       data, "S2.6 sparse AE lambda=" + fmt_g(lambda));
      histories.push_back(trained.history);
      sparse.push_back(trained.model);
    }
    const auto test = test_images(ctx);
    // S2's printed per-epoch losses (002:1085-1101 and 1109-1126; lambda 1.5e-6 and 0.6e-6 by
    // the print order, the training cell is cut; lambda 4e-6's block is not in the file).
    const std::vector<std::vector<double>> printed_loss{
        {0.0359, 0.0163, 0.0131, 0.0115, 0.0106}, {0.0494, 0.0248, 0.0203, 0.0180, 0.0165}, {}};
    std::vector<Measurement> evidence;
    std::vector<double> loss, active;
    const double standard_active = active_fraction(standard.model, test, 1.0);
    ctx.artifacts.add_point(FigureId::active_fraction_vs_lambda, "active hidden units (test)",
                            "standard AE 256", standard_active);
    for (size_t i = 0; i < lambdas.size(); ++i) {
      loss.push_back(histories[i].final_train_loss());
      active.push_back(active_fraction(sparse[i], test, 1.0));
      const auto tag = fmt_g(lambdas[i]);
      ctx.artifacts.add_point(FigureId::loss_vs_lambda, "final training loss", tag, loss.back());
      ctx.artifacts.add_point(FigureId::active_fraction_vs_lambda, "active hidden units (test)",
                              tag, active.back());
      const bool printed = !printed_loss[i].empty();
      if (printed) {
        add_printed_curve(ctx, "S2.6 sparse AE lambda=" + tag + " train (report, printed)",
                          printed_loss[i]);
      }
      evidence.push_back({"first_epoch_train_loss_lambda_" + tag,
                          histories[i].epochs.front().train_loss,
                          printed ? printed_loss[i].front() : std::nan("")});
      evidence.push_back({"final_train_loss_lambda_" + tag, loss.back(),
                          printed ? printed_loss[i].back() : std::nan("")});
      evidence.push_back({"active_fraction_lambda_" + tag, active.back()});
      evidence.push_back({"mean_test_error_lambda_" + tag,
                          mean_of(per_image_errors(reconstruction_of(sparse[i]), test))});
    }
    evidence.push_back({"mean_test_error_standard_ae_256",
                        mean_of(per_image_errors(reconstruction_of(standard.model), test))});
    // 002:1417 'ALL the neurons are active', as S2 saw it (ten images fed 0-255 pixels,
    // 002:1165-1194), and as a count of units never active on any test image.
    evidence.push_back({"active_fraction_standard_ae_256_ten_images_fed_0_255",
                        active_fraction(standard.model, source_images(ctx), 255.0)});
    evidence.push_back({"units_active_on_some_test_image_share_standard_ae_256",
                        units_ever_active(standard.model, test, 1.0)});
    record_sparse_activations(ctx, standard.model, sparse.back(), test);
    std::vector<Measurement> out{
        {"min_loss_increase_over_lambda", std::min(loss[1] - loss[0], loss[2] - loss[1])},
        {"active_fraction_sparse_lambda_4e-06", active[2]},
        {"active_fraction_standard_ae_256", standard_active},
        {"active_fraction_ratio_sparse_over_standard", active[2] / standard_active}};
    out.insert(out.end(), evidence.begin(), evidence.end());
    return out;
  };
  // No training: the loss each lambda's objective gives the untrained net, and its units.
  c.control.stands_in =
      kUntrainedSparse +
      ", and S2.3's 256-unit AE initialised only: a penalty that never acted silences no units "
      "(about half of a random ReLU layer's are active), and an untrained standard AE does not "
      "have all its units active. Its loss still rises with lambda: the penalty term is part "
      "of the loss";
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, sparse_schedule());
    const auto test = test_images(ctx);
    std::vector<double> loss;
    for (const double lambda : kLambdas) {
      loss.push_back(untrained_loss(ctx, recipes::sparse_autoencoder(lambda), data,
                                    kControlLossImages, train::Corruption::none()));
    }
    auto sparse = untrained_sparse_ae(ctx, kLambdas.back());
    auto standard = initialised_only(ctx, recipes::undercomplete_autoencoder(256));
    const double sparse_active = active_fraction(sparse, test, 1.0);
    const double standard_active = active_fraction(standard, test, 1.0);
    return {{"min_loss_increase_over_lambda", std::min(loss[1] - loss[0], loss[2] - loss[1])},
            {"active_fraction_sparse_lambda_4e-06", sparse_active},
            {"active_fraction_standard_ae_256", standard_active},
            {"active_fraction_ratio_sparse_over_standard", sparse_active / standard_active}};
  };
  return c;
}

}  // namespace aerepro::claims::s2
