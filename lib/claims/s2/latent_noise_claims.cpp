// S2.8: noise on the 8-d codes of the bottleneck AE (002_3b48a90cb75fa7d6.txt:1946-2015). 002:2015
// makes two statements, one claim each (issue 33): small noise keeps the reconstruction, a lot
// of noise destroys it. Each is read twice: on [0,1] pixels, as the AE trained (002:38), and on
// the raw 0-255 pixels S2 fed its test image (002:1952, 1972). All four run the same model and
// the same noise draws; they differ in the sentence asserted and the pixels' scale.
#include "analysis/latent.h"
#include "claims/s2/support.h"
#include "common/compat.h"

#include <fmt/format.h>

#include <string>
#include <vector>

namespace aerepro::claims::s2 {
namespace {

const std::vector<double> kCodeSigmas{0.1, 0.5, 0.8, 500};  // S2.8 (002:1953)
constexpr uint64_t kCodeNoiseSeed = 8000;  // sigma_i's draw: generator ctx.seed + 8000 + i
constexpr double kRawScale = 255.0;        // S2's raw pixels (002:1952, 1972)

// The two statements of 002:2015, each with its asserted ratio and bar (ours: 002 shows images).
enum class CodeNoiseSentence { small_keeps, huge_destroys };
constexpr const char* kSmallRatio = "error_ratio_sigma_0.1_over_clean";
constexpr const char* kHugeRatio = "error_ratio_sigma_500_over_clean";
constexpr double kSmallKeeps = 1.5;    // small noise moves the error by less than half
constexpr double kHugeDestroys = 5.0;  // sigma = 500 multiplies it by more than five

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
  std::vector<double> noisy;  // per sigma
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

// The codes' standard deviation over the test images, mean over the 8 units.
double code_std(ClaimContext& ctx, models::BottleneckAutoencoder model, double scale) {
  torch::NoGradGuard no_grad;
  return model->encode(test_images(ctx) * scale).std(0).mean().item<double>();
}

// S2.8's 784-64-8 AE, trained once per seed (checkpoint): every claim here runs the same model.
Trained<models::BottleneckAutoencoder> trained_bottleneck_ae(ClaimContext& ctx) {
  const auto data = training_images(ctx, bottleneck_schedule());
  return train_on_schedule(ctx, recipes::bottleneck_autoencoder(),  // S2.8: 64, 8
                           bottleneck_schedule(), data, "S2.8 AE 8-d code");
}

// The sentence's asserted ratio: its sigma's error over the clean error.
Measurement asserted_ratio(CodeNoiseSentence s, const CodeNoiseErrors& e) {
  return s == CodeNoiseSentence::small_keeps ? Measurement{kSmallRatio, e.noisy.front() / e.clean}
                                             : Measurement{kHugeRatio, e.noisy.back() / e.clean};
}

// The [0,1] reading's figures: S2's printed training losses beside ours, the ten source images
// and their reconstructions from noisy codes, the error against sigma; the loss evidence.
std::vector<Measurement> record_unit_pixel_figures(ClaimContext& ctx,
                                                   Trained<models::BottleneckAutoencoder>& trained,
                                                   const CodeNoiseErrors& errors) {
  auto& model = trained.model;
  // S2's printed per-epoch losses of the 784-64-8 AE (002:1924-1933).
  const std::vector<double> printed_loss{0.0731, 0.0509, 0.0466, 0.0444, 0.0433,
                                         0.0426, 0.0421, 0.0416, 0.0409, 0.0406};
  add_printed_curve(ctx, "S2.8 AE 8-d code train (report, printed)", printed_loss);
  torch::NoGradGuard no_grad;
  const auto ten = source_images(ctx);
  ctx.artifacts.add_image_row(FigureId::latent_noise, 0, "input", ten);
  ctx.artifacts.add_image_row(FigureId::latent_noise, 1, "clean codes",
                              reconstruction_of(model)(ten));
  for (size_t i = 0; i < kCodeSigmas.size(); ++i) {
    ctx.artifacts.add_point(FigureId::error_vs_latent_noise, "noisy codes", kCodeSigmas[i],
                            errors.noisy[i]);
    ctx.artifacts.add_point(FigureId::error_vs_latent_noise, "clean codes", kCodeSigmas[i],
                            errors.clean);
    auto gen = compat::make_generator(ctx.device, ctx.seed + kCodeNoiseSeed + i);
    ctx.artifacts.add_image_row(FigureId::latent_noise, static_cast<int>(i) + 2,
                                "code noise sigma=" + fmt_g(kCodeSigmas[i]),
                                noisy_code_map(model, kCodeSigmas[i], gen, 1.0)(ten));
  }
  return {
      {"first_epoch_train_loss", trained.history.epochs.front().train_loss, printed_loss.front()},
      {"final_train_loss", trained.history.final_train_loss(), printed_loss.back()}};
}

// One seed of a claim: the sentence's ratio, then the evidence (the errors at every sigma, the
// codes' spread against the sentence's sigma; on [0,1] pixels also the figures and losses).
std::vector<Measurement> measure_code_noise(ClaimContext& ctx, CodeNoiseSentence s, double scale) {
  auto trained = trained_bottleneck_ae(ctx);
  const auto errors =
      code_noise_errors(ctx, trained.model, kCodeSigmas, ctx.seed + kCodeNoiseSeed, scale);
  std::vector<Measurement> out{asserted_ratio(s, errors), {"clean_test_error", errors.clean}};
  if (scale == 1.0) {
    const auto losses = record_unit_pixel_figures(ctx, trained, errors);
    out.insert(out.end(), losses.begin(), losses.end());
  }
  for (size_t i = 0; i < kCodeSigmas.size(); ++i)
    out.push_back({"latent_noise_test_error_sigma_" + fmt_g(kCodeSigmas[i]), errors.noisy[i]});
  const double spread = code_std(ctx, trained.model, scale);
  out.push_back({"code_std_mean_over_units", spread});
  if (s == CodeNoiseSentence::small_keeps)
    out.push_back({"sigma_0.1_over_code_std", kCodeSigmas.front() / spread});
  out.push_back({"sigma_500_over_code_std", kCodeSigmas.back() / spread});
  return out;
}

// 'insensitive to small perturbations' must not hold where the perturbation is not small: the
// claim's own trained AE (from the checkpoint store; no further training) with the report's
// 'a lot' of noise, sigma = 500 and its draw, in sigma = 0.1's place.
std::vector<Measurement> small_keeps_control(ClaimContext& ctx, double scale) {
  auto trained = trained_bottleneck_ae(ctx);
  const auto huge = kCodeSigmas.size() - 1;
  const auto e = code_noise_errors(ctx, trained.model, {kCodeSigmas[huge]},
                                   ctx.seed + kCodeNoiseSeed + huge, scale);
  return {{kSmallRatio, e.noisy.front() / e.clean}};
}

// Without noise nothing can be destroyed: the AE initialised only (no training), zero noise on
// its codes, the ratio 1.
std::vector<Measurement> huge_destroys_control(ClaimContext& ctx, double scale) {
  const auto e = code_noise_errors(ctx, initialised_only(ctx, recipes::bottleneck_autoencoder()),
                                   {0.0}, ctx.seed + kCodeNoiseSeed, scale);
  return {{kHugeRatio, e.noisy.front() / e.clean}};
}

const char* kUnitReading = "pixels [0,1], as the AE trained (002:38)";
const char* kRawReading = "pixels 0-255, as S2 fed its test image (002:1952, 1972)";
const char* kRawDiffers =
    "002:1952 feeds testset.data, MNIST's raw 0-255 values, to the AE that trained on "
    "ToTensor's [0,1] pixels (002:38): what sigma on its codes meant is on that scale, where the "
    "as-made claim reads the method as the AE trained";
const char* kBottleneckAe =
    "the 784-64-8-64-784 ReLU AE (Adam 3e-4, batch 256, 10 epochs, trained on [0,1] pixels, "
    "002:38)";
const char* kRawPixelsFull =
    "; S2 showed one test image (002:1952), we average the error over all 10,000 test images, "
    "with one noise draw per sigma and seed";
const char* kCiAsFull = "as full (the model is cheap): the source's set-up, same threshold";
// The bars read words S2 judged on pictures: why every reading's bias stays unknown.
const UnknownBias kSmallKeepsWithoutMeasure = no_measure_for(
    "'insensitive to small perturbations' (002:2015, judged by eye on one image's decodes)");
const UnknownBias kHugeDestroysWithoutMeasure = no_measure_for(
    "'not able to reconstruct the digit anymore' (002:2015, judged by eye on one image's "
    "decodes)");

// ci runs full's set-up (the model is cheap): full's departures and bias, in ci's words.
Departure same_as_full(const Claim& c, const std::string& text) {
  Departure ci = c.departures.at(Profile::full);
  ci.text = text;
  return ci;
}

}  // namespace

Claim latent_noise_small_keeps_reconstruction() {
  Claim c;
  c.id = "s2.latent_noise_small_keeps_reconstruction";
  c.source = "S2.8";
  c.sentence = std::string(
                   "002:2015 'It seems the network is insensitive to small "
                   "perturbations': for ") +
               kBottleneckAe +
               ", Gaussian noise of sigma = 0.1 (the smallest of S2's four, 002:1953) on the 8-d "
               "codes of test images keeps the reconstruction: error(0.1) / clean error < 1.5 "
               "(mean per-image test error against the input), the AE fed [0,1] pixels, as it "
               "trained (sigma over the codes' spread is recorded: sigma_0.1_over_code_std). One "
               "of two readings: S2 fed its one image as raw 0-255 pixels (002:1952, 1972), "
               "where the codes are far larger and the AE reconstructs from inputs on a scale it "
               "never trained on, so this ratio can differ "
               "too; that reading is its variant "
               "s2.latent_noise_small_keeps_reconstruction_pixels_0_255, and the statement's "
               "verdict is taken across the two. The next sentence (a lot of noise) is "
               "s2.latent_noise_huge_destroys_reconstruction.";
  c.reading = {"", kUnitReading, ""};
  c.departures[Profile::full] = {
      kFull +
          "; the threshold 1.5 is ours (the source shows images: no direction can be given to a "
          "bar it never set); sigma = 0.1 is another share of the codes' spread on [0,1] inputs "
          "than on S2's 0-255 inputs (recorded: sigma_0.1_over_code_std): the two readings' "
          "difference, each run "
          "as its own claim (the 0-255 one runs S2's evaluation) and the verdict taken across "
          "them, not a bias of this one",
      Bias::unknown,
      {kSmallKeepsWithoutMeasure}};
  c.departures[Profile::ci] = same_as_full(c, kCiAsFull);
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {{kSmallRatio, Comparison::less, kSmallKeeps, kSmallKeeps, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) {
    return measure_code_noise(ctx, CodeNoiseSentence::small_keeps, 1.0);
  };
  c.control.stands_in =
      "the report's 'a lot' of noise (sigma = 500, its own draw) in sigma = 0.1's place, on the "
      "claim's trained AE (no further training): a perturbation that is not small must not keep "
      "the reconstruction";
  c.control.evaluate = [](ClaimContext& ctx) { return small_keeps_control(ctx, 1.0); };
  return c;
}

Claim latent_noise_small_keeps_reconstruction_pixels_0_255() {
  Claim c;
  c.id = "s2.latent_noise_small_keeps_reconstruction_pixels_0_255";
  c.source = "S2.8";
  c.sentence = std::string(
                   "002:2015 'It seems the network is insensitive to small "
                   "perturbations', read as S2 ran it: ") +
               kBottleneckAe +
               " fed its test images as raw 0-255 pixels, as S2 fed its one image (testset.data, "
               "002:1952; images.float(), 002:1972), its output divided by 255 to compare with "
               "the image; Gaussian noise of sigma = 0.1 on the 8-d codes keeps the "
               "reconstruction. Asserted as for the [0,1] reading: error(0.1) / clean error < 1.5 "
               "(mean per-image test error against the [0,1] image). On this scale the codes are "
               "far larger than on [0,1] pixels (recorded: sigma_0.1_over_code_std).";
  c.reading = {"s2.latent_noise_small_keeps_reconstruction", kRawReading, kRawDiffers};
  c.departures[Profile::full] = {
      kFullAsMade +
          "; the threshold 1.5 is ours (the source shows images: no direction can be given to a "
          "bar it never set)" +
          kRawPixelsFull,
      Bias::unknown,
      {kSmallKeepsWithoutMeasure}};
  c.departures[Profile::ci] = same_as_full(c, kCiAsFull);
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {{kSmallRatio, Comparison::less, kSmallKeeps, kSmallKeeps, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) {
    return measure_code_noise(ctx, CodeNoiseSentence::small_keeps, kRawScale);
  };
  c.control.stands_in =
      "the report's 'a lot' of noise (sigma = 500, its own draw) in sigma = 0.1's place, on the "
      "claim's trained AE fed 0-255 pixels (no further training): a perturbation that is not "
      "small must not keep the reconstruction";
  c.control.evaluate = [](ClaimContext& ctx) { return small_keeps_control(ctx, kRawScale); };
  return c;
}

Claim latent_noise_huge_destroys_reconstruction() {
  Claim c;
  c.id = "s2.latent_noise_huge_destroys_reconstruction";
  c.source = "S2.8";
  c.sentence = std::string(
                   "002:2015 'When the noise is a lot then we can see that the net is not "
                   "able to reconstruct the digit anymore': for ") +
               kBottleneckAe +
               ", Gaussian noise of sigma = 500 (the largest of S2's four, 002:1953) on the 8-d "
               "codes of test images destroys the reconstruction: error(500) / clean error > 5 "
               "(mean per-image test error against the input), the AE fed [0,1] pixels, as it "
               "trained (sigma over the codes' spread is recorded: sigma_500_over_code_std). One "
               "of two readings: S2 fed its one image as raw 0-255 pixels (002:1952, 1972), "
               "where the codes are far larger and sigma = 500 a far smaller share of their "
               "spread; that reading is its variant "
               "s2.latent_noise_huge_destroys_reconstruction_pixels_0_255, and the statement's "
               "verdict is taken across the two. The sentence before (small noise) is "
               "s2.latent_noise_small_keeps_reconstruction.";
  c.reading = {"", kUnitReading, ""};
  c.departures[Profile::full] = {
      kFull +
          "; the threshold 5 is ours (the source shows images: no direction can be given to a "
          "bar it never set); on [0,1] inputs sigma = 500 is a far larger share of the codes' "
          "spread than on S2's 0-255 inputs (recorded: sigma_500_over_code_std), so the "
          "statement is easier in this reading than in S2's run: the two readings' difference, "
          "each run as its own "
          "claim (the 0-255 one runs S2's evaluation) and the verdict taken across them, not a "
          "bias of this one",
      Bias::unknown,
      {kHugeDestroysWithoutMeasure}};
  c.departures[Profile::ci] = same_as_full(c, kCiAsFull);
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {kHugeRatio, Comparison::greater, kHugeDestroys, kHugeDestroys, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) {
    return measure_code_noise(ctx, CodeNoiseSentence::huge_destroys, 1.0);
  };
  c.control.stands_in =
      "zero noise on the codes (the AE initialised only, same recipe and seed): a "
      "reconstruction no noise reaches is not destroyed (the ratio 1)";
  c.control.evaluate = [](ClaimContext& ctx) { return huge_destroys_control(ctx, 1.0); };
  return c;
}

Claim latent_noise_huge_destroys_reconstruction_pixels_0_255() {
  Claim c;
  c.id = "s2.latent_noise_huge_destroys_reconstruction_pixels_0_255";
  c.source = "S2.8";
  c.sentence = std::string(
                   "002:2015 'When the noise is a lot then we can see that the net is not "
                   "able to reconstruct the digit anymore', read as S2 ran it: ") +
               kBottleneckAe +
               " fed its test images as raw 0-255 pixels, as S2 fed its one image (testset.data, "
               "002:1952; images.float(), 002:1972), its output divided by 255 to compare with "
               "the image; Gaussian noise of sigma = 500 on the 8-d codes destroys the "
               "reconstruction. Asserted as for the [0,1] reading: error(500) / clean error > 5 "
               "(mean per-image test error against the [0,1] image). On this scale the codes are "
               "far larger than on [0,1] pixels (recorded: sigma_500_over_code_std).";
  c.reading = {"s2.latent_noise_huge_destroys_reconstruction", kRawReading, kRawDiffers};
  c.departures[Profile::full] = {
      kFullAsMade +
          "; the threshold 5 is ours (the source shows images: no direction can be given to a "
          "bar it never set)" +
          kRawPixelsFull,
      Bias::unknown,
      {kHugeDestroysWithoutMeasure}};
  c.departures[Profile::ci] = same_as_full(c, kCiAsFull);
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {kHugeRatio, Comparison::greater, kHugeDestroys, kHugeDestroys, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) {
    return measure_code_noise(ctx, CodeNoiseSentence::huge_destroys, kRawScale);
  };
  c.control.stands_in =
      "zero noise on the codes (the AE initialised only, same recipe and seed, fed 0-255 "
      "pixels): a reconstruction no noise reaches is not destroyed (the ratio 1)";
  c.control.evaluate = [](ClaimContext& ctx) { return huge_destroys_control(ctx, kRawScale); };
  return c;
}

}  // namespace aerepro::claims::s2
