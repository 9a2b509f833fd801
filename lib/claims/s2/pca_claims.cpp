// S2.1/S2.2: PCA-30 against the source's deep AE and against a well-trained one.
#include "analysis/pca.h"
#include "claims/s2/support.h"

#include <fmt/format.h>

#include <string>
#include <vector>

namespace aerepro::claims::s2 {

namespace {

// S2's printed errors of test images 9705-9714 (002:422-544, AE then PCA per image), as its
// code computed them: the AE fed 0-255 pixels, PCA without the mean.
constexpr double kPrintedAeErrors[kSourceImageCount] = {
    4.680068175990048,  20.137397784120566, 25.641587574562777, 15.058324125918803,
    18.54981946479171,  29.477637663944755, 16.91736239540976,  19.7427275329733,
    14.054310091006618, 22.26104982183423};
constexpr double kPrintedPcaErrors[kSourceImageCount] = {
    4.906911764827694,  16.862378249952226, 16.045760637032934, 10.714796757452177,
    14.848194203327743, 20.39082317854006,  11.735866845831769, 14.356567563037238,
    13.215491086317673, 16.605809403304725};
// S2's printed per-epoch training losses of the deep AE (002:336-345).
const std::vector<double> kPrintedDeepAeLoss{0.0702, 0.0389, 0.0316, 0.0278, 0.0257,
                                             0.0242, 0.0231, 0.0220, 0.0212, 0.0206};

double printed_mean(const double (&errors)[kSourceImageCount]) {
  double sum = 0;
  for (const double e : errors) sum += e;
  return sum / static_cast<double>(kSourceImageCount);
}

double printed_pca_below_ae_count() {
  double count = 0;
  for (int64_t i = 0; i < kSourceImageCount; ++i)
    count += kPrintedPcaErrors[i] < kPrintedAeErrors[i] ? 1 : 0;
  return count;
}

// S2.1's reconstruction as its code made it: x V V^T of the uncentred image, the training mean
// neither subtracted nor added back (002:179, 002:231).
analysis::TensorMap pca_without_mean(const analysis::PcaModel& pca) {
  return [&pca](const torch::Tensor& x) {
    const auto v = pca.components.to(x.device());
    const auto flat = x.reshape({x.size(0), -1}).to(torch::kFloat64);
    return flat.matmul(v).matmul(v.t()).reshape(x.sizes()).to(x.scalar_type());
  };
}

// PCA-30's reconstruction as S2's code made it (as_made: without the mean) or as PCA makes it.
analysis::TensorMap pca_reconstruction(const analysis::PcaModel& pca, bool as_made) {
  if (as_made) return pca_without_mean(pca);
  return [&pca](const torch::Tensor& x) { return pca.reconstruct(x); };
}

// The share of test images whose per-image error under `pca` is below that under `ae`.
double pca_below_ae_fraction(ClaimContext& ctx, const analysis::TensorMap& ae,
                             const analysis::TensorMap& pca) {
  const auto test = test_images(ctx);
  return mean_of(per_image_errors(pca, test).lt(per_image_errors(ae, test)).to(torch::kFloat64));
}

// 002_3b48a90cb75fa7d6.txt:554 as S2's code measured it (as_made: the AE fed 0-255 pixels, PCA
// without the mean) or with both slips corrected.
Claim pca_beats_source_ae_claim(bool as_made) {
  Claim c;
  c.id = std::string("s2.pca_beats_source_ae") + (as_made ? "" : "_corrected");
  c.source = "S2.1, S2.2";
  c.sentence =
      std::string(
          "002:554 'It seems that, using squared error, PCA outperforms the autoencoder': with "
          "the source's deep AE (784-512-256-128-30 / 30-128-256-784, ReLU after every layer "
          "including code and output; Adam 3e-4, batch 256, 10 epochs on MNIST train), PCA-30 "
          "has the lower per-image squared error on most test images (our reading of "
          "'outperforms': on more than half of the 10,000). ") +
      (as_made ? "Measured as S2's code measured it: the AE fed the raw 0-255 test pixels, its "
                 "output divided by 255 (002:386, 413-415); PCA reconstructs x V V^T of the "
                 "uncentred image without the mean (002:179, 231). S2's evidence, the ten printed "
                 "pairs of test images 9705-9714 with PCA lower on 9, is recorded beside ours, "
                 "not asserted."
               : "CORRECTED VARIANT (read with s2.pca_beats_source_ae, the measurement as made): "
                 "the AE fed [0,1] pixels, the scale it trained on, and PCA with the training "
                 "mean subtracted and added back.");
  if (as_made) {
    // No departure from S2's method but the seeds: its deep AE cell (002:251-286), PCA
    // (002:139-194) and evaluation (002:386-415) are all shown and followed.
    c.departures[Profile::full] = {kFullAsMade, Bias::none};
    c.departures[Profile::ci] = {
        "as full, and the AE trains 5 of the source's 10 epochs (all 60,000 images): a less "
        "trained AE favours PCA. Same threshold (> 0.5)",
        Bias::easier};
  } else {
    // The two corrections are this variant's statement, not a bias: its as-made claim runs
    // S2's evaluation beside it.
    c.departures[Profile::full] = {
        "CORRECTED VARIANT: " + kFull +
            "; PCA-30 reconstructs with the training mean added back (S2's code left it out, "
            "which makes PCA worse) and the AE is fed [0,1] pixels (which helps the AE): the "
            "two corrections pull opposite ways, and s2.pca_beats_source_ae runs S2's method "
            "beside them",
        Bias::none};
    c.departures[Profile::ci] = {
        "as full, and the AE trains 5 of the source's 10 epochs (all 60,000 images): a less "
        "trained AE favours PCA. Same threshold (> 0.5)",
        Bias::easier};
  }
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"images_pca_below_ae_test_set_fraction", Comparison::greater, 0.5, 0.5, std::nullopt, ""}};
  c.evaluate = [as_made](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, deep_source_schedule());
    auto ae = train_on_schedule(ctx, recipes::source_deep_autoencoder(), deep_source_schedule(),
                                data, "S2.2 deep AE (source)");
    add_printed_curve(ctx, "S2.2 deep AE train (report, printed)", kPrintedDeepAeLoss);
    const auto pca = analysis::fit_pca(data.inputs, 30);  // S2.1
    const analysis::TensorMap ae_map =
        as_made ? fed_raw_pixels(reconstruction_of(ae.model)) : reconstruction_of(ae.model);
    const auto pca_map = pca_reconstruction(pca, as_made);

    const auto ten = source_images(ctx);
    const auto ae_ten = per_image_errors(ae_map, ten);
    const auto pca_ten = per_image_errors(pca_map, ten);
    const auto test = test_images(ctx);
    const auto ae_test = per_image_errors(ae_map, test);
    const auto pca_test = per_image_errors(pca_map, test);
    const double count = pca_ten.lt(ae_ten).sum().item<double>();
    record_ten_images(ctx, ae_map,
                      as_made ? "deep AE (source set-up, fed 0-255)" : "deep AE (source set-up)",
                      pca_map, ae_ten, pca_ten);
    // S2's printed numbers measure its own evaluation: they stand beside the as-made values.
    const auto printed = [as_made](double v) { return as_made ? v : std::nan(""); };

    std::vector<Measurement> out{
        {"images_pca_below_ae_test_set_fraction",
         mean_of(pca_test.lt(ae_test).to(torch::kFloat64))},
        {"images_pca_below_ae_of_10", count, printed(printed_pca_below_ae_count())},
        {"ae_mean_error_10_images", mean_of(ae_ten), printed(printed_mean(kPrintedAeErrors))},
        {"pca_mean_error_10_images", mean_of(pca_ten), printed(printed_mean(kPrintedPcaErrors))},
        {"ae_minus_pca_mean_error_test_set", mean_of(ae_test) - mean_of(pca_test)},
        {"ae_mean_error_test_set", mean_of(ae_test)},
        {"pca_mean_error_test_set", mean_of(pca_test)},
        {"ae_first_epoch_train_loss",
         ae.history.epochs.empty() ? std::nan("") : ae.history.epochs.front().train_loss,
         kPrintedDeepAeLoss.front()},
        {"ae_final_train_loss", ae.history.final_train_loss(), kPrintedDeepAeLoss.back()},
    };
    for (int64_t i = 0; i < kSourceImageCount; ++i) {
      out.push_back({fmt::format("ae_minus_pca_error_image_{}", kFirstSourceImage + i),
                     ae_ten[i].item<double>() - pca_ten[i].item<double>(),
                     printed(kPrintedAeErrors[i] - kPrintedPcaErrors[i])});
    }
    return out;
  };
  // 002:554 cannot hold where the AE reconstructs perfectly. No model is trained.
  c.control.stands_in =
      "the identity map in the AE's place (a perfect reconstruction, no error on any image): "
      "PCA-30 cannot have the lower error on a single image";
  c.control.evaluate = [as_made](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, deep_source_schedule());
    const auto pca = analysis::fit_pca(data.inputs, 30);
    const auto ae = as_made ? fed_raw_pixels(identity_map()) : identity_map();
    return {{"images_pca_below_ae_test_set_fraction",
             pca_below_ae_fraction(ctx, ae, pca_reconstruction(pca, as_made))}};
  };
  return c;
}

}  // namespace

Claim pca_beats_source_ae() {
  return pca_beats_source_ae_claim(/*as_made=*/true);
}

Claim pca_beats_source_ae_corrected() {
  return pca_beats_source_ae_claim(/*as_made=*/false);
}

Claim well_trained_ae_beats_pca() {
  Claim c;
  c.id = "s2.well_trained_ae_beats_pca";
  c.origin = ClaimOrigin::brief;
  c.source = "S2.1, S2.2 (the brief's headline 1)";
  c.sentence =
      "The brief's headline check 1, its second half (S2 trains no such AE and states the "
      "opposite, 002:554): a well-trained 30-d deep AE (S2.2's layers with a linear code and a "
      "sigmoid output; our "
      "set-up, not the source's: Adam 1e-3, batch 256, 30 epochs on MNIST train) has a lower "
      "mean per-image squared test error than PCA-30 (the classic Hinton & Salakhutdinov 2006 "
      "result, 3.00 vs 13.87). Asserted: PCA mean test error - AE mean test error > 0.";
  // The brief's own check of a well-trained AE, not S2's method: its set-up is the check's
  // statement, so nothing departs from it.
  c.departures[Profile::full] = {
      "the brief's check, not S2's method (S2 trains no such AE): the AE set-up is ours (see the "
      "sentence), trained and evaluated on [0,1] pixels (S2's 0-255 test inputs, 002:386, are a "
      "slip of its own method, not of this check); PCA-30 with the mean added back, the standard "
      "PCA; model initialisation and batch order follow the run's seed",
      Bias::none};
  c.departures[Profile::ci] = {
      "as full, and 10 of the 30 epochs (all 60,000 images), same threshold (> 0): a "
      "shorter-trained AE can only make the claim harder",
      Bias::harder};
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"pca_minus_ae_mean_test_error", Comparison::greater, 0.0, 0.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, deep_well_schedule());
    auto ae = train_on_schedule(ctx, recipes::well_trained_deep_autoencoder(), deep_well_schedule(),
                                data, "S2.2 deep AE (well-trained)");
    const auto pca = analysis::fit_pca(data.inputs, 30);  // S2.1
    const auto pca_map = [&pca](const torch::Tensor& x) { return pca.reconstruct(x); };
    const auto test = test_images(ctx);
    const double ae_err = mean_of(per_image_errors(reconstruction_of(ae.model), test));
    const double pca_err = mean_of(per_image_errors(pca_map, test));
    const auto ten = source_images(ctx);
    record_ten_images(ctx, reconstruction_of(ae.model), "deep AE (well-trained)", pca_map,
                      per_image_errors(reconstruction_of(ae.model), ten),
                      per_image_errors(pca_map, ten));
    ctx.artifacts.add_point(FigureId::mean_test_error, "mean per-image test error",
                            "deep AE (well-trained)", ae_err);
    ctx.artifacts.add_point(FigureId::mean_test_error, "mean per-image test error", "PCA-30",
                            pca_err);
    return {
        {"pca_minus_ae_mean_test_error", pca_err - ae_err},
        {"ae_mean_error_test_set", ae_err, 3.00},
        {"pca_mean_error_test_set", pca_err, 13.87},
        {"ae_mean_error_10_images", mean_of(per_image_errors(reconstruction_of(ae.model), ten))},
        {"pca_mean_error_10_images", mean_of(per_image_errors(pca_map, ten))},
        {"ae_final_train_loss", ae.history.final_train_loss()},
    };
  };
  // An AE that has learned nothing cannot beat PCA: the same recipe and seed, never trained.
  c.control.stands_in =
      "the well-trained AE's recipe initialised only (same seed, never trained: a sigmoid output "
      "near 0.5 on every pixel): an untrained AE cannot reconstruct better than PCA-30";
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, deep_well_schedule());
    const auto pca = analysis::fit_pca(data.inputs, 30);
    auto ae = initialised_only(ctx, recipes::well_trained_deep_autoencoder());
    const auto test = test_images(ctx);
    return {{"pca_minus_ae_mean_test_error",
             mean_of(per_image_errors(pca_reconstruction(pca, false), test)) -
                 mean_of(per_image_errors(reconstruction_of(ae), test))}};
  };
  return c;
}

}  // namespace aerepro::claims::s2
