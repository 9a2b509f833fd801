// S0 (Homework 6) and S1 (Assignment 6): the convolutional DAE, its generations and k-means on
// its 4-d codes.
#include "analysis/cluster_mapping.h"
#include "analysis/kmeans.h"
#include "analysis/latent.h"
#include "analysis/metrics.h"
#include "analysis/pca.h"
#include "claims/claim_support.h"
#include "claims/source_claims.h"
#include "common/compat.h"
#include "data/splits.h"
#include "models/conv_dae.h"
#include "train/objectives.h"

#include <cmath>
#include <utility>

namespace aerepro::claims {
namespace {

// The set-up of S0.1/S0.5 per profile.
struct ConvDaeSetup {
  int64_t train_images;  // of the 48,000 of the S0.1 split
  int64_t epochs;
  int64_t raw_pixel_images;   // k-means on raw pixels: images used
  int64_t raw_pixel_n_init;   // and restarts
};
const PerProfile<ConvDaeSetup> kSetup{
    /*smoke*/ {2000, 1, 2000, 1},
    /*ci*/ {48000, 12, 6000, 3},
    /*full*/ {48000, 30, 48000, 10},
};

// The S0.1 split for this seed, the S0.5-trained conv DAE (trained once per set-up and seed).
struct TrainedConvDae {
  data::LabeledImages train;
  models::ConvDenoisingAutoencoder model{nullptr};
};

TrainedConvDae trained_conv_dae(ClaimContext& ctx) {
  const auto setup = kSetup(ctx.profile);
  const auto& all = mnist(ctx, data::Split::train);
  // S0.1: a seeded random 48,000 / 12,000 split (the seed of the run, the source's was 0).
  auto split = data::random_split(all, 48000, ctx.seed);
  TrainedConvDae out;
  out.train = split.train.head(setup.train_images);
  out.model = train::seeded<models::ConvDenoisingAutoencoder>(ctx.seed);
  out.model->to(ctx.device);
  // S0.5: MSE(decoder(encoder(noisy)), clean), Adam 1e-3, batch 256; S0.2 noise.
  auto options = training_options(ctx, "S0.5 conv DAE", setup.epochs, 256, 1e-3);
  options.corruption = train::Corruption::gaussian_clamped(0.3);
  train_cached(*out.model, "ConvDenoisingAutoencoder d=4 split=S0.1", 
               train::reconstruction_objective(out.model), {out.train.images, {}}, options, ctx);
  out.model->eval();
  return out;
}

torch::Tensor encode_all(models::ConvDenoisingAutoencoder& model, const torch::Tensor& images) {
  torch::NoGradGuard no_grad;
  std::vector<torch::Tensor> codes;
  for (int64_t start = 0; start < images.size(0); start += 4096) {
    codes.push_back(model->encode(images.narrow(0, start, std::min<int64_t>(4096, images.size(0) - start))));
  }
  return torch::cat(codes);
}

struct Clustering {
  double majority = 0, hungarian = 0, nmi = 0;
  torch::Tensor clusters;  // (N) cluster id per point
};

Clustering cluster(const torch::Tensor& points, const torch::Tensor& labels, int64_t n_init,
                   uint64_t seed) {
  analysis::KMeansOptions options;  // S0.7/S1.3: k = 10
  options.n_init = n_init;
  options.seed = seed;
  const auto result = analysis::kmeans_cluster(points, options);
  return {analysis::majority_accuracy(result.labels, labels, 10, 10),
          analysis::hungarian_accuracy(result.labels, labels, 10, 10),
          analysis::normalized_mutual_information(result.labels, labels), result.labels};
}

// S0.7/S1.3: k-means (k = 10, n_init 10) on the DAE's codes of its (clean) training images.
Clustering cluster_codes(TrainedConvDae& dae, uint64_t seed) {
  return cluster(encode_all(dae.model, dae.train.images), dae.train.labels, 10, seed);
}

// For the report: the confusion of true classes with the class each cluster is mapped to
// (majority vote), and a 2-d view (PCA) of the first 2,000 codes coloured by class.
void record_clustering(Artifacts& artifacts, const Clustering& result, const torch::Tensor& codes,
                       const torch::Tensor& labels) {
  const auto confusion = analysis::confusion_matrix(result.clusters, labels, 10, 10);  // (k, classes)
  const auto mapping = analysis::majority_mapping(result.clusters, labels, 10, 10);
  std::vector<std::vector<double>> counts(10, std::vector<double>(10, 0.0));
  for (int64_t c = 0; c < 10; ++c) {
    const auto assigned = mapping[c].item<int64_t>();
    if (assigned < 0) continue;
    for (int64_t l = 0; l < 10; ++l) counts[l][assigned] += confusion[c][l].item<double>();
  }
  for (int64_t l = 0; l < 10; ++l) {
    for (int64_t a = 0; a < 10; ++a) {
      artifacts.add_point("confusion_matrix", std::to_string(l), std::to_string(a), counts[l][a]);
    }
  }
  const auto n = std::min<int64_t>(2000, codes.size(0));
  const auto some = codes.narrow(0, 0, n).to(torch::kCPU, torch::kFloat64);
  const auto view = analysis::fit_pca(some, 2).project(some);
  const auto classes = labels.narrow(0, 0, n).to(torch::kCPU, torch::kInt64);
  for (int64_t i = 0; i < n; ++i) {
    artifacts.add_point("codes_2d", std::to_string(classes[i].item<int64_t>()),
                        view[i][0].item<double>(), view[i][1].item<double>());
  }
}

// S0.2/S0.5: one test image per digit, its S0.2-noisy version and the DAE's reconstruction.
void record_denoising(ClaimContext& ctx, models::ConvDenoisingAutoencoder& model) {
  torch::NoGradGuard no_grad;
  const auto clean = one_image_per_class(mnist(ctx, data::Split::test));
  auto gen = compat::make_generator(ctx.device, ctx.seed + 500);
  const auto noisy = train::Corruption::gaussian_clamped(0.3).apply(clean, gen);
  ctx.artifacts.add_image_row("denoising", 0, "original", clean);
  ctx.artifacts.add_image_row("denoising", 1, "noisy (S0.2)", noisy);
  ctx.artifacts.add_image_row("denoising", 2, "reconstructed", model->forward(noisy).reconstruction);
}

const char* kDepartureCi =
    "the conv DAE trains 12 of the source's 30 epochs (same 48,000-image S0.1 split, batch 256, "
    "Adam 1e-3, S0.2 noise); k-means on raw pixels runs on 6,000 of the 48,000 images with "
    "n_init 3 instead of 10 (it costs 3 s per restart on all of them; on 12,000 images seeds "
    "0-2 put the codes 9.8 +- 0.5 points ahead); the split's seed is the "
    "run's seed (the source used 0)";
const char* kDepartureSmoke = "wiring only: 2,000 images, 1 epoch; its numbers mean nothing";

Claim kmeans_codes_above_70() {
  Claim c;
  c.id = "s0.kmeans_codes_above_70";
  c.source = "S0.7, S1.3";
  c.sentence =
      "k-means (k=10, n_init 10) on the conv DAE's 4-d codes of the 48,000 training images, "
      "each cluster mapped to its most frequent label, is more than 70 % accurate "
      "(S0.7: 73.46 %, S1.3: about 77 %)";
  c.departures[Profile::ci] =
      std::string(kDepartureCi) +
      "; THRESHOLD 65 % instead of 70 %: the accuracy grows with training (one seed measured "
      "67.6 % after 10 epochs; the source's 30 epochs gave 72.9 % in our probe and 73.46 % in "
      "the source), so the shortened ci training is held to 65 %; the full profile asserts 70 %";
  c.departures[Profile::smoke] = kDepartureSmoke;
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    auto dae = trained_conv_dae(ctx);
    const auto codes = encode_all(dae.model, dae.train.images);
    const auto result = cluster(codes, dae.train.labels, 10, ctx.seed);
    record_clustering(ctx.artifacts, result, codes, dae.train.labels);
    ctx.artifacts.add_point("clustering_accuracy", "majority", "conv DAE codes", result.majority);
    ctx.artifacts.add_point("clustering_accuracy", "hungarian", "conv DAE codes", result.hungarian);
    record_denoising(ctx, dae.model);
    const double threshold = PerProfile<double>{-1.0, 0.65, 0.70}(ctx.profile);
    return {{"majority_accuracy_codes", result.majority, ">", threshold, 0.7346},
            {"hungarian_accuracy_codes", result.hungarian, "", NAN, NAN},
            {"nmi_codes", result.nmi, "", NAN, NAN}};
  };
  return c;
}

Claim codes_beat_raw_pixels() {
  Claim c;
  c.id = "s0.codes_beat_raw_pixels";
  c.source = "S0.7";
  c.sentence =
      "k-means on the conv DAE's 4-d codes is more accurate (majority mapping) than k-means on "
      "the raw 784-pixel vectors (S0.7: 73.46 % against about 53 %)";
  c.departures[Profile::ci] = kDepartureCi;
  c.departures[Profile::smoke] = kDepartureSmoke;
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto setup = kSetup(ctx.profile);
    auto dae = trained_conv_dae(ctx);
    const auto on_codes = cluster_codes(dae, ctx.seed);
    const auto pixels = dae.train.images.narrow(0, 0, setup.raw_pixel_images)
                            .reshape({setup.raw_pixel_images, 784});
    const auto on_pixels = cluster(pixels, dae.train.labels.narrow(0, 0, setup.raw_pixel_images),
                                   setup.raw_pixel_n_init, ctx.seed);
    for (const auto& [x, r] : {std::pair<const char*, const Clustering*>{"conv DAE codes", &on_codes},
                               {"raw pixels", &on_pixels}}) {
      ctx.artifacts.add_point("clustering_accuracy", "majority", x, r->majority);
      ctx.artifacts.add_point("clustering_accuracy", "hungarian", x, r->hungarian);
    }
    const double threshold = ctx.profile == Profile::smoke ? -1.0 : 0.0;
    return {{"codes_minus_raw_pixels_accuracy", on_codes.majority - on_pixels.majority, ">",
             threshold, 0.7346 - 0.53},
            {"majority_accuracy_codes", on_codes.majority, "", NAN, 0.7346},
            {"majority_accuracy_raw_pixels", on_pixels.majority, "", NAN, 0.53},
            {"hungarian_accuracy_raw_pixels", on_pixels.hungarian, "", NAN, NAN},
            {"nmi_raw_pixels", on_pixels.nmi, "", NAN, NAN}};
  };
  return c;
}

Claim generated_digits_nearer_data() {
  Claim c;
  c.id = "s0.generated_images_nearer_data_than_noise";
  c.source = "S0.6, S1.4";
  c.sentence =
      "decoding random 4-d codes gives digit-like images: 9 codes from U[0,1)^4 (S0.6) and 9 "
      "from N(0,I) (S1.4) decode to images nearer the training images than uniform-noise images "
      "are (mean nearest-training-image distance, ratio below 1)";
  c.departures[Profile::ci] = kDepartureCi;
  c.departures[Profile::smoke] = kDepartureSmoke;
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    auto dae = trained_conv_dae(ctx);
    auto gen = compat::make_generator(ctx.device, ctx.seed + 1000);
    torch::NoGradGuard no_grad;
    const auto uniform_codes = analysis::sample_uniform_codes(9, 4, gen).to(ctx.device);
    const auto normal_codes = analysis::sample_normal_codes(9, 4, gen).to(ctx.device);
    const auto noise = torch::rand({9, 1, 28, 28}, gen, dae.train.images.options());
    const auto& reference = dae.train.images;
    const double d_uniform = analysis::nearest_neighbour_distance(dae.model->decode(uniform_codes), reference).mean().item<double>();
    const double d_normal = analysis::nearest_neighbour_distance(dae.model->decode(normal_codes), reference).mean().item<double>();
    const double d_noise = analysis::nearest_neighbour_distance(noise, reference).mean().item<double>();
    ctx.artifacts.add_image_row("generated", 0, "U[0,1)^4 codes (S0.6)", dae.model->decode(uniform_codes).narrow(0, 0, 3));
    ctx.artifacts.add_image_row("generated", 1, "", dae.model->decode(uniform_codes).narrow(0, 3, 3));
    ctx.artifacts.add_image_row("generated", 2, "", dae.model->decode(uniform_codes).narrow(0, 6, 3));
    ctx.artifacts.add_image_row("generated_normal", 0, "N(0,I) codes (S1.4)", dae.model->decode(normal_codes).narrow(0, 0, 3));
    ctx.artifacts.add_image_row("generated_normal", 1, "", dae.model->decode(normal_codes).narrow(0, 3, 3));
    ctx.artifacts.add_image_row("generated_normal", 2, "", dae.model->decode(normal_codes).narrow(0, 6, 3));
    ctx.artifacts.add_image_row("generated_normal", 3, "uniform noise", noise.narrow(0, 0, 3));
    for (const auto& [x, d] : {std::pair<const char*, double>{"U[0,1)^4 codes", d_uniform},
                               {"N(0,I) codes", d_normal}, {"uniform noise", d_noise}}) {
      ctx.artifacts.add_point("nearest_training_distance", "mean distance", x, d);
    }
    const double threshold = ctx.profile == Profile::smoke ? 1e9 : 1.0;
    return {{"uniform_codes_over_noise_distance", d_uniform / d_noise, "<", threshold, NAN},
            {"normal_codes_over_noise_distance", d_normal / d_noise, "<", threshold, NAN},
            {"distance_uniform_codes", d_uniform, "", NAN, NAN},
            {"distance_normal_codes", d_normal, "", NAN, NAN},
            {"distance_noise", d_noise, "", NAN, NAN}};
  };
  return c;
}

}  // namespace

std::vector<Claim> s0_claims() {
  return {kmeans_codes_above_70(), codes_beat_raw_pixels(), generated_digits_nearer_data()};
}

}  // namespace aerepro::claims
