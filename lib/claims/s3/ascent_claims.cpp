// S3.9 (003:622-733, 003:750): gradient ascent towards "the manifold of a digit" with the
// fine-tuned deep DAE as made — the report's procedure, and the faithful update as a corrected
// variant.
#include "analysis/latent.h"
#include "claims/claim_support.h"
#include "claims/s3/ascent.h"
#include "claims/s3/departure_bias.h"
#include "claims/s3/support.h"
#include "common/compat.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

namespace aerepro::claims::s3 {
namespace {

void add_ascent_rows(ClaimContext& ctx, const torch::Tensor& iterates, bool invert) {
  const auto shown = std::min<int64_t>(8, iterates.size(1));
  int row = 0;
  for (const int64_t t : {0, 1, 2, 5, 10, 20, 50}) {
    if (t >= iterates.size(0)) break;
    const auto x = iterates[t].narrow(0, 0, shown);
    ctx.artifacts.add_image_row(FigureId::manifold_ascent, row++,
                                fmt::format("step {}{}", t, invert ? " (shown as -x)" : ""),
                                for_display(invert ? -x : x));
  }
}

// S3.9 as made with `reconstruct` in the DAE's place; `figures`: whether to draw the iterates.
std::vector<Measurement> as_made_ascent(ClaimContext& ctx, const analysis::TensorMap& reconstruct,
                                        bool figures) {
  const auto s = setup(ctx.profile);
  const auto& test = mnist(ctx, data::Split::test);
  torch::NoGradGuard no_grad;
  const auto means = test_digit_means(test);
  const auto x0 = noise_starts(ctx, s.noise_images, test.images);
  // 003:678 defaults: eta = 1, n = 10.
  const auto result =
      report_ascent(x0, reconstruct, means.narrow(0, kAnchorDigit, 1), 1.0, s.ascent_iterations);
  const auto shown_start = -result.iterates[0], shown_end = -result.iterates[-1];
  const auto start_corr = pixel_correlations(shown_start, means);
  const auto end_corr = pixel_correlations(shown_end, means);
  const auto best = end_corr.argmax(1);
  const double on_anchor = best.eq(kAnchorDigit).to(torch::kFloat64).mean().item<double>();
  const double rise =
      (end_corr.select(1, kAnchorDigit) - start_corr.select(1, kAnchorDigit)).mean().item<double>();
  auto others = end_corr.clone();
  others.select(1, kAnchorDigit).fill_(-2.0);
  const double margin =
      (end_corr.select(1, kAnchorDigit) - std::get<0>(others.max(1))).mean().item<double>();
  // Do the starts still matter? Mean pairwise correlation of the shown end images.
  const auto pairwise = pixel_correlations(shown_end, shown_end);
  const auto n = pairwise.size(0);
  const double agreement =
      n > 1 ? (pairwise.sum().item<double>() - n) / static_cast<double>(n * (n - 1)) : 1.0;
  const double uninverted_on_anchor = pixel_correlations(result.iterates[-1], means)
                                          .argmax(1)
                                          .eq(kAnchorDigit)
                                          .to(torch::kFloat64)
                                          .mean()
                                          .item<double>();
  if (figures) add_ascent_rows(ctx, result.iterates, /*invert=*/true);
  const auto residuals = result.residual_norms;
  return {{"fraction_of_starts_nearest_digit_mean_is_anchor", on_anchor},
          {"anchor_correlation_final_minus_initial", rise},
          {"anchor_correlation_final", end_corr.select(1, kAnchorDigit).mean().item<double>()},
          {"anchor_margin_over_next_digit_mean", margin},
          {"pairwise_correlation_of_final_images", agreement},
          {"fraction_nearest_is_anchor_without_inversion", uninverted_on_anchor},
          {"residual_final_over_initial",
           residuals[-1].mean().item<double>() / residuals[0].mean().item<double>()}};
}

// As made: x <- x/‖x‖₂ after x <- x + η(r(x) − r(m₄)), m₄ the mean of the test-set 4s, shown
// as −x; "converges to the manifold of a digit" read as: the shown image comes to correlate best
// with the anchor digit's mean among the ten digit means.
Claim ascent_as_made() {
  Claim c;
  c.id = "s3.manifold_ascent_converges_to_data";
  c.source = "S3.9";
  c.sentence =
      "003:750 'The convergence to the manifold of a digit has been proven': with the report's "
      "procedure — from pure noise, x <- x + η(r(x) − r(m)), m the mean of the test-set 4s "
      "(digit_mean(4)), each step divided by its L2 norm and shown inverted — the shown image "
      "comes to look like the anchor's digit (its pixel correlation is highest with the mean 4 "
      "of the ten digit means, for at least 90 % of starts, and has risen from the start)";
  declare_departures(
      c, StackReading::as_made,
      "; S3.9 as 003's code runs it (003:622-733): the fine-tuned deep DAE, anchor the mean of "
      "the test-set 4s, x <- x + η(r(x) - r(anchor)), x /= ‖x‖₂ after every step, shown as -x; "
      "η = 1 and 10 steps are the function's visible defaults (the three calls are cut off); "
      "16 starts per seed (003 shows one). THRESHOLDS, our reading of 'proven': the best-"
      "correlated digit mean is the anchor's for more than 90 % of starts, and the correlation "
      "with it rises; the residual ‖r(x) - x‖ and the nearest-training-image distances are "
      "evidence (this update does not drive the residual down)");
  declare_departure_bias(
      c, {ascent_calls_cut_off(), words_without_measure("'the convergence ... has been proven' "
                                                        "(003:750)")});
  c.assertions = {
      {"fraction_of_starts_nearest_digit_mean_is_anchor", Comparison::greater, 0.9, 0.9,
       std::nullopt, ""},
      {"anchor_correlation_final_minus_initial", Comparison::greater, 0.0, 0.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) {
    // The fine-tuned deep DAE.
    return as_made_ascent(ctx, six_models(ctx, StackReading::as_made).back().reconstruct, true);
  };
  // Each step adds -η·r(anchor) and renormalises to norm 1 (003:679-688), so after the first
  // step the start is forgotten: every start ends in one image
  // (pairwise_correlation_of_final_images is 1.000 in every seed of the full record). The identity
  // map shows whether that image is the DAE's doing or the procedure's: it knows no digit, yet the
  // anchor still enters every step.
  c.control.stands_in =
      "the identity map in the DAE's place (r(x) = x): it has learnt no digit and has no "
      "manifold to converge onto, so the iterates must not come to look like the anchor's digit "
      "by the DAE's doing; if they still do, the 4 comes from the anchor the procedure adds at "
      "every step, not from the model";
  c.control.evaluate = [](ClaimContext& ctx) {
    return as_made_ascent(
        ctx, [](const torch::Tensor& x) { return x; }, false);
  };
  return c;
}

// S3.9 corrected with `reconstruct` in the DAE's place; `figures`: whether to draw the iterates.
std::vector<Measurement> corrected_ascent(ClaimContext& ctx, const analysis::TensorMap& reconstruct,
                                          bool figures) {
  const auto s = setup(ctx.profile);
  const auto& train_images = mnist(ctx, data::Split::train).images;
  const auto reference = train_images.narrow(0, 0, s.reference_images);
  const auto& test = mnist(ctx, data::Split::test);
  torch::NoGradGuard no_grad;
  const auto x0 = noise_starts(ctx, s.noise_images, reference);
  analysis::ManifoldAscentOptions options;
  options.step = 1.0;
  options.rescale_each_step = true;
  options.iterations = s.ascent_iterations;
  const auto result = analysis::manifold_ascent(x0, reconstruct, options);
  const auto residual_start = result.residual_norms[0].mean().item<double>();
  const auto residual_end = result.residual_norms[-1].mean().item<double>();
  const auto x_end = result.iterates[-1];
  const double nn_start = mean_nearest(x0, reference), nn_end = mean_nearest(x_end, reference);
  const double digits = mean_nearest(test.images.narrow(0, 0, 200), reference);
  const auto mean_residual = result.residual_norms.mean(1);
  for (int64_t t = 0; figures && t < mean_residual.size(0); ++t) {
    ctx.artifacts.add_point(FigureId::ascent_residual, "mean ||r(x) - x||", static_cast<double>(t),
                            mean_residual[t].item<double>());
  }
  if (figures) add_ascent_rows(ctx, result.iterates, /*invert=*/false);
  return {{"residual_final_over_initial", residual_end / residual_start},
          {"nn_distance_final_over_initial", nn_end / nn_start},
          {"nn_distance_final_over_test_digits", nn_end / digits},
          {"residual_initial", residual_start},
          {"residual_final", residual_end},
          {"nn_distance_initial_noise", nn_start},
          {"nn_distance_final", nn_end},
          {"nn_distance_test_digits", digits}};
}

// Corrected: the update 003 cites (003:667, g(h) − x), x <- x + η(r(x) − x), no anchor.
Claim ascent_corrected() {
  Claim c;
  c.id = "s3.manifold_ascent_converges_to_data_corrected";
  c.source = "S3.9";
  c.sentence =
      "CORRECTED VARIANT of 003:750: iterating the update the report cites, x <- x + η(r(x) − x) "
      "(003:667), with the fine-tuned deep DAE from pure-noise images converges to the data "
      "manifold (the residual shrinks and the iterates come near training digits)";
  declare_departures(
      c, StackReading::as_made,
      "; CORRECTED VARIANT, not the report's code: the faithful update x <- x + η(r(x) - x) (003's "
      "code steps along r(x) - r(digit mean)); r is the fine-tuned deep DAE (S3.6, as made), "
      "η = 1, 10 steps, each image min-max rescaled to [0, 1] after every step (our reading of "
      "'normalised' for an update with no anchor), from 16 images U[0,1) + N(0,1) per seed; "
      "THRESHOLDS (ours): final/initial ‖r(x) − x‖ < 0.1, final/initial nearest-training-image "
      "distance (10,000 reference images) < 0.5, and final distance < 2x that of real test "
      "digits");
  // The corrected update is this variant's statement, not a bias; its bars read 003:750.
  declare_departure_bias(c, {words_without_measure("'the convergence ... has been proven' "
                                                   "(003:750)")});
  c.assertions = {
      {"residual_final_over_initial", Comparison::less, 0.1, 0.1, std::nullopt, ""},
      {"nn_distance_final_over_initial", Comparison::less, 0.5, 0.5, std::nullopt, ""},
      {"nn_distance_final_over_test_digits", Comparison::less, 2.0, 2.0, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) {
    // The fine-tuned deep DAE.
    return corrected_ascent(ctx, six_models(ctx, StackReading::as_made).back().reconstruct, true);
  };
  c.control.stands_in =
      "the fine-tuned deep DAE's network initialised only (same recipe and seed, never "
      "trained): its fixed points owe nothing to the digits, so iterating it must not bring "
      "noise near the training digits";
  c.control.evaluate = [](ClaimContext& ctx) {
    return corrected_ascent(
        ctx, untrained_six_models(ctx, StackReading::as_made).back().reconstruct, false);
  };
  return c;
}

}  // namespace

// Pearson correlation over pixels of each image of `images` (B, …) with each row of `means`
// (D, …): (B, D). Invariant to a positive scale and an offset of either side — to the report's
// L2 normalisation and to imshow's auto-scaling.
torch::Tensor pixel_correlations(const torch::Tensor& images, const torch::Tensor& means) {
  const auto centre = [](const torch::Tensor& t) {
    auto flat = t.reshape({t.size(0), -1}).to(torch::kFloat64);
    flat = flat - flat.mean(1, /*keepdim=*/true);
    return flat / flat.norm(2, 1, /*keepdim=*/true).clamp_min(1e-12);
  };
  return centre(images).matmul(centre(means).t()).cpu();
}

// Each image min-max rescaled to [0, 1], for the figure (the report's imshow auto-scales).
torch::Tensor for_display(const torch::Tensor& images) {
  const auto flat = images.reshape({images.size(0), -1});
  const auto low = std::get<0>(flat.min(1, /*keepdim=*/true));
  const auto spread = (std::get<0>(flat.max(1, /*keepdim=*/true)) - low).clamp_min(1e-12);
  return ((flat - low) / spread).reshape(images.sizes());
}

// Pure-noise starts as the report draws them: U[0,1) + N(0,1) (003:637, 658).
torch::Tensor noise_starts(ClaimContext& ctx, int64_t count, const torch::Tensor& like) {
  auto gen = compat::make_generator(ctx.device, 47 + ctx.seed);
  const auto uniform = torch::rand({count, 1, 28, 28}, gen, like.options());
  return uniform + torch::randn(uniform.sizes(), gen, like.options());
}

torch::Tensor test_digit_means(const data::LabeledImages& test) {
  std::vector<torch::Tensor> digit_means;
  for (int64_t d = 0; d < 10; ++d) {
    digit_means.push_back(test.images.index({test.labels.eq(d)}).mean(0, /*keepdim=*/true));
  }
  return torch::cat(digit_means);
}

analysis::ManifoldAscentResult report_ascent(const torch::Tensor& x0,
                                             const analysis::TensorMap& reconstruct,
                                             const torch::Tensor& anchor, double eta, int64_t steps,
                                             bool normalise) {
  torch::NoGradGuard no_grad;
  const int64_t batch = x0.size(0);
  const auto target = reconstruct(anchor);  // 003:679, computed once
  std::vector<torch::Tensor> iterates{x0}, residuals;
  auto x = x0;
  for (int64_t t = 0;; ++t) {
    const auto r = reconstruct(x);
    residuals.push_back((r - x).reshape({batch, -1}).to(torch::kFloat64).norm(2, 1).cpu());
    if (t == steps) break;
    x = x + eta * (r - target);  // 003:683-685
    if (normalise) {
      const auto flat = x.reshape({batch, -1});  // 003:686-688: input /= ‖input‖
      x = (flat / flat.norm(2, 1, /*keepdim=*/true).clamp_min(1e-12)).reshape(x.sizes());
    }
    iterates.push_back(x);
  }
  return {torch::stack(iterates), torch::stack(residuals)};
}

std::vector<Claim> ascent_claims() {
  return {ascent_as_made(), ascent_corrected()};
}

}  // namespace aerepro::claims::s3
