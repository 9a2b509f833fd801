// S2.1/S2.2: PCA-30 against the source's deep AE and against a well-trained one.
#include "analysis/pca.h"
#include "claims/s2/support.h"

#include <fmt/format.h>

#include <string>
#include <vector>

namespace aerepro::claims::s2 {

Claim pca_beats_source_ae() {
  Claim c;
  c.id = "s2.pca_beats_source_ae";
  c.source = "S2.1, S2.2";
  c.sentence =
      "002:554 'It seems that, using squared error, PCA outperforms the autoencoder': with the "
      "source's deep AE (784-512-256-128-30 / 30-128-256-784, ReLU after every layer including "
      "code and output; Adam 3e-4, batch 256, 10 epochs on MNIST train), PCA-30 has the lower "
      "per-image squared error on most test images (our reading of 'outperforms': on more than "
      "half of the 10,000). S2's evidence, the ten printed pairs of test images 9705-9714 with "
      "PCA lower on 9, is recorded beside ours, not asserted.";
  // ci, seeds 0-2: 9, 10, 10 of 10 images (AE 18.3-20.5 vs PCA 13.70 on the ten).
  c.departures[Profile::full] = {
      kFull +
          "; PCA-30 reconstructs with the training mean added back (S2.1's code left the "
          "mean out, a slip that makes PCA worse; not run as made here), which favours PCA",
      Bias::easier};
  c.departures[Profile::ci] = {
      "as full, and the AE trains 5 of the source's 10 epochs (all 60,000 images): a less "
      "trained AE favours PCA. Same threshold (> 0.5)",
      Bias::easier};
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"images_pca_below_ae_test_set_fraction", Comparison::greater, 0.5, 0.5, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, deep_source_schedule());
    auto ae = train_on_schedule(ctx, recipes::source_deep_autoencoder(), deep_source_schedule(),
                                data, "S2.2 deep AE (source)");
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
        {"images_pca_below_ae_test_set_fraction",
         mean_of(pca_test.lt(ae_test).to(torch::kFloat64))},
        {"images_pca_below_ae_of_10", count, 9},
        // The means of S2's ten printed errors (002, after its ten images; S2 fed the models raw
        // 0-255 pixels, so they measure another evaluation than ours).
        {"ae_mean_error_10_images", mean_of(ae_ten), 18.652},
        {"pca_mean_error_10_images", mean_of(pca_ten), 13.968},
        {"ae_minus_pca_mean_error_test_set", mean_of(ae_test) - mean_of(pca_test)},
        {"ae_mean_error_test_set", mean_of(ae_test)},
        {"pca_mean_error_test_set", mean_of(pca_test)},
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
  c.origin = ClaimOrigin::brief;
  c.source = "S2.1, S2.2 (the brief's headline 1)";
  c.sentence =
      "The brief's headline check 1, its second half (S2 trains no such AE and states the "
      "opposite, 002:554): a well-trained 30-d deep AE (S2.2's layers with a linear code and a "
      "sigmoid output; our "
      "set-up, not the source's: Adam 1e-3, batch 256, 30 epochs on MNIST train) has a lower "
      "mean per-image squared test error than PCA-30 (the classic Hinton & Salakhutdinov 2006 "
      "result, 3.00 vs 13.87). Asserted: PCA mean test error - AE mean test error > 0.";
  c.departures[Profile::full] = {
      kFull +
          "; the AE set-up is ours, not S2's (see the sentence); PCA-30 with the mean added "
          "back, the stronger PCA",
      Bias::unknown};
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
  return c;
}

}  // namespace aerepro::claims::s2
