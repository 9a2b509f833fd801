// S2.7, the standard AE on noisy inputs: "It basically ignore the noise"
// (002_3b48a90cb75fa7d6.txt:1686), as S2's code measured it (noise on raw 0-255 pixels) and with
// the scale corrected.
#include "claims/s2/support.h"
#include "common/compat.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace aerepro::claims::s2 {
namespace {

const std::vector<double> kSigmas{0.3, 0.5, 0.8, 0.9};  // S2.7 (002:1621-1646)
// S2's printed errors of test image 9710 under the four sigmas (002:1678-1681).
const std::vector<double> kPrintedErrors9710{7.715816308404816, 7.735576919524617,
                                             7.724517651156634, 7.713649742207036};
constexpr int64_t kImage9710 = 9710 - kFirstSourceImage;  // S2's `i=5` (002:1650)
// Our reading of "basically ignores": no sigma moves the mean error by 5 % or more of the
// clean-input error (S2's printed errors of image 9710 differ by 0.3 % across sigmas).
constexpr double kIgnoresNoiseBound = 0.05;

// (max - min) / mean of a list of errors: how far the noise levels pull them apart.
double relative_spread(const std::vector<double>& errors) {
  const auto [lo, hi] = std::minmax_element(errors.begin(), errors.end());
  double sum = 0;
  for (const double e : errors) sum += e;
  return (*hi - *lo) / (sum / static_cast<double>(errors.size()));
}

// The AE `model`'s errors on noisy test images against its clean-input error: the asserted
// metric and its evidence, the noise on S2's scale (as made: 0-255 pixels) or on [0,1]. The
// figures are drawn only when `draw` (not for a control).
std::vector<Measurement> measure_noise(ClaimContext& ctx, const analysis::TensorMap& model,
                                       bool as_made, bool draw) {
  // The AE's input: raw 0-255 pixels as made, [0,1] pixels corrected; its output on [0,1].
  const double scale = as_made ? 255.0 : 1.0;
  const auto reconstruct = [&model, scale](const torch::Tensor& scaled_input) {
    return model(scaled_input) / scale;
  };
  const auto test = test_images(ctx);
  const auto ten = source_images(ctx);
  const double clean_error = mean_of(per_image_errors(reconstruct, test * scale, test));
  const auto clean_ten = per_image_errors(reconstruct, ten * scale, ten);

  std::vector<double> errors, errors_9710;
  std::vector<torch::Tensor> outputs_ten;
  std::vector<Measurement> evidence;
  for (size_t i = 0; i < kSigmas.size(); ++i) {
    const auto tag = fmt_g(kSigmas[i]);
    auto gen = compat::make_generator(ctx.device, ctx.seed + 7100 + i);
    const auto noise = train::Corruption::gaussian(kSigmas[i]);
    const auto noisy_test = noise.apply(test * scale, gen);  // S2's rnd_noise (002:1493-1500)
    const auto noisy_ten = noise.apply(ten * scale, gen);
    errors.push_back(mean_of(per_image_errors(reconstruct, noisy_test, test)));
    const auto ten_errors = per_image_errors(reconstruct, noisy_ten, ten);
    errors_9710.push_back(ten_errors[kImage9710].item<double>());
    {
      torch::NoGradGuard no_grad;
      outputs_ten.push_back(reconstruct(noisy_ten));
    }
    if (draw) {
      ctx.artifacts.add_image_row(FigureId::denoising, static_cast<int64_t>(i) + 1,
                                  "standard AE, input noise sigma=" + tag, outputs_ten.back());
      ctx.artifacts.add_point(FigureId::error_vs_sigma, "standard AE x=256, test set", kSigmas[i],
                              errors.back());
    }
    evidence.push_back({"test_error_sigma_" + tag, errors.back()});
    evidence.push_back({"error_image_9710_sigma_" + tag, errors_9710.back(),
                        as_made ? kPrintedErrors9710[i] : std::nan("")});
  }
  if (draw) ctx.artifacts.add_image_row(FigureId::denoising, 0, "test images 9705-9714", ten);
  double max_change = 0;
  for (const double e : errors) max_change = std::max(max_change, std::abs(e / clean_error - 1));
  // "The outputs seem really similar": mean squared distance between the outputs at two
  // sigmas, over every pair of sigmas, relative to the clean error (ten images).
  double pair_distance = 0;
  int pairs = 0;
  for (size_t a = 0; a < outputs_ten.size(); ++a) {
    for (size_t b = a + 1; b < outputs_ten.size(); ++b, ++pairs) {
      pair_distance +=
          (outputs_ten[a] - outputs_ten[b]).pow(2).flatten(1).sum(1).mean().item<double>();
    }
  }
  std::vector<Measurement> out{
      {"max_relative_error_change_with_noise", max_change},
      {"test_error_clean", clean_error},
      {"error_image_9710_clean", clean_ten[kImage9710].item<double>()},
      {"error_spread_image_9710_over_sigma", relative_spread(errors_9710),
       as_made ? relative_spread(kPrintedErrors9710) : std::nan("")},
      {"output_distance_between_sigmas_over_clean_error",
       pair_distance / pairs / mean_of(clean_ten)},
  };
  out.insert(out.end(), evidence.begin(), evidence.end());
  return out;
}

Claim ignores_noise_claim(bool as_made) {
  Claim c;
  c.id = std::string("s2.standard_ae_ignores_noise") + (as_made ? "" : "_corrected");
  c.source = "S2.3, S2.7";
  c.sentence =
      std::string(
          "002:1686 'It basically ignore the noise to extract familiar features' (and 'The "
          "outputs seem really similar between each others'): S2.3's standard x = 256 AE "
          "(784-256-784, ReLU; trained on clean [0,1] images) reconstructs noisy test images "
          "(x + sigma*N(0,1), no clamp, sigma in {0.3, 0.5, 0.8, 0.9}) about as well as clean "
          "ones. Asserted (our reading of 'basically ignores'): max over sigma of |mean test "
          "error(sigma) / mean test error(clean) - 1| < 0.05, errors against the clean image. ") +
      (as_made ? "Measured as S2's code measured it (002:1614-1674): the noise added to the raw "
                 "0-255 pixels, the AE fed them unscaled, its output divided by 255; S2's "
                 "printed errors of test image 9710 are recorded beside ours."
               : "CORRECTED VARIANT (read with s2.standard_ae_ignores_noise, the measurement as "
                 "made): the noise added to [0,1] pixels, the scale the AE trained on and S2's "
                 "own DAEs were trained with (002:1540), the AE fed them as they are.");
  const std::string ci_text =
      "as full, and the AE trains 5 of its 10 epochs (all 60,000 images): which way shorter "
      "training moves its sensitivity to noise is not known; same threshold (< 0.05)";
  // The bar reads words S2 gives no measure for; the rest is S2's method, its correction (the
  // as-made claim beside it) or a reading S2's printed losses pick.
  const std::vector<UnknownBias> unknown{
      no_measure_for("'It basically ignore the noise' (002:1686, judged on one picture per sigma "
                     "and the printed errors of one image)")};
  const std::string bar = "; the bar 0.05 reads 'basically ignore'";
  if (as_made) {
    c.departures[Profile::full] = {
        kFullAsMade +
            "; S2's x-AE training cell is hidden (002:593 shows only the model): Adam 3e-4, "
            "batch 256, 10 epochs are read from its other cells and printout, and its printed "
            "losses (002:597-633) lie inside our seeds' intervals, so they pick this reading; a "
            "fresh noise draw per seed; asserted on the test set, where S2 printed one image "
            "(9710)" +
            bar,
        Bias::unknown, unknown};
  } else {
    c.departures[Profile::full] = {
        "CORRECTED VARIANT: the test noise is on [0,1] pixels, where S2 added it to 0-255 "
        "pixels (sigma <= 0.9 there is at most 0.35 % of a pixel's range); " +
            kFull + bar,
        Bias::unknown, unknown};
  }
  c.departures[Profile::ci] = ci_departure(c.departures[Profile::full], ci_text);
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {{"max_relative_error_change_with_noise", Comparison::less, kIgnoresNoiseBound,
                   kIgnoresNoiseBound, std::nullopt, ""}};
  c.evaluate = [as_made](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, undercomplete_schedule());
    auto standard = undercomplete_ae(ctx, data, 256);
    return measure_noise(ctx, reconstruction_of(standard.model), as_made, /*draw=*/true);
  };
  // 002:1686: a net that never trained has no 'familiar features' to fall back on, and passes
  // its input's noise on. Where the measurement holds for it too, the noise is too small to tell.
  c.control.stands_in =
      "S2.3's x = 256 AE initialised only (same recipe and seed, never trained): it has learned "
      "no familiar features to extract, so it cannot 'ignore the noise to extract' them";
  c.control.evaluate = [as_made](ClaimContext& ctx) -> std::vector<Measurement> {
    auto ae = initialised_only(ctx, recipes::undercomplete_autoencoder(256));
    return measure_noise(ctx, reconstruction_of(ae), as_made, /*draw=*/false);
  };
  return c;
}

}  // namespace

Claim standard_ae_ignores_noise() {
  return ignores_noise_claim(/*as_made=*/true);
}

Claim standard_ae_ignores_noise_corrected() {
  return ignores_noise_claim(/*as_made=*/false);
}

}  // namespace aerepro::claims::s2
