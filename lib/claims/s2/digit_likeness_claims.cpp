// S2's statements about whether pictures look like digits, read as the measures of
// claims/s2/picture_measures.h (the nearest MNIST digit-class mean): black borders and
// digit-like outputs of the x-AEs on non-digit inputs (002:947, 1002), random moves in pixel
// space (002:1884) and noise on the 8-d code of a 4 (002:2019).
#include "claims/s2/picture_measures.h"
#include "claims/s2/picture_readings.h"
#include "claims/s2/support.h"
#include "common/compat.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

namespace aerepro::claims::s2 {
namespace {

// Our reading of "black" (002:947, 1002): a border band whose mean, displayed as imshow shows
// the image, lies in the darkest tenth of the picture's grey range.
constexpr double kBlackBorder = 0.1;
constexpr double kBrightBorderInput = 0.1;  // Fashion-MNIST inputs "with white in the borders"
const std::vector<double> kCodeNoise{0.1, 0.5, 0.8, 500};  // S2.8 (002:1953)
constexpr int64_t kImage8222 = 8222;                       // 002:1952, a 4
constexpr int64_t kCodeDraws = 100;
// Our reading of "ends up recreating something similar to a 9": at some sigma, at least a
// quarter of the noise draws decode to an image whose nearest digit-class mean is a 9.
constexpr double kNineShare = 0.25;

// ---- 002:947, 1002: the x-AEs on non-digit inputs, fed 0-255 as S2's code did ----

struct NonDigitInputs {
  torch::Tensor uniform, fashion_bright_border;
};
NonDigitInputs non_digit_inputs(ClaimContext& ctx) {
  NonDigitInputs in;
  const auto n = test_image_count(ctx.profile);
  const auto& fashion = fashion_mnist(ctx, data::Split::test);
  const auto some = fashion.images.narrow(0, 0, std::min(n, fashion.size()));
  // The input's own border band on [0,1] (its display would stretch a faint border).
  auto band = torch::ones({28, 28}, torch::TensorOptions().dtype(torch::kBool));
  band.narrow(0, 3, 22).narrow(1, 3, 22).fill_(false);
  const auto raw_border = some.reshape({some.size(0), 28, 28})
                              .index({torch::indexing::Slice(), band.to(some.device())})
                              .mean(1);
  in.fashion_bright_border = some.index({raw_border.gt(kBrightBorderInput)});
  auto gen = compat::make_generator(ctx.device, ctx.seed + 2104);
  in.uniform = torch::rand({std::min<int64_t>(1000, n), 1, 28, 28}, gen, some.options());
  return in;
}

// The asserted three over the x-AEs (as made: fed 0-255), and the evidence per x.
std::vector<Measurement> non_digit_pictures(const std::vector<analysis::TensorMap>& maps,
                                            const NonDigitInputs& in, const torch::Tensor& means,
                                            double bar) {
  double border_uniform = 0, border_fashion = 0;
  double digit_like = std::numeric_limits<double>::infinity();
  std::vector<Measurement> evidence;
  const auto sizes = models::undercomplete_hidden_sizes();
  for (size_t i = 0; i < maps.size(); ++i) {
    const auto u = outputs_of(maps[i], in.uniform);
    const auto f = outputs_of(maps[i], in.fashion_bright_border);
    const double bu = mean_of(displayed_border_mean(u));
    const double bf = mean_of(displayed_border_mean(f));
    const double share = digit_like_share(u, means, bar);
    border_uniform = std::max(border_uniform, bu);
    border_fashion = std::max(border_fashion, bf);
    digit_like = std::min(digit_like, share);
    const auto tag = fmt::format("x{}", sizes[i]);
    evidence.push_back({"border_displayed_mean_uniform_" + tag, bu});
    evidence.push_back({"border_displayed_mean_fashion_bright_border_" + tag, bf});
    evidence.push_back({"digit_like_share_uniform_reconstructions_" + tag, share});
  }
  std::vector<Measurement> out{{"max_border_displayed_mean_uniform", border_uniform},
                               {"max_border_displayed_mean_fashion_bright_border", border_fashion},
                               {"min_digit_like_share_uniform_reconstructions", digit_like}};
  out.insert(out.end(), evidence.begin(), evidence.end());
  return out;
}

Claim ood_black_border_digit_like() {
  Claim c;
  c.id = "s2.ood_reconstructions_black_border_look_like_digits";
  c.source = "S2.4";
  c.sentence =
      "002:947 'the reconstruction has always black on the outer pixels, even though the input "
      "image has white in the borders!' and 002:1002 'the model tries to capture and then "
      "reconstruct features similar to the digits dataset. Again we can see the black pixels "
      "around the image': S2.3's x-AEs (x = 64, 128, 256), fed non-digit images as raw 0-255 "
      "pixels as S2's code fed them (002:813-870, 953-975), output black borders and digit-like "
      "pictures. Our reading, declared before any run: black border = the mean of the outer "
      "3-pixel band of the reconstruction, displayed as imshow shows it (stretched from its own "
      "minimum to maximum), < 0.1; digit-like = correlating with the nearest of the ten MNIST "
      "digit-class mean images at least as strongly as the 10th percentile of real MNIST test "
      "digits. Asserted, the worst x of the three: border < 0.1 on uniform random images "
      "(S2's random image, 002:953) and on Fashion-MNIST test images whose own border band "
      "averages > 0.1 on [0,1] (KMNIST's 'white in the borders'); and more than half of the "
      "random images' reconstructions digit-like.";
  c.departures[Profile::full] = {
      kFullAsMade +
          "; Fashion-MNIST test images with bright borders stand in for KMNIST (not obtainable "
          "offline); 1,000 uniform random images for S2's one; S2 judged the pictures by eye, "
          "the proxies and bars (0.1, 10th percentile, half) are ours. The AEs fed [0,1] pixels "
          "are not run: a border the AE never saw lit (MNIST's borders are black) is set by its "
          "learned output weights at either scale",
      Bias::unknown,
      {{WhyUnknown::not_runnable_here,
        "KMNIST (002:767): neither the Debian archive nor the npm registry ./ci/test draws on "
        "carries it, so the bright-bordered inputs are Fashion-MNIST's"},
       no_measure_for("'black on the outer pixels' and 'features similar to the digits' "
                      "(002:947, 1002, judged by eye on one picture each)")}};
  c.departures[Profile::ci] = ci_departure(
      c.departures[Profile::full],
      "as full, with the x-AEs of s2.error_falls_with_hidden_size as trained in ci (5 of 10 "
      "epochs); same thresholds");
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {{"max_border_displayed_mean_uniform", Comparison::less, kBlackBorder,
                   kBlackBorder, std::nullopt, ""},
                  {"max_border_displayed_mean_fashion_bright_border", Comparison::less,
                   kBlackBorder, kBlackBorder, std::nullopt, ""},
                  {"min_digit_like_share_uniform_reconstructions", Comparison::greater, 0.5, 0.5,
                   std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, undercomplete_schedule());
    std::vector<analysis::TensorMap> maps;
    for (const auto x : models::undercomplete_hidden_sizes())
      maps.push_back(fed_raw_pixels(reconstruction_of(undercomplete_ae(ctx, data, x).model)));
    const auto means = digit_class_means(ctx);
    const double bar = digit_like_bar(ctx, means);
    const auto in = non_digit_inputs(ctx);
    auto out = non_digit_pictures(maps, in, means, bar);
    out.push_back({"digit_like_bar_mnist_test_p10", bar});
    out.push_back(
        {"fashion_bright_border_images", static_cast<double>(in.fashion_bright_border.size(0))});
    out.push_back(
        {"border_displayed_mean_uniform_inputs", mean_of(displayed_border_mean(in.uniform))});
    out.push_back({"border_displayed_mean_fashion_bright_border_inputs",
                   mean_of(displayed_border_mean(in.fashion_bright_border))});
    ctx.artifacts.add_image_row(FigureId::ood_reconstructions, 0, "uniform noise",
                                in.uniform.narrow(0, 0, 8));
    ctx.artifacts.add_image_row(
        FigureId::ood_reconstructions, 1, "x=256 AE, fed 0-255 (displayed)",
        as_displayed(outputs_of(maps.back(), in.uniform.narrow(0, 0, 8))).to(torch::kFloat32));
    const auto k = std::min<int64_t>(8, in.fashion_bright_border.size(0));
    ctx.artifacts.add_image_row(FigureId::ood_reconstructions, 2, "Fashion-MNIST, bright border",
                                in.fashion_bright_border.narrow(0, 0, k));
    ctx.artifacts.add_image_row(
        FigureId::ood_reconstructions, 3, "x=256 AE, fed 0-255 (displayed)",
        as_displayed(outputs_of(maps.back(), in.fashion_bright_border.narrow(0, 0, k)))
            .to(torch::kFloat32));
    return out;
  };
  c.control.stands_in =
      "the identity map in every AE's place (the input itself): a random image's border is "
      "not black, nor is it digit-like";
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto means = digit_class_means(ctx);
    const double bar = digit_like_bar(ctx, means);
    auto all = non_digit_pictures(std::vector<analysis::TensorMap>(3, identity_map()),
                                  non_digit_inputs(ctx), means, bar);
    all.resize(3);
    return all;
  };
  return c;
}

// ---- 002:1884: random moves in pixel space ----

// The largest share over sigma of noisy test images (x + sigma N(0,1): on 0-255 pixels as
// made, 002:1830, then / 255 for the display-free measure) that still look like a digit.
std::vector<Measurement> moved_images(ClaimContext& ctx, const std::vector<double>& sigmas,
                                      bool as_made) {
  const double scale = as_made ? 255.0 : 1.0;
  const auto means = digit_class_means(ctx);
  const double bar = digit_like_bar(ctx, means);
  const auto test = test_images(ctx);
  double most = 0;
  std::vector<Measurement> evidence;
  for (size_t i = 0; i < sigmas.size(); ++i) {
    auto gen = compat::make_generator(ctx.device, ctx.seed + 7500 + i);
    const auto moved = train::Corruption::gaussian(sigmas[i]).apply(test * scale, gen) / scale;
    const double share = digit_like_share(moved, means, bar);
    most = std::max(most, share);
    evidence.push_back({"digit_like_share_sigma_" + fmt_g(kPixelSigmas[i]), share});
  }
  std::vector<Measurement> out{{"max_digit_like_share_of_moved_images", most}};
  out.insert(out.end(), evidence.begin(), evidence.end());
  out.push_back({"digit_like_bar_mnist_test_p10", bar});
  return out;
}

Claim random_moves_claim(bool as_made) {
  const std::string base = "s2.random_moves_leave_no_digit";
  Claim c;
  c.id = variant_id(base, as_made);
  c.source = "S2.7";
  c.sentence =
      "002:1884 'You generally do not get valid digits because this space is sparsely "
      "populated with valid data points': MNIST test images moved in a random direction "
      "(x + sigma*N(0,1), sigma in {0.3, 0.5, 0.8, 0.9}, 002:1821-1870) generally stop looking "
      "like digits. Our reading, declared before any run: an image looks like a digit when it "
      "correlates with its nearest MNIST digit-class mean image at least as strongly as the "
      "10th percentile of the clean test digits; 'generally not' = under half. Asserted: the "
      "largest share over sigma of moved images that look like a digit < 0.5 (the cause, "
      "'sparsely populated', is not tested). " +
      std::string(as_made ? "Moved as S2's code moved them: the noise added to the raw 0-255 "
                            "pixels (002:1830), where sigma <= 0.9 is invisible."
                          : "CORRECTED VARIANT (read with s2.random_moves_leave_no_digit, the "
                            "measurement as made): the noise added to [0,1] pixels.");
  c.departures[Profile::full] = {
      std::string(as_made ? "moved as S2's code moved them"
                          : "CORRECTED VARIANT: the noise on "
                            "[0,1] pixels") +
          "; no model enters; S2 showed one image (9710), we take the test set; a fresh noise "
          "draw per seed; the proxy and its bars are ours",
      Bias::unknown,
      {no_measure_for("'You generally do not get valid digits' (002:1884, judged by eye on one "
                      "picture per sigma)")}};
  // ci runs the full set-up (no model is trained): the same departures, the same bias.
  c.departures[Profile::ci] = c.departures[Profile::full];
  c.departures[Profile::ci].text = "as full (no model is trained): same threshold";
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"max_digit_like_share_of_moved_images", Comparison::less, 0.5, 0.5, std::nullopt, ""}};
  c.evaluate = [as_made](ClaimContext& ctx) -> std::vector<Measurement> {
    return moved_images(ctx, kPixelSigmas, as_made);
  };
  c.control.stands_in = "zero noise (the test images unmoved): real digits look like digits";
  c.control.evaluate = [as_made](ClaimContext& ctx) -> std::vector<Measurement> {
    auto all = moved_images(ctx, std::vector<double>(kPixelSigmas.size(), 0.0), as_made);
    all.resize(1);
    return all;
  };
  return c;
}

// ---- 002:2019: noise on the 8-d code of test image 8222 ----

// Per sigma, the share of kCodeDraws noisy codes of image 8222 (fed at `scale`) whose decode's
// nearest digit-class mean is a 9.
std::vector<double> nine_shares(ClaimContext& ctx, models::BottleneckAutoencoder model,
                                const std::vector<double>& sigmas, const torch::Tensor& means) {
  torch::NoGradGuard no_grad;
  const auto image = mnist(ctx, data::Split::test).images.narrow(0, kImage8222, 1);
  const auto code = model->encode(image * 255.0);  // as made: raw 0-255 pixels (002:1952-1967)
  std::vector<double> shares;
  for (size_t i = 0; i < sigmas.size(); ++i) {
    auto gen = compat::make_generator(ctx.device, ctx.seed + 8200 + i);
    const auto codes = code.expand({kCodeDraws, code.size(1)});
    const auto noisy = codes + sigmas[i] * torch::randn(codes.sizes(), gen, codes.options());
    const auto labels = nearest_class_mean_label(model->decode(noisy), means);
    shares.push_back(labels.eq(9).to(torch::kFloat64).mean().item<double>());
  }
  return shares;
}

Claim code_noise_nine_claim() {
  Claim c;
  c.id = "s2.code_noise_turns_4_into_9";
  c.source = "S2.8";
  c.sentence =
      "002:2019 'by adding some noise to the manifold the net ends up recreating something "
      "similar to a 9, instead of a 4': S2.8's 784-64-8-64-784 ReLU AE (Adam 3e-4, batch 256, "
      "10 epochs), test image 8222 (a 4) fed as raw 0-255 pixels as S2's code fed it "
      "(002:1952-1967), Gaussian noise of sigma in {0.1, 0.5, 0.8, 500} added to its 8-d code "
      "(S2 does not say at which sigma it saw the 9). Our reading, declared before any run: a "
      "decode is 'similar to a 9' when its nearest MNIST digit-class mean image (by "
      "correlation) is the 9's; the net 'ends up' there when at least a quarter of 100 noise "
      "draws do so at some sigma. Asserted: the largest share over sigma > 0.25.";
  c.departures[Profile::full] = {
      kFullAsMade +
          "; 100 noise draws per sigma where S2 drew once; the proxy and its bar are ours",
      Bias::unknown,
      {no_measure_for("'something similar to a 9, instead of a 4' (002:2019, judged by eye on "
                      "one draw per sigma)")}};
  // ci runs the full set-up (the model is cheap): the same departures, the same bias.
  c.departures[Profile::ci] = c.departures[Profile::full];
  c.departures[Profile::ci].text = "as full (the model is cheap): same threshold";
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {{"max_share_of_code_draws_decoding_to_9", Comparison::greater, kNineShare,
                   kNineShare, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, bottleneck_schedule());
    auto trained = train_on_schedule(ctx, recipes::bottleneck_autoencoder(), bottleneck_schedule(),
                                     data, "S2.8 AE 8-d code");
    const auto means = digit_class_means(ctx);
    const auto shares = nine_shares(ctx, trained.model, kCodeNoise, means);
    const auto clean = nine_shares(ctx, trained.model, {0.0}, means);
    std::vector<Measurement> out{
        {"max_share_of_code_draws_decoding_to_9", *std::max_element(shares.begin(), shares.end())},
        {"clean_code_decodes_to_9", clean.front()}};
    for (size_t i = 0; i < shares.size(); ++i)
      out.push_back({"share_decoding_to_9_sigma_" + fmt_g(kCodeNoise[i]), shares[i]});
    torch::NoGradGuard no_grad;
    const auto image = mnist(ctx, data::Split::test).images.narrow(0, kImage8222, 1);
    out.push_back(
        {"input_image_8222_nearest_class_mean_is_4",
         nearest_class_mean_label(image, means).eq(4).to(torch::kFloat64).item<double>()});
    return out;
  };
  c.control.stands_in =
      "zero noise on the code (the trained AE's clean decode of image 8222, every draw the "
      "same): where the clean decode is already a 9, the noise did not make it one";
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    // The claim's own trained model: the control runs after the evaluation, so the
    // checkpoint store returns the model it trained (a controls-only run trains it first).
    const auto data = training_images(ctx, bottleneck_schedule());
    auto trained = train_on_schedule(ctx, recipes::bottleneck_autoencoder(), bottleneck_schedule(),
                                     data, "S2.8 AE 8-d code");
    const auto means = digit_class_means(ctx);
    const auto shares =
        nine_shares(ctx, trained.model, std::vector<double>(kCodeNoise.size(), 0.0), means);
    return {
        {"max_share_of_code_draws_decoding_to_9", *std::max_element(shares.begin(), shares.end())}};
  };
  return c;
}

}  // namespace

Claim ood_reconstructions_black_border_look_like_digits() {
  return ood_black_border_digit_like();
}
Claim random_moves_leave_no_digit() {
  return random_moves_claim(/*as_made=*/true);
}
Claim random_moves_leave_no_digit_corrected() {
  return random_moves_claim(/*as_made=*/false);
}
Claim code_noise_turns_4_into_9() {
  return code_noise_nine_claim();
}

}  // namespace aerepro::claims::s2
