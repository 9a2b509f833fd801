// S2.8: noise on the 8-d codes of the bottleneck AE.
#include "analysis/latent.h"
#include "claims/s2/support.h"
#include "common/compat.h"

#include <fmt/format.h>

#include <string>
#include <vector>

namespace aerepro::claims::s2 {

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
    const auto data = training_images(ctx, bottleneck_schedule());
    auto trained = train_on_schedule(ctx, recipes::bottleneck_autoencoder(),  // S2.8: 64, 8
                                     bottleneck_schedule(), data, "S2.8 AE 8-d code");
    auto& model = trained.model;
    const auto& history = trained.history;
    const auto test = test_images(ctx);
    const double clean = mean_of(per_image_errors(reconstruction_of(model), test));
    const std::vector<double> sigmas{0.1, 0.5, 0.8, 500};  // S2.8
    std::vector<double> noisy;
    // S2's printed per-epoch losses of the 784-64-8 AE (002:1924-1933).
    const std::vector<double> printed_loss{0.0731, 0.0509, 0.0466, 0.0444, 0.0433,
                                           0.0426, 0.0421, 0.0416, 0.0409, 0.0406};
    add_printed_curve(ctx, "S2.8 AE 8-d code train (report, printed)", printed_loss);
    std::vector<Measurement> evidence{
        {"clean_test_error", clean},
        {"first_epoch_train_loss", history.epochs.front().train_loss, printed_loss.front()},
        {"final_train_loss", history.final_train_loss(), printed_loss.back()}};
    for (size_t i = 0; i < sigmas.size(); ++i) {
      auto gen = compat::make_generator(ctx.device, ctx.seed + 8000 + i);
      const auto map = [&](const torch::Tensor& x) {
        return model->decode(analysis::add_latent_noise(model->encode(x), sigmas[i], gen));
      };
      noisy.push_back(mean_of(per_image_errors(map, test)));
      ctx.artifacts.add_point(FigureId::error_vs_latent_noise, "noisy codes", sigmas[i],
                              noisy.back());
      ctx.artifacts.add_point(FigureId::error_vs_latent_noise, "clean codes", sigmas[i], clean);
      torch::NoGradGuard no_grad;
      const auto ten = source_images(ctx);
      if (i == 0) {
        ctx.artifacts.add_image_row(FigureId::latent_noise, 0, "input", ten);
        ctx.artifacts.add_image_row(FigureId::latent_noise, 1, "clean codes",
                                    reconstruction_of(model)(ten));
      }
      ctx.artifacts.add_image_row(FigureId::latent_noise, static_cast<int>(i) + 2,
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

}  // namespace aerepro::claims::s2
