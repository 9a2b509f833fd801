// S2.7: denoising AEs against the standard AE on noisy inputs.
#include "claims/s2/support.h"
#include "common/compat.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace aerepro::claims::s2 {
namespace {

const std::vector<double> kDaeSigmas{0.3, 0.5, 0.8, 0.9};  // S2.7

// sigma_i's noisy copy of `images`: a fixed draw per sigma, the same for every model.
at::Generator noise_generator(ClaimContext& ctx, size_t i) {
  return compat::make_generator(ctx.device, ctx.seed + 7000 + i);
}

// The asserted pair: min over sigma of (AE error - DAE error), and the DAE error's smallest
// rise between consecutive sigmas.
std::vector<Measurement> dae_against_ae(const std::vector<double>& ae_err,
                                        const std::vector<double>& dae_err) {
  double min_gap = std::numeric_limits<double>::infinity();
  double min_rise = std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < dae_err.size(); ++i) min_gap = std::min(min_gap, ae_err[i] - dae_err[i]);
  for (size_t i = 1; i < dae_err.size(); ++i)
    min_rise = std::min(min_rise, dae_err[i] - dae_err[i - 1]);
  return {{"min_ae_minus_dae_noisy_error", min_gap}, {"min_dae_error_rise_with_sigma", min_rise}};
}

// The smallest rise of a loss between consecutive sigmas.
double min_rise(const std::vector<double>& loss) {
  double rise = std::numeric_limits<double>::infinity();
  for (size_t i = 1; i < loss.size(); ++i) rise = std::min(rise, loss[i] - loss[i - 1]);
  return rise;
}

}  // namespace

Claim dae_beats_ae_on_noisy_inputs() {
  Claim c;
  c.id = "s2.dae_beats_ae_on_noisy_inputs";
  c.origin = ClaimOrigin::brief;
  c.source = "S2.7 (the brief's headline 2)";
  c.sentence =
      "The brief's headline check 2 on S2's models (S2 asks it, 002:1610-1611, but does not say "
      "it; its printed errors of one image, 9710, go the other way: standard AE 7.72, DAEs "
      "11.31-26.77, with noise added to raw 0-255 pixels): denoising AEs 784-256-784 (ReLU) "
      "trained 5 epochs on x + sigma*N(0,1) (no clamp) against "
      "clean x, sigma in {0.3, 0.5, 0.8, 0.9}, reconstruct sigma-noisy MNIST test images better "
      "than the standard x = 256 AE of S2.3 (trained on clean data), and their error rises with "
      "sigma. Asserted on the mean per-image test error against the clean images: min over "
      "sigma of (AE error - DAE error) > 0, and min over consecutive sigmas of the DAE error "
      "increase > 0.";
  c.departures[Profile::full] = {
      kFull +
          "; the standard AE is S2.3's x = 256 AE; S2's DAE training cell is hidden (its "
          "optimiser and learning rate are not shown: Adam 3e-4 as in its other cells is our "
          "reading), and its printed DAE losses (002:1550-1564) run 20-40 % above ours, beyond "
          "our seeds' spread: its DAEs trained otherwise than ours, in a way we cannot tell",
      Bias::unknown,
      {as_made_evaluation_not_run(), dae_training_not_shown()}};
  c.departures[Profile::ci] = ci_departure(
      c.departures[Profile::full],
      "DAEs train 2 of the 5 epochs (all 60,000 images); the standard AE is S2.3's x = 256 AE "
      "as trained in ci (5 of 10 epochs); same thresholds (> 0); both sides are less trained, "
      "in an unknown balance");
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"min_ae_minus_dae_noisy_error", Comparison::greater, 0.0, 0.0, std::nullopt, ""},
      {"min_dae_error_rise_with_sigma", Comparison::greater, 0.0, 0.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    // The standard AE shares S2.3's set-up, so both read the same training data first.
    const auto clean_data = training_images(ctx, undercomplete_schedule());
    auto standard = undercomplete_ae(ctx, clean_data, 256);
    const auto data = training_images(ctx, denoising_schedule());
    const auto& sigmas = kDaeSigmas;
    // S2's printed per-epoch losses of the DAEs (002:1550-1564; sigma by the print order, the
    // training cell is hidden): sigma 0.5 from epoch 3 on, none for sigma 0.3.
    const std::vector<std::vector<double>> printed_loss{{},
                                                        {0.0274, 0.0237, 0.0217},
                                                        {0.0715, 0.0460, 0.0373, 0.0332, 0.0309},
                                                        {0.0741, 0.0494, 0.0404, 0.0362, 0.0339}};
    const int64_t printed_first_epoch[] = {1, 3, 1, 1};
    std::vector<models::ShallowAutoencoder> daes;
    std::vector<train::TrainHistory> histories;
    for (const double sigma : sigmas) {
      auto trained =
          train_on_schedule(ctx, recipes::denoising_autoencoder(sigma), denoising_schedule(), data,
                            "S2.7 DAE sigma=" + fmt_g(sigma));
      histories.push_back(trained.history);
      daes.push_back(trained.model);
    }
    const auto test = test_images(ctx);
    const auto ten = source_images(ctx);
    std::vector<double> dae_err, ae_err;
    std::vector<Measurement> evidence;
    for (size_t i = 0; i < sigmas.size(); ++i) {
      // A fixed noise draw per sigma, the same for the DAE and the standard AE.
      auto gen = noise_generator(ctx, i);
      const auto noisy = train::Corruption::gaussian(sigmas[i]).apply(test, gen);
      const auto noisy_ten = train::Corruption::gaussian(sigmas[i]).apply(ten, gen);
      dae_err.push_back(mean_of(per_image_errors(reconstruction_of(daes[i]), noisy, test)));
      ae_err.push_back(mean_of(per_image_errors(reconstruction_of(standard.model), noisy, test)));
      const auto tag = fmt_g(sigmas[i]);
      ctx.artifacts.add_point(FigureId::error_vs_sigma, "DAE (trained at this sigma)", sigmas[i],
                              dae_err.back());
      ctx.artifacts.add_point(FigureId::error_vs_sigma, "standard AE x=256", sigmas[i],
                              ae_err.back());
      if (i == 1) {  // sigma = 0.5
        torch::NoGradGuard no_grad;
        ctx.artifacts.add_image_row(FigureId::denoising, 0, "original", ten);
        ctx.artifacts.add_image_row(FigureId::denoising, 1, "noisy sigma=0.5", noisy_ten);
        ctx.artifacts.add_image_row(FigureId::denoising, 2, "DAE sigma=0.5",
                                    reconstruction_of(daes[i])(noisy_ten));
        ctx.artifacts.add_image_row(FigureId::denoising, 3, "standard AE",
                                    reconstruction_of(standard.model)(noisy_ten));
      }
      evidence.push_back({"dae_test_error_sigma_" + tag, dae_err.back()});
      evidence.push_back({"ae_test_error_sigma_" + tag, ae_err.back()});
      const auto ten_errors = per_image_errors(reconstruction_of(daes[i]), noisy_ten, ten);
      evidence.push_back({"dae_error_10_images_sigma_" + tag, mean_of(ten_errors)});
      // S2 printed the errors of one image, test image 9710 (002:1759-1762), with its noise on
      // 0-255 pixels: another measurement than this one on [0,1] pixels, so its figures (11.31,
      // 17.00, 21.49, 26.77) are quoted in the sentence, not set beside ours.
      evidence.push_back({"dae_error_image_9710_sigma_" + tag,
                          ten_errors[9710 - kFirstSourceImage].item<double>()});
      const auto& printed = printed_loss[i];
      if (!printed.empty()) {
        add_printed_curve(ctx, "S2.7 DAE sigma=" + tag + " train (report, printed)", printed,
                          printed_first_epoch[i]);
      }
      evidence.push_back(
          {"dae_first_epoch_train_loss_sigma_" + tag, histories[i].epochs.front().train_loss,
           !printed.empty() && printed_first_epoch[i] == 1 ? printed.front() : std::nan("")});
      evidence.push_back({"dae_final_train_loss_sigma_" + tag, histories[i].final_train_loss(),
                          printed.empty() ? std::nan("") : printed.back()});
    }
    auto out = dae_against_ae(ae_err, dae_err);
    out.insert(out.end(), evidence.begin(), evidence.end());
    return out;
  };
  // A model cannot reconstruct better than itself: the same net on both sides, never trained.
  c.control.stands_in =
      "S2.3's x = 256 AE initialised only (same recipe and seed, never trained) on both sides, "
      "in the DAEs' place too: no DAE that is the standard AE itself can beat it (every gap 0)";
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    auto ae = initialised_only(ctx, recipes::undercomplete_autoencoder(256));
    const auto test = test_images(ctx);
    std::vector<double> err;
    for (size_t i = 0; i < kDaeSigmas.size(); ++i) {
      auto gen = noise_generator(ctx, i);
      const auto noisy = train::Corruption::gaussian(kDaeSigmas[i]).apply(test, gen);
      err.push_back(mean_of(per_image_errors(reconstruction_of(ae), noisy, test)));
    }
    return dae_against_ae(err, err);
  };
  return c;
}

// 002_3b48a90cb75fa7d6.txt:1608 "the more the noise we add in the input image the higher the loss
// function".
Claim dae_training_loss_rises_with_noise() {
  Claim c;
  c.id = "s2.dae_training_loss_rises_with_noise";
  c.source = "S2.7";
  c.sentence =
      "002:1608 'the more the noise we add in the input image the higher the loss function': "
      "the denoising AEs of S2.7 (784-256-784 ReLU, 5 epochs on x + sigma*N(0,1), no clamp, "
      "against clean x) end training with a higher loss for larger sigma in {0.3, 0.5, 0.8, "
      "0.9}. Asserted: the smallest rise of the final training loss between consecutive "
      "sigmas > 0. S2's printed finals (0.0217, 0.0309, 0.0339 for sigma 0.5, 0.8, 0.9 by "
      "print order, 002:1552-1564) are recorded beside ours.";
  c.departures[Profile::full] = {
      "S2's DAE training cell is hidden (optimiser and learning rate not shown: Adam 3e-4 as in "
      "its other cells is our reading); its printed losses run 20-40 % above ours, beyond our "
      "seeds' spread, so its DAEs trained otherwise than ours in a way we cannot tell; the sigma "
      "of each printed block is read from the print order; model initialisation, noise and "
      "batch order follow the run's seed (the source ran once). Training only: S2's evaluation "
      "slip (0-255 inputs) does not enter",
      Bias::unknown,
      {dae_training_not_shown()}};
  c.departures[Profile::ci] = ci_departure(
      c.departures[Profile::full],
      "the DAEs train 2 of the 5 epochs (all 60,000 images); same threshold (> 0): how shorter "
      "training moves the gaps between sigmas is not known");
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"min_final_train_loss_rise_with_sigma", Comparison::greater, 0.0, 0.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    // The same data order as s2.dae_beats_ae_on_noisy_inputs, whose DAEs these are.
    training_images(ctx, undercomplete_schedule());
    const auto data = training_images(ctx, denoising_schedule());
    const auto& sigmas = kDaeSigmas;
    const double printed_final[] = {NAN, 0.0217, 0.0309, 0.0339};
    std::vector<double> loss;
    std::vector<Measurement> evidence;
    for (size_t i = 0; i < sigmas.size(); ++i) {
      const auto trained =
          train_on_schedule(ctx, recipes::denoising_autoencoder(sigmas[i]), denoising_schedule(),
                            data, "S2.7 DAE sigma=" + fmt_g(sigmas[i]));
      loss.push_back(trained.history.final_train_loss());
      evidence.push_back(
          {"dae_final_train_loss_sigma_" + fmt_g(sigmas[i]), loss.back(), printed_final[i]});
    }
    std::vector<Measurement> out{{"min_final_train_loss_rise_with_sigma", min_rise(loss)}};
    out.insert(out.end(), evidence.begin(), evidence.end());
    return out;
  };
  // 002:1608 cannot hold without noise. No training: the loss each sigma's DAE starts from,
  // its input noise set to zero (the DAEs differ only in their noise: one and the same net).
  c.control.stands_in =
      "zero noise: each sigma's DAE initialised only (same recipe and seed, never trained) and "
      "its loss taken on noise-free inputs: with no noise added, the loss cannot rise with it";
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, denoising_schedule());
    std::vector<double> loss;
    for (const double sigma : kDaeSigmas) {
      loss.push_back(untrained_loss(ctx, recipes::denoising_autoencoder(sigma), data,
                                    kControlLossImages, train::Corruption::none()));
    }
    return {{"min_final_train_loss_rise_with_sigma", min_rise(loss)}};
  };
  return c;
}

}  // namespace aerepro::claims::s2
