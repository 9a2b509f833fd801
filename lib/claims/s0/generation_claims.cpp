// S0's image generation (000:61-89): 9 codes drawn from U[0,1)^4 and decoded by the trained conv
// DAE's decoder (000:82, `decoder(torch.rand(9,4))`), judged by the report in words only (000:69).
#include "analysis/latent.h"
#include "analysis/metrics.h"
#include "claims/claim_support.h"
#include "claims/s0/support.h"
#include "common/compat.h"

#include <string>
#include <utility>
#include <vector>

namespace aerepro::claims::s0 {  // per source: unity builds join these files
namespace {

// One seed's draws, shared by the claim and its control: the report's 9 codes (000:82), 9
// uniform-noise images, and 18 distinct real test digits: the first 9 the comparison, the other
// 9 the control's stand-ins for the generated images.
struct GenerationDraws {
  torch::Tensor codes, noise, digits, other_digits;
};

GenerationDraws draw_generation_inputs(ClaimContext& ctx, const torch::Tensor& like) {
  auto gen = compat::make_generator(ctx.device, ctx.seed + 2000);
  GenerationDraws d;
  d.codes = analysis::sample_uniform_codes(9, 4, gen).to(ctx.device);  // torch.rand(9,4)
  d.noise = torch::rand({9, 1, 28, 28}, gen, like.options());
  const auto& test = mnist(ctx, data::Split::test);
  const auto order = torch::randperm(
      test.size(), gen, torch::TensorOptions().dtype(torch::kInt64).device(ctx.device));
  d.digits = test.images.index_select(0, order.narrow(0, 0, 9));
  d.other_digits = test.images.index_select(0, order.narrow(0, 9, 9));
  return d;
}

// Mean Euclidean distance from each of `images` to its nearest training image.
double mean_distance_to_training(const torch::Tensor& images, const torch::Tensor& training) {
  return analysis::nearest_neighbour_distance(images, training).mean().item<double>();
}

// The asserted ratios for 9 images standing as the generated ones.
std::vector<Measurement> generation_ratios(const torch::Tensor& images, const GenerationDraws& d,
                                           const torch::Tensor& training) {
  const double d_images = mean_distance_to_training(images, training);
  const double d_noise = mean_distance_to_training(d.noise, training);
  const double d_digits = mean_distance_to_training(d.digits, training);
  return {{"generated_over_noise_distance", d_images / d_noise},
          {"generated_over_test_digit_distance", d_images / d_digits},
          {"distance_generated", d_images},
          {"distance_noise", d_noise},
          {"distance_test_digits", d_digits}};
}

}  // namespace

Claim generated_digits_replicated_but_pixelated() {
  Claim c;
  c.id = "s0.generated_digits_replicated_but_pixelated";
  c.source = "S0.6";
  c.sentence =
      "'while we are able to replicate the digits … the digits come out very pixelated and not "
      "consistent as well' (000:69), of 9 codes drawn from U[0,1)^4 and decoded by the trained "
      "conv DAE (000:82). The report gives no measure; read as, chosen before any run: "
      "'replicate the digits': the 9 images lie nearer the training images than 9 uniform-noise "
      "images do (mean distance to the nearest training image, ratio below 1); 'very pixelated "
      "and not consistent': they lie farther from their nearest training image than 9 real test "
      "digits do from theirs (ratio above 1), i.e. they are not drawn as the data draws digits";
  S0Departures departures;
  departures.kmeans = false;
  departures.full_more =
      "The 9 codes, the 9 noise images and the test digits follow the seed too (the source drew "
      "its codes unseeded, 000:77); the decoder runs in eval mode, its batch norm on running "
      "statistics, as the source's did (000:531-532 set eval before 000:604). The report's "
      "words have no threshold: the two distance ratios are their reading, declared before any "
      "run";
  departures.full_more_unknown = {
      {WhyUnknown::not_in_report,
       "'replicate the digits' and 'very pixelated and not consistent' (000:69) are judged by "
       "eye on a figure the text does not hold (000:63-66) and with no measure: the distance "
       "ratios read them, and no measure of the report's can be run in their place"}};
  s0_departures(c, departures);
  c.assertions = {
      {"generated_over_noise_distance", Comparison::less, 1.0, 1.0, std::nullopt, ""},
      {"generated_over_test_digit_distance", Comparison::greater, 1.0, 1.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    auto dae = trained_conv_dae(ctx);
    const auto draws = draw_generation_inputs(ctx, dae.train.images);
    torch::NoGradGuard no_grad;
    const auto generated = dae.model->decode(draws.codes);
    auto out = generation_ratios(generated, draws, dae.train.images);
    for (int64_t r = 0; r < 3; ++r) {
      ctx.artifacts.add_image_row(FigureId::generated, r, r == 0 ? "U[0,1)^4 codes (000:82)" : "",
                                  generated.narrow(0, 3 * r, 3));
    }
    ctx.artifacts.add_image_row(FigureId::generated, 3, "uniform noise",
                                draws.noise.narrow(0, 0, 3));
    ctx.artifacts.add_image_row(FigureId::generated, 4, "real test digits",
                                draws.digits.narrow(0, 0, 3));
    for (const auto& [x, m] : {std::pair<const char*, size_t>{"U[0,1)^4 codes", 2},
                               {"uniform noise", 3},
                               {"real test digits", 4}}) {
      ctx.artifacts.add_point(FigureId::nearest_training_distance, "mean distance", x,
                              out[m].value);
    }
    return out;
  };
  c.control.stands_in =
      "9 other real test digits in the generated images' place (no model), against the same "
      "noise and the same 9 test digits: real digits are neither pixelated nor inconsistent, so "
      "they must not lie farther from the training images than real digits do; if they pass "
      "too, the distance cannot tell the decoder's images from real digits";
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto training = untrained_conv_dae(ctx).train.images;  // the split only; no model used
    const auto draws = draw_generation_inputs(ctx, training);
    auto out = generation_ratios(draws.other_digits, draws, training);
    out.resize(2);  // the asserted ratios only
    return out;
  };
  return c;
}

}  // namespace aerepro::claims::s0
