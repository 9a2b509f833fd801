// S3: the ISPR midterm — one-level and stacked (D)AEs (layer-wise pretrained, fine-tuned),
// latent interpolation and manifold ascent. The models: s3/support.h.
#include "analysis/latent.h"
#include "analysis/metrics.h"
#include "claims/claim_support.h"
#include "claims/s3/departure_bias.h"
#include "claims/s3/interpolation.h"
#include "claims/s3/six_errors.h"
#include "claims/s3/support.h"
#include "claims/source_claims.h"
#include "common/compat.h"
#include "train/corruption.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace aerepro::claims {
namespace s3 {  // per source: unity builds join these files
namespace {

Claim noise_training_matters_most_for_deep_models(StackReading reading) {
  Claim c;
  c.id = claim_id("noise_training_matters_most_for_deep_models", reading);
  c.source = "S3.7";
  c.sentence =
      "003:748, noise in training matters 'particularly in the deep architectures': on noisy "
      "test inputs (x + 0.4·N), training with noise lowers the error more for the deep "
      "(layer-wise and fine-tuned) autoencoders than for the one-level one.";
  if (reading == StackReading::as_made) {
    c.sentence +=
        " As made it holds only through the report's sigmoid slip on the deeper stack level: the "
        "slip raises the layer-wise AE's error (noisy-test MSE 0.0500 as made, 0.0190 corrected; "
        "full record, 5 seeds), and with it the layer-wise gain; corrected, the layer-wise gain "
        "is no larger than the one-level one (the _corrected claim).";
  }
  declare_departures(c, reading,
                     std::string("; asserted: both deep gains (layer-wise, fine-tuned) exceed the "
                                 "one-level gain, gain = MSE(AE) - MSE(DAE)") +
                         (reading == StackReading::as_made
                              ? ". The as-made layer-wise gain rests on the sigmoid slip (the "
                                "layer-wise AE's MSE 0.0500 as made, 0.0190 corrected): read "
                                "with the corrected claim"
                              : ""));
  declare_departure_bias(c);
  c.assertions = {
      {"layerwise_gain_minus_one_level_gain", Comparison::greater, 0.0, 0.0, std::nullopt, ""},
      {"fine_tuned_gain_minus_one_level_gain", Comparison::greater, 0.0, 0.0, std::nullopt, ""}};
  const SixMetrics metrics = [](const SixErrors& e) -> std::vector<Measurement> {
    const double one = e.ae - e.dae, layerwise = e.layerwise_ae - e.layerwise_dae,
                 fine_tuned = e.fine_tuned_ae - e.fine_tuned_dae;
    return {{"layerwise_gain_minus_one_level_gain", layerwise - one},
            {"fine_tuned_gain_minus_one_level_gain", fine_tuned - one},
            {"gain_one_level", one},
            {"gain_layerwise", layerwise},
            {"gain_fine_tuned", fine_tuned}};
  };
  c.evaluate = on_six_trained(reading, metrics);
  // 003:748 credits the noise in training: where training added no noise, no gain can differ.
  c.control = on_six_untrained(
      reading,
      "the six models initialised only (same recipes and seed, never trained): each AE and its "
      "DAE are then one network, as if trained with zero noise, so noise cannot lower any "
      "model's error, the deep ones' no more than the one-level one's",
      metrics);
  return c;
}

Claim fine_tuning_beats_layerwise_only(StackReading reading) {
  Claim c;
  c.id = claim_id("fine_tuning_beats_layerwise_only", reading);
  c.origin = ClaimOrigin::harness;
  c.source = "S3.6, S3.7";
  c.sentence =
      "The harness's own comparison (003 never states it; its conclusions, 003:746-752, rank "
      "the one-level DAE and the fine-tuned deep DAE best): fine-tuning the stacked AE and DAE "
      "end to end lowers their noisy-test MSE below that of layer-wise pretraining alone.";
  declare_departures(c, reading);
  declare_departure_bias(c);
  c.assertions = {
      {"ae_layerwise_minus_fine_tuned_mse", Comparison::greater, 0.0, 0.0, std::nullopt, ""},
      {"dae_layerwise_minus_fine_tuned_mse", Comparison::greater, 0.0, 0.0, std::nullopt, ""}};
  const SixMetrics metrics = [](const SixErrors& e) -> std::vector<Measurement> {
    return {{"ae_layerwise_minus_fine_tuned_mse", e.layerwise_ae - e.fine_tuned_ae},
            {"dae_layerwise_minus_fine_tuned_mse", e.layerwise_dae - e.fine_tuned_dae}};
  };
  c.evaluate = on_six_trained(reading, metrics);
  c.control = on_six_untrained(
      reading,
      "the six models initialised only (same recipes and seed, never trained): each layer-wise "
      "stack and its fine-tuned one are then one network, as if fine-tuning had not run, so "
      "fine-tuning cannot lower their error",
      metrics);
  return c;
}

Claim best_are_one_level_dae_and_fine_tuned_ddae(StackReading reading) {
  Claim c;
  c.id = claim_id("best_are_one_level_dae_and_fine_tuned_ddae", reading);
  c.source = "S3.7";
  c.sentence =
      "003:746 'the best models are the one level DAE and the Fine tuned deep DAE': of the six "
      "models, these two have the lowest MSE on noisy test inputs.";
  declare_departures(c, reading,
                     "; asserted: the margin min(other four MSEs) - max(one-level DAE, "
                     "fine-tuned DDAE) > 0; the 0/1 indicator is evidence");
  declare_departure_bias(c);
  c.assertions = {
      {"others_min_minus_best_two_max_mse", Comparison::greater, 0.0, 0.0, std::nullopt, ""}};
  const SixMetrics metrics = [](const SixErrors& e) -> std::vector<Measurement> {
    const double best = std::max(e.dae, e.fine_tuned_dae);
    const double others = std::min({e.ae, e.layerwise_ae, e.layerwise_dae, e.fine_tuned_ae});
    return {{"others_min_minus_best_two_max_mse", others - best},
            {"best_two_are_dae_and_fine_tuned_ddae", others > best ? 1.0 : 0.0}};
  };
  c.evaluate = on_six_trained(reading, metrics, /*training=*/true);
  c.control = on_six_untrained(
      reading,
      "the six models initialised only (same recipes and seed, never trained): the one-level "
      "DAE is then the same network as the one-level AE, and the fine-tuned deep DAE the same "
      "as the layer-wise one, so neither can be strictly better than the other four",
      metrics);
  return c;
}

// 003:746: "the one level DAE has a slightly lower MSE, so the flatten model is the best".
Claim one_level_dae_has_the_lowest_mse(StackReading reading) {
  Claim c;
  c.id = claim_id("one_level_dae_has_the_lowest_mse", reading);
  c.source = "S3.7";
  c.sentence =
      "003:746, the one-level DAE 'has the slightly lower MSE' than the fine-tuned deep DAE, the "
      "other of the two best: its noisy-test MSE is the lower of the two.";
  declare_departures(c, reading,
                     "; asserted: MSE(fine-tuned deep DAE) - MSE(one-level DAE) > 0 on the noisy "
                     "test inputs");
  declare_departure_bias(c);
  c.assertions = {
      {"fine_tuned_dae_minus_one_level_dae_mse", Comparison::greater, 0.0, 0.0, std::nullopt, ""}};
  const SixMetrics metrics = [](const SixErrors& e) -> std::vector<Measurement> {
    return {{"fine_tuned_dae_minus_one_level_dae_mse", e.fine_tuned_dae - e.dae}};
  };
  c.evaluate = on_six_trained(reading, metrics);
  // An untrained one-level DAE and deep DAE are different networks with no known order: the
  // control puts one model on both sides instead.
  c.control = on_six_untrained(
      reading,
      "the one-level DAE initialised only (same recipe and seed, never trained), on both sides "
      "(also in the fine-tuned deep DAE's place): a model cannot have a lower MSE than itself",
      metrics, [](SixErrors& e) { e.fine_tuned_dae = e.dae; });
  return c;
}

Claim interpolation_stays_near_data() {
  Claim c;
  c.id = "s3.interpolation_stays_near_data";
  c.origin = ClaimOrigin::harness;
  c.source = "S3.8";
  c.sentence =
      "The harness's reading of the assignment's question, which 003 does not answer (it says "
      "only 'overall similar results' across the six models, 003:20): decoding a·z1 + (1−a)·z2 "
      "between the codes of two test images (same class or not) gives images nearer the "
      "training digits than the pixel blend of the two images, with each of the six models.";
  declare_departures(
      c, StackReading::as_made,
      "; the six models as made, on 8 same-class and 8 different-class test pairs per seed (20 "
      "in full; the report showed one of each); asserted for the worst of the six models: the "
      "mean nearest-training-image distance (10,000 reference images) of the interior path "
      "(a = 0.1…0.9) below that of the pixel-space blends a·x1 + (1−a)·x2 (ratio < 1); the "
      "endpoints' reconstruction MSE, per-model values and uniform-noise images' distance are "
      "evidence (003 sets no threshold)");
  declare_departure_bias(c);  // the harness's own bar: no departure
  c.assertions = {{"latent_path_over_pixel_blend_nn_distance_worst_of_six", Comparison::less, 1.0,
                   1.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) {
    return interpolation_measurements(ctx, six_models(ctx, StackReading::as_made), true);
  };
  c.control.stands_in =
      "the six models initialised only (same recipes and seed, never trained): a decoder that "
      "learnt nothing of the digits cannot decode a path between two codes into images nearer "
      "the training digits than the pixel blends of the two images";
  c.control.evaluate = [](ClaimContext& ctx) {
    return interpolation_measurements(ctx, untrained_six_models(ctx, StackReading::as_made), false);
  };
  return c;
}

}  // namespace
}  // namespace s3

std::vector<Claim> s3_claims() {
  using s3::StackReading;
  std::vector<Claim> claims;
  for (const auto reading : {StackReading::as_made, StackReading::corrected}) {
    claims.push_back(s3::noise_training_matters_most_for_deep_models(reading));
    claims.push_back(s3::fine_tuning_beats_layerwise_only(reading));
    claims.push_back(s3::best_are_one_level_dae_and_fine_tuned_ddae(reading));
    claims.push_back(s3::one_level_dae_has_the_lowest_mse(reading));
  }
  claims.push_back(s3::interpolation_stays_near_data());
  for (auto& ascent : s3::ascent_claims()) claims.push_back(std::move(ascent));
  for (const auto reading : {StackReading::as_made, StackReading::corrected}) {
    claims.push_back(s3::interpolation_similar_across_models(reading));
    claims.push_back(s3::noise_training_lowers_every_error(reading));
  }
  for (auto& display : s3::ascent_display_claims()) claims.push_back(std::move(display));
  return claims;
}

}  // namespace aerepro::claims
