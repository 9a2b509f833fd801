// S2.8: noise on the 8-d codes of the bottleneck AE (002_3b48a90cb75fa7d6.txt:1946-2015).
#include "analysis/latent.h"
#include "claims/s2/support.h"
#include "common/compat.h"

#include <fmt/format.h>

#include <string>
#include <vector>

namespace aerepro::claims::s2 {
namespace {

const std::vector<double> kCodeSigmas{0.1, 0.5, 0.8, 500};  // S2.8 (002:1950)

// x -> decode(encode(scale x) + sigma N(0, I)) / scale: the reconstruction from noisy codes,
// the images fed at `scale` (255: S2's raw pixels, 002:1947-1967; 1: the [0,1] pixels the
// model trained on), its output brought back to [0,1].
analysis::TensorMap noisy_code_map(models::BottleneckAutoencoder model, double sigma,
                                   at::Generator& gen, double scale) {
  return [model, sigma, &gen, scale](const torch::Tensor& x) mutable {
    return model->decode(analysis::add_latent_noise(model->encode(x * scale), sigma, gen)) / scale;
  };
}

// The mean per-image test error with sigma_i's code noise (a fixed draw per sigma from
// `first_seed` + i), and without noise, the images fed at `scale`.
struct CodeNoiseErrors {
  double clean;
  std::vector<double> noisy;  // per kCodeSigmas
};
CodeNoiseErrors code_noise_errors(ClaimContext& ctx, models::BottleneckAutoencoder model,
                                  const std::vector<double>& sigmas, uint64_t first_seed,
                                  double scale) {
  const auto test = test_images(ctx);
  const auto clean = [model, scale](const torch::Tensor& x) mutable {
    return model->forward(x * scale).reconstruction / scale;
  };
  CodeNoiseErrors e{mean_of(per_image_errors(clean, test)), {}};
  for (size_t i = 0; i < sigmas.size(); ++i) {
    auto gen = compat::make_generator(ctx.device, first_seed + i);
    e.noisy.push_back(
        mean_of(per_image_errors(noisy_code_map(model, sigmas[i], gen, scale), test)));
  }
  return e;
}

// The asserted ratios, sigma 0.1 and sigma 500 over clean, under `prefix`.
std::vector<Measurement> code_noise_ratios(const CodeNoiseErrors& e, const std::string& prefix) {
  return {{prefix + "error_ratio_sigma_0.1_over_clean", e.noisy.front() / e.clean},
          {prefix + "error_ratio_sigma_500_over_clean", e.noisy.back() / e.clean}};
}

// The codes' standard deviation over the test images, mean over the 8 units.
double code_std(ClaimContext& ctx, models::BottleneckAutoencoder model, double scale) {
  torch::NoGradGuard no_grad;
  return model->encode(test_images(ctx) * scale).std(0).mean().item<double>();
}

// S2.8's 784-64-8 AE, trained once per seed (checkpoint): both readings run on the same model.
Trained<models::BottleneckAutoencoder> trained_bottleneck_ae(ClaimContext& ctx) {
  const auto data = training_images(ctx, bottleneck_schedule());
  return train_on_schedule(ctx, recipes::bottleneck_autoencoder(),  // S2.8: 64, 8
                           bottleneck_schedule(), data, "S2.8 AE 8-d code");
}

// Both readings assert the same bars (a reading checks the same statement): small noise moves the
// error by less than half, sigma = 500 multiplies it by more than five (ours: 002 shows images).
std::vector<Assertion> latent_noise_assertions() {
  return {{"error_ratio_sigma_0.1_over_clean", Comparison::less, 1.5, 1.5, std::nullopt, ""},
          {"error_ratio_sigma_500_over_clean", Comparison::greater, 5.0, 5.0, std::nullopt, ""}};
}

}  // namespace

Claim latent_noise_small_keeps_huge_destroys() {
  Claim c;
  c.id = "s2.latent_noise_small_keeps_huge_destroys";
  c.source = "S2.8";
  c.sentence =
      "002:2015 'the network is insensitive to small perturbations ... When the noise is a lot "
      "then we can see that the net is not able to reconstruct the digit anymore': for the "
      "784-64-8-64-784 ReLU AE (Adam 3e-4, batch 256, 10 epochs), Gaussian noise of sigma = 0.1 "
      "on the 8-d codes of test images keeps the reconstruction (error close to the clean "
      "reconstruction's) and sigma = 500 destroys it. Asserted: error(0.1) / clean error < 1.5 "
      "and error(500) / clean error > 5 (mean per-image test error against the input), the AE "
      "fed [0,1] pixels, as it trained (002:38), where its codes spread about 2, so that sigma = "
      "500 is some 200 code standard deviations. One of two readings: S2 fed its one image as "
      "raw 0-255 pixels (002:1952, 1972), where the codes are some 250 times larger and sigma = "
      "500 about one code standard deviation; that reading is its variant "
      "s2.latent_noise_small_keeps_huge_destroys_pixels_0_255, and the statement's verdict is "
      "taken across the two.";
  c.reading = {"", "pixels [0,1], as the AE trained (002:38)", ""};
  c.departures[Profile::full] = {
      kFull +
          "; the thresholds 1.5 and 5 are ours (the source shows images: no direction can be "
          "given to a bar it never set); on [0,1] inputs sigma = 500 is hundreds of code "
          "standard deviations, where on S2's 0-255 inputs it is about one: the 'huge destroys' "
          "half is easier here than in S2's run, which the 0-255 reading runs as its own claim",
      Bias::unknown};
  c.departures[Profile::ci] = {"as full (the model is cheap): the source's set-up, same thresholds",
                               Bias::unknown};
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = latent_noise_assertions();
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    auto trained = trained_bottleneck_ae(ctx);
    auto& model = trained.model;
    const auto& history = trained.history;
    const auto errors = code_noise_errors(ctx, model, kCodeSigmas, ctx.seed + 8000, 1.0);
    // S2's printed per-epoch losses of the 784-64-8 AE (002:1924-1933).
    const std::vector<double> printed_loss{0.0731, 0.0509, 0.0466, 0.0444, 0.0433,
                                           0.0426, 0.0421, 0.0416, 0.0409, 0.0406};
    add_printed_curve(ctx, "S2.8 AE 8-d code train (report, printed)", printed_loss);
    std::vector<Measurement> evidence{
        {"clean_test_error", errors.clean},
        {"first_epoch_train_loss", history.epochs.front().train_loss, printed_loss.front()},
        {"final_train_loss", history.final_train_loss(), printed_loss.back()}};
    torch::NoGradGuard no_grad;
    const auto ten = source_images(ctx);
    ctx.artifacts.add_image_row(FigureId::latent_noise, 0, "input", ten);
    ctx.artifacts.add_image_row(FigureId::latent_noise, 1, "clean codes",
                                reconstruction_of(model)(ten));
    for (size_t i = 0; i < kCodeSigmas.size(); ++i) {
      const auto tag = fmt_g(kCodeSigmas[i]);
      ctx.artifacts.add_point(FigureId::error_vs_latent_noise, "noisy codes", kCodeSigmas[i],
                              errors.noisy[i]);
      ctx.artifacts.add_point(FigureId::error_vs_latent_noise, "clean codes", kCodeSigmas[i],
                              errors.clean);
      auto gen = compat::make_generator(ctx.device, ctx.seed + 8000 + i);
      ctx.artifacts.add_image_row(FigureId::latent_noise, static_cast<int>(i) + 2,
                                  "code noise sigma=" + tag,
                                  noisy_code_map(model, kCodeSigmas[i], gen, 1.0)(ten));
      evidence.push_back({"latent_noise_test_error_sigma_" + tag, errors.noisy[i]});
    }
    const double spread = code_std(ctx, model, 1.0);
    evidence.push_back({"code_std_mean_over_units", spread});
    evidence.push_back({"sigma_500_over_code_std", kCodeSigmas.back() / spread});
    auto out = code_noise_ratios(errors, "");
    out.insert(out.end(), evidence.begin(), evidence.end());
    return out;
  };
  // Without noise nothing can be destroyed: every ratio is 1. No model is trained.
  c.control.stands_in =
      "zero noise on the codes at every level (the AE initialised only, same recipe and seed): "
      "a reconstruction no noise reaches is not destroyed (both ratios 1)";
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const std::vector<double> zero(kCodeSigmas.size(), 0.0);
    return code_noise_ratios(
        code_noise_errors(ctx, initialised_only(ctx, recipes::bottleneck_autoencoder()), zero,
                          ctx.seed + 8000, 1.0),
        "");
  };
  return c;
}

// The reading of S2's run as made: the AE trained on [0,1] pixels (002:38) fed its test image as
// raw 0-255 values (testset.data, 002:1952; images.float(), 002:1972).
Claim latent_noise_small_keeps_huge_destroys_pixels_0_255() {
  constexpr double kRawScale = 255.0;
  Claim c;
  c.id = "s2.latent_noise_small_keeps_huge_destroys_pixels_0_255";
  c.source = "S2.8";
  c.sentence =
      "002:2015 'the network is insensitive to small perturbations ... When the noise is a lot "
      "then we can see that the net is not able to reconstruct the digit anymore', read as S2 "
      "ran it: the same 784-64-8-64-784 ReLU AE (Adam 3e-4, batch 256, 10 epochs, trained on "
      "[0,1] pixels, 002:38) fed its test images as raw 0-255 pixels, as S2 fed its one image "
      "(testset.data, 002:1952; images.float(), 002:1972), its output divided by 255 to compare "
      "with the image; Gaussian noise of sigma = 0.1 on the 8-d codes keeps the reconstruction "
      "and sigma = 500 destroys it. Asserted as for the [0,1] reading: error(0.1) / clean error "
      "< 1.5 and error(500) / clean error > 5 (mean per-image test error against the [0,1] "
      "image). On this scale the codes are some 250 times larger than on [0,1] pixels, so sigma "
      "= 500 is about one code standard deviation (recorded: sigma_500_over_code_std).";
  c.reading = {"s2.latent_noise_small_keeps_huge_destroys",
               "pixels 0-255, as S2 fed its test image (002:1952, 1972)",
               "002:1952 feeds testset.data, MNIST's raw 0-255 values, to the AE that trained on "
               "ToTensor's [0,1] pixels (002:38): what sigma = 500 on its codes meant is on that "
               "scale, where the as-made claim reads the method as the AE trained"};
  c.departures[Profile::full] = {
      kFullAsMade +
          "; the thresholds 1.5 and 5 are ours (the source shows images: no direction can be "
          "given to a bar it never set); S2 showed one test image (002:1952), we average the "
          "error over all 10,000 test images, with one noise draw per sigma and seed",
      Bias::unknown};
  c.departures[Profile::ci] = {"as full (the model is cheap): the source's set-up, same thresholds",
                               Bias::unknown};
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = latent_noise_assertions();
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    auto trained = trained_bottleneck_ae(ctx);
    auto& model = trained.model;
    // The same noise draws as the [0,1] reading: the readings differ only in the pixels' scale.
    const auto errors = code_noise_errors(ctx, model, kCodeSigmas, ctx.seed + 8000, kRawScale);
    auto out = code_noise_ratios(errors, "");
    out.push_back({"clean_test_error", errors.clean});
    for (size_t i = 0; i < kCodeSigmas.size(); ++i)
      out.push_back({"latent_noise_test_error_sigma_" + fmt_g(kCodeSigmas[i]), errors.noisy[i]});
    const double spread = code_std(ctx, model, kRawScale);
    out.push_back({"code_std_mean_over_units", spread});
    out.push_back({"sigma_500_over_code_std", kCodeSigmas.back() / spread});
    return out;
  };
  // Without noise nothing can be destroyed: every ratio is 1. No model is trained.
  c.control.stands_in =
      "zero noise on the codes at every level (the AE initialised only, same recipe and seed, "
      "fed 0-255 pixels): a reconstruction no noise reaches is not destroyed (both ratios 1)";
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const std::vector<double> zero(kCodeSigmas.size(), 0.0);
    return code_noise_ratios(
        code_noise_errors(ctx, initialised_only(ctx, recipes::bottleneck_autoencoder()), zero,
                          ctx.seed + 8000, kRawScale),
        "");
  };
  return c;
}

}  // namespace aerepro::claims::s2
