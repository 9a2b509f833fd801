// S0 (Homework 6) and S1 (Assignment 6): the convolutional DAE, its generations and k-means on
// its 4-d codes. Each claim's negative control measures the same on the conv DAE of the same
// recipe and seed, initialised only (s0/support.h).
#include "analysis/cluster_mapping.h"
#include "analysis/latent.h"
#include "analysis/metrics.h"
#include "analysis/pca.h"
#include "claims/claim_support.h"
#include "claims/s0/batch_norm_claims.h"
#include "claims/s0/support.h"
#include "claims/source_claims.h"
#include "common/compat.h"
#include "train/corruption.h"

#include <cmath>
#include <utility>

namespace aerepro::claims {
namespace s0 {  // per source: unity builds join these files
namespace {

// For the report: the confusion of true classes with the class each cluster is mapped to
// (majority vote), and a 2-d view (PCA) of the first 2,000 codes coloured by class.
void record_clustering(Artifacts& artifacts, const Clustering& result, const torch::Tensor& codes,
                       const torch::Tensor& labels) {
  const auto confusion =
      analysis::confusion_matrix(result.clusters, labels, 10, 10);  // (k, classes)
  const auto mapping = analysis::majority_mapping(result.clusters, labels, 10, 10);
  std::vector<std::vector<double>> counts(10, std::vector<double>(10, 0.0));
  for (int64_t c = 0; c < 10; ++c) {
    const auto assigned = mapping[c].item<int64_t>();
    if (assigned < 0) continue;
    for (int64_t l = 0; l < 10; ++l) counts[l][assigned] += confusion[c][l].item<double>();
  }
  for (int64_t l = 0; l < 10; ++l) {
    for (int64_t a = 0; a < 10; ++a) {
      artifacts.add_point(FigureId::confusion_matrix, std::to_string(l), std::to_string(a),
                          counts[l][a]);
    }
  }
  const auto n = std::min<int64_t>(2000, codes.size(0));
  const auto some = codes.narrow(0, 0, n).to(torch::kCPU, torch::kFloat64);
  const auto view = analysis::fit_pca(some, 2).project(some);
  const auto classes = labels.narrow(0, 0, n).to(torch::kCPU, torch::kInt64);
  for (int64_t i = 0; i < n; ++i) {
    artifacts.add_point(FigureId::codes_2d, std::to_string(classes[i].item<int64_t>()),
                        view[i][0].item<double>(), view[i][1].item<double>());
  }
}

// S0.2/S0.5: one test image per digit, its S0.2-noisy version and the DAE's reconstruction.
void record_denoising(ClaimContext& ctx, models::ConvDenoisingAutoencoder& model) {
  torch::NoGradGuard no_grad;
  const auto clean = one_image_per_class(mnist(ctx, data::Split::test));
  auto gen = compat::make_generator(ctx.device, ctx.seed + 500);
  const auto noisy = train::Corruption::gaussian_clamped(0.3).apply(clean, gen);
  ctx.artifacts.add_image_row(FigureId::denoising, 0, "original", clean);
  ctx.artifacts.add_image_row(FigureId::denoising, 1, "noisy (S0.2)", noisy);
  ctx.artifacts.add_image_row(FigureId::denoising, 2, "reconstructed",
                              model->forward(noisy).reconstruction);
}

// The negative controls' stand-ins (claims/claim.h, Control): the conv DAE of the same recipe
// and seed, initialised only. Its encoder is a random map of the pixels to 4 numbers and its
// decoder a random map back: neither has learnt anything of the digits.
constexpr const char* kUntrainedCodes =
    "the same k-means and scoring on the codes of the conv DAE of the same recipe and seed, "
    "initialised only (never trained): a random map of each image to 4 numbers has learnt "
    "nothing of the digits, so its codes must not sort them as well; if they clear the bar too, "
    "the check says nothing about what training learnt";

// The brief's third headline check (k-means accuracy on AE codes above 70 %), on S0's method:
// S0 itself prints 73.46 % (000:47, 000:173) and sets no bar. As made, S0's greedy swaps score
// the clusters; the corrected variant scores them with the optimal one-to-one assignment.
Claim kmeans_codes_above_70_claim(bool as_made) {
  Claim c;
  c.id = std::string("s0.kmeans_codes_above_70") + (as_made ? "" : "_corrected");
  c.origin = ClaimOrigin::brief;
  c.source = "S0.3, S0.4, S0.5, S0.7 (the brief's headline 3)";
  c.sentence =
      as_made ? "the brief's headline check on S0's method: k-means (k=10, n_init 10) on the conv "
                "DAE's 4-d codes of its 48,000 (clean) training images, scored as S0's code "
                "scores it (ids swapped at the first 4,800 points' mismatches, every swap kept, "
                "the best accuracy seen printed: 000:638-665), is more than 70 % accurate (S0 "
                "prints 73.46 % and sets no bar)"
              : "the brief's headline check on S0's method, scoring corrected: the same k-means "
                "on the conv DAE's codes, scored by the optimal one-to-one assignment of clusters "
                "to labels (the Hungarian accuracy, the standard clustering accuracy), is more "
                "than 70 % accurate. The correction changes nothing here: in every seed of the "
                "full record (23 of 23) S0's greedy swaps already reach the optimal assignment, "
                "so this and the as-made claim are two verdicts on one measurement";
  // Shorter training gives worse codes: an accuracy claim can only get harder in ci.
  S0Departures departures;
  departures.ci_bias = Bias::harder;
  s0_departures(c, departures);
  if (!as_made) {  // the correction is this variant's statement, not a bias (its as-made pair)
    c.departures[Profile::full].text =
        "CORRECTED VARIANT: the clusters are scored by the optimal one-to-one assignment, which "
        "bounds S0's greedy swaps from above (read with s0.kmeans_codes_above_70, the score as "
        "made); on these codes the two are equal in all 23 seeds of the full record, so the "
        "correction changes nothing here. " +
        c.departures[Profile::full].text;
  }
  const std::string metric = as_made ? "greedy_swap_accuracy_codes" : "hungarian_accuracy_codes";
  // "Is more than 70 % accurate" of a typical run: the median (sign test; issue 34: the
  // accuracies over seeds are not normal).
  c.assertions = {by_share({metric, Comparison::greater, 0.70, 0.70, 0.7346,
                            as_made ? "" : "S0 printed its greedy score, not the optimum"})};
  const auto measure = [as_made](ClaimContext& ctx, ConvDae& dae,
                                 bool figures) -> std::vector<Measurement> {
    const auto codes = encode_all(dae.model, dae.train.images);
    const auto result = cluster(codes, dae.train.labels, 10, ctx.seed);
    if (figures) {
      record_clustering(ctx.artifacts, result, codes, dae.train.labels);
      for (const auto& [name, value] :
           {std::pair<const char*, double>{"S0's greedy swaps", result.greedy},
            {"hungarian", result.hungarian},
            {"majority", result.majority}}) {
        ctx.artifacts.add_point(FigureId::clustering_accuracy, name, "conv DAE codes", value);
      }
      record_denoising(ctx, dae.model);
    }
    return {{"greedy_swap_accuracy_codes", result.greedy, as_made ? 0.7346 : std::nan("")},
            {"hungarian_accuracy_codes", result.hungarian, as_made ? std::nan("") : 0.7346},
            {"majority_accuracy_codes", result.majority},
            {"nmi_codes", result.nmi}};
  };
  c.evaluate = on_trained_conv_dae(measure);
  c.control = on_untrained_conv_dae(kUntrainedCodes, measure);
  return c;
}

Claim s1_kmeans_majority_above_70() {
  Claim c;
  c.id = "s1.kmeans_majority_codes_above_70";
  c.origin = ClaimOrigin::brief;
  c.source = "S1.1, S1.2, S1.3 (the brief's headline 3)";
  c.sentence =
      "the brief's headline check on S1's method: k-means (k=10, n_init 10) repeated with random "
      "states 0..9, the lowest inertia kept, each cluster mapped to its most frequent label "
      "(many-to-one), on the conv DAE's 4-d codes of the 48,000 training images, is more than "
      "70 % accurate (S1 says 'around 77 percent' for this same measure, 001:5, a rounded "
      "figure, and sets no bar)";
  // S1 shows no training code: the conv DAE is read as S0's, the same homework's template
  // (001:3 describes its layers, loss, optimiser and epochs as S0's code has them).
  S0Departures departures;
  departures.full_more =
      "S1 shows its model, loss, optimiser and 30 epochs in words only (001:3) and no training "
      "code: the conv DAE, its split, batches and noise are S0's, the same homework's template "
      "(000:299-461); k-means' random states 0..9 are S1's own (001:46-47)";
  departures.full_more_unknown = {
      {WhyUnknown::not_in_report,
       "001:3 names 'a noise factor' and 'the DataLoader class' but gives neither the factor, the "
       "batch size, the split nor whether batches are shuffled: S0's values (0.3, 256, 48,000 "
       "unshuffled; 000:315-320, 000:452) stand in, and no other value is singled out to run"}};
  departures.ci_bias = Bias::harder;  // shorter training gives worse codes
  s0_departures(c, departures);
  // 001:5 'around 77 percent': S1's own figure for this very measure (the mode of the labels in
  // each cluster, i.e. majority vote), rounded: placed against our seeds' range as 0.77.
  c.assertions = {by_share(
      {"majority_accuracy_codes", Comparison::greater, 0.70, 0.70, 0.77, ""})};  // the median
  const auto measure = [](ClaimContext& ctx, ConvDae& dae,
                          bool figures) -> std::vector<Measurement> {
    const auto codes = encode_all(dae.model, dae.train.images);
    const auto result = cluster_s1(codes, dae.train.labels);
    if (figures) {
      ctx.artifacts.add_point(FigureId::clustering_accuracy, "majority", "conv DAE codes (S1.3)",
                              result.majority);
      ctx.artifacts.add_point(FigureId::clustering_accuracy, "hungarian", "conv DAE codes (S1.3)",
                              result.hungarian);
    }
    return {{"majority_accuracy_codes", result.majority, 0.77},
            {"hungarian_accuracy_codes", result.hungarian},
            {"nmi_codes", result.nmi}};
  };
  c.evaluate = on_trained_conv_dae(measure);
  c.control = on_untrained_conv_dae(kUntrainedCodes, measure);
  return c;
}

Claim codes_beat_raw_pixels() {
  Claim c;
  c.id = "s0.codes_beat_raw_pixels";
  c.source = "S0.7";
  c.sentence =
      "k-means on the conv DAE's 4-d codes is more accurate than k-means on the raw 784-pixel "
      "vectors, both scored as S0's code scores clusters (greedy one-to-one swaps, the best "
      "accuracy seen): 000:47 'increase the accuracy to 73.46% instead of just 53%' (how S0 "
      "scored the 53 % is not shown: our reading is the same procedure)";
  // ci: fewer raw-pixel images and restarts can only lower the raw-pixel accuracy a little
  // (easier for the claim), shorter training lowers the codes' (harder): the net direction is
  // unknown.
  S0Departures departures;
  departures.raw_pixels = true;
  departures.full_more =
      "The raw-pixel score's procedure is not in the report (000:47 gives only its value): "
      "scored here as the codes' are";
  departures.full_more_unknown = {
      {WhyUnknown::not_in_report,
       "how S0 scored its raw-pixel 53 % is not shown: 000:47 gives only the value and the code "
       "(000:199-245, 000:614-665) clusters the codes alone"}};
  s0_departures(c, departures);
  c.assertions = {
      {"codes_minus_raw_pixels_accuracy", Comparison::greater, 0.0, 0.0, 0.7346 - 0.53, ""}};
  const auto measure = [](ClaimContext& ctx, ConvDae& dae,
                          bool figures) -> std::vector<Measurement> {
    const auto setup = conv_dae_setup(ctx.profile);
    const auto on_codes =
        cluster(encode_all(dae.model, dae.train.images), dae.train.labels, 10, ctx.seed);
    // The control recomputes the raw pixels' score (the same k-means, seed and images).
    const auto pixels = dae.train.images.narrow(0, 0, setup.raw_pixel_images)
                            .reshape({setup.raw_pixel_images, 784});
    const auto on_pixels = cluster(pixels, dae.train.labels.narrow(0, 0, setup.raw_pixel_images),
                                   setup.raw_pixel_n_init, ctx.seed);
    for (const auto& [x, r] :
         {std::pair<const char*, const Clustering*>{"conv DAE codes", &on_codes},
          {"raw pixels", &on_pixels}}) {
      if (!figures) break;
      ctx.artifacts.add_point(FigureId::clustering_accuracy, "S0's greedy swaps", x, r->greedy);
      ctx.artifacts.add_point(FigureId::clustering_accuracy, "hungarian", x, r->hungarian);
      ctx.artifacts.add_point(FigureId::clustering_accuracy, "majority", x, r->majority);
    }
    return {{"codes_minus_raw_pixels_accuracy", on_codes.greedy - on_pixels.greedy, 0.7346 - 0.53},
            {"greedy_swap_accuracy_codes", on_codes.greedy, 0.7346},
            {"greedy_swap_accuracy_raw_pixels", on_pixels.greedy, 0.53},
            {"hungarian_accuracy_codes", on_codes.hungarian},
            {"hungarian_accuracy_raw_pixels", on_pixels.hungarian},
            {"majority_accuracy_codes", on_codes.majority},
            {"majority_accuracy_raw_pixels", on_pixels.majority},
            {"nmi_raw_pixels", on_pixels.nmi}};
  };
  c.evaluate = on_trained_conv_dae(measure);
  c.control = on_untrained_conv_dae(
      "the codes of the conv DAE of the same recipe and seed, initialised only (never trained), "
      "against the same raw pixels: a random map of 784 pixels to 4 numbers throws away most of "
      "what tells the digits apart, so its codes must not cluster better than the pixels; if "
      "they do, the check says nothing about what training learnt",
      measure);
  return c;
}

// Mean distance from each of `images` to its nearest image of `reference`.
double mean_nearest(const torch::Tensor& images, const torch::Tensor& reference) {
  return analysis::nearest_neighbour_distance(images, reference).mean().item<double>();
}

Claim generated_digits_nearer_data() {
  Claim c;
  c.id = "s0.generated_images_nearer_data_than_noise";
  c.origin = ClaimOrigin::harness;
  c.source = "S0.6, S1.4";
  c.sentence =
      "the harness's own check (neither report asserts it: S0 calls its generated images 'very "
      "pixelated' and partly unrecognisable, 000:69 and 000:75; S1 only shows them, 001:81): "
      "9 codes from U[0,1)^4 (S0) and 9 from N(0,I) (S1) decode to images nearer the training "
      "images than uniform-noise images are (mean nearest-training-image distance, ratio below "
      "1), and no farther from them than twice the distance of 9 real test digits";
  S0Departures departures;
  departures.kmeans = false;
  s0_departures(c, departures);
  c.assertions = {
      {"uniform_codes_over_noise_distance", Comparison::less, 1.0, 1.0, std::nullopt, ""},
      {"normal_codes_over_noise_distance", Comparison::less, 1.0, 1.0, std::nullopt, ""},
      {"uniform_codes_over_test_digit_distance", Comparison::less, 2.0, 2.0, std::nullopt, ""},
      {"normal_codes_over_test_digit_distance", Comparison::less, 2.0, 2.0, std::nullopt, ""}};
  const auto measure = [](ClaimContext& ctx, ConvDae& dae,
                          bool figures) -> std::vector<Measurement> {
    auto gen = compat::make_generator(ctx.device, ctx.seed + 1000);
    torch::NoGradGuard no_grad;
    const auto uniform_codes = analysis::sample_uniform_codes(9, 4, gen).to(ctx.device);
    const auto normal_codes = analysis::sample_normal_codes(9, 4, gen).to(ctx.device);
    const auto noise = torch::rand({9, 1, 28, 28}, gen, dae.train.images.options());
    const auto& test = mnist(ctx, data::Split::test);
    const auto digits = test.images.index_select(
        0, torch::randperm(test.size(), gen,
                           torch::TensorOptions().dtype(torch::kInt64).device(ctx.device))
               .narrow(0, 0, 9));
    const auto& reference = dae.train.images;
    const auto uniform = dae.model->decode(uniform_codes);
    const auto normal = dae.model->decode(normal_codes);
    const double d_uniform = mean_nearest(uniform, reference);
    const double d_normal = mean_nearest(normal, reference);
    const double d_noise = mean_nearest(noise, reference);
    const double d_digits = mean_nearest(digits, reference);
    for (int64_t r = 0; r < 3 && figures; ++r) {
      ctx.artifacts.add_image_row(FigureId::generated, r, r == 0 ? "U[0,1)^4 codes (S0.6)" : "",
                                  uniform.narrow(0, 3 * r, 3));
      ctx.artifacts.add_image_row(FigureId::generated_normal, r,
                                  r == 0 ? "N(0,I) codes (S1.4)" : "", normal.narrow(0, 3 * r, 3));
    }
    if (figures) {
      ctx.artifacts.add_image_row(FigureId::generated_normal, 3, "uniform noise",
                                  noise.narrow(0, 0, 3));
      ctx.artifacts.add_image_row(FigureId::generated_normal, 4, "real test digits",
                                  digits.narrow(0, 0, 3));
      for (const auto& [x, d] : {std::pair<const char*, double>{"U[0,1)^4 codes", d_uniform},
                                 {"N(0,I) codes", d_normal},
                                 {"uniform noise", d_noise},
                                 {"real test digits", d_digits}}) {
        ctx.artifacts.add_point(FigureId::nearest_training_distance, "mean distance", x, d);
      }
    }
    return {{"uniform_codes_over_noise_distance", d_uniform / d_noise},
            {"normal_codes_over_noise_distance", d_normal / d_noise},
            {"uniform_codes_over_test_digit_distance", d_uniform / d_digits},
            {"normal_codes_over_test_digit_distance", d_normal / d_digits},
            {"distance_uniform_codes", d_uniform},
            {"distance_normal_codes", d_normal},
            {"distance_noise", d_noise},
            {"distance_test_digits", d_digits}};
  };
  c.evaluate = on_trained_conv_dae(measure);
  c.control = on_untrained_conv_dae(
      "the decoder of the conv DAE of the same recipe and seed, initialised only (never "
      "trained), fed the same 9 + 9 random codes, against the same noise and test digits: a "
      "decoder that learnt nothing cannot draw digits, so its images must not come near the "
      "training images; if they pass too, the distances cannot tell generated digits from blur",
      measure);
  return c;
}

}  // namespace
}  // namespace s0

std::vector<Claim> s0_claims() {
  using namespace s0;
  return {kmeans_codes_above_70_claim(true),
          kmeans_codes_above_70_claim(false),
          s1_kmeans_majority_above_70(),
          codes_beat_raw_pixels(),
          batch_norm_speeds_training(),
          batch_norm_stabilises_training(),
          generated_digits_replicated_but_pixelated(),
          greedy_swaps_reach_the_optimum(),
          swaps_end_within_first_2_percent(),
          generated_digits_nearer_data()};
}

}  // namespace aerepro::claims
