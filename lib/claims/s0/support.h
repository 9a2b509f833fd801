// S0 (Homework 6) and S1 (Assignment 6): the conv DAE of a run's seed — trained as S0.5, or
// initialised only for the negative controls — and k-means on its codes (S0.7, S1.3), shared by
// the S0 and S1 claims (s0/s0_claims.cpp).
#pragma once
#include "claims/claim.h"
#include "data/datasets.h"
#include "models/conv_dae.h"

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace aerepro::claims::s0 {

// The set-up of S0.1/S0.5 per profile; full trains as the source (recipes::
// conv_denoising_autoencoder).
struct ConvDaeSetup {
  int64_t train_images;      // of the 48,000 of the S0.1 split
  int64_t epochs;            // of the conv DAE's training
  int64_t raw_pixel_images;  // k-means on raw pixels: images used
  int64_t raw_pixel_n_init;  // and restarts
};
ConvDaeSetup conv_dae_setup(Profile profile);

// The S0.1 split's training images of this seed and a conv DAE of the S0.3/S0.4 recipe.
struct ConvDae {
  data::LabeledImages train;
  models::ConvDenoisingAutoencoder model{nullptr};
};

// Trained as S0.5 (once per set-up and seed: the checkpoint store); in eval mode.
ConvDae trained_conv_dae(ClaimContext& ctx);
// What S0's conv DAE checkpoints add to their key: the S0.1 split they train on.
extern const char* const kConvDaeSplitKeyNote;
// The same recipe built from the run's seed and never trained (the negative controls' stand-in:
// no training, no checkpoint); in eval mode.
ConvDae untrained_conv_dae(ClaimContext& ctx);

// The points S0's swap loop visits: int(len(kmeans_label) / 10), the first tenth (000:647).
int64_t visited_by_s0(const torch::Tensor& labels);

// The model's 4-d codes of `images`, in chunks.
torch::Tensor encode_all(models::ConvDenoisingAutoencoder& model, const torch::Tensor& images);

struct Clustering {
  double majority = 0, hungarian = 0, nmi = 0;
  // S0.7 as made (000:638-665): the best accuracy seen while swapping ids at the first 4,800
  // points' mismatches (s0/scoring.h), the number S0 prints.
  double greedy = 0;
  torch::Tensor clusters;  // (N) cluster id per point
};

// S0.7: k-means (k = 10) with `n_init` restarts from `seed`, scored every way.
Clustering cluster(const torch::Tensor& points, const torch::Tensor& labels, int64_t n_init,
                   uint64_t seed);
// S1.3: k-means (k = 10, n_init 10) with random states 0..9, the lowest inertia kept.
Clustering cluster_s1(const torch::Tensor& points, const torch::Tensor& labels);

// Every profile's departures of the conv DAE claims, their shared parts declared once
// (s0/support.cpp) and each claim naming only what applies to it. Full: the seeding (no bias:
// the source ran once), k-means' random state and implementation (for the claims that cluster;
// no bias either: scikit-learn's algorithm on another random stream), and the batches
// reshuffled each epoch where S0's loader kept one order (000:320), which an unshuffled variant
// could undo (not yet run). ci: as full, and the conv DAE's 12 of 30 epochs, and for the one
// claim that clusters raw pixels their smaller k-means. Smoke: wiring only.
extern const char* const kDepartureSmoke;
// The seeding, k-means' (with `kmeans`) and the reshuffled batches, as one text.
std::string s0_full_departure_text(bool kmeans);
// Why the reshuffled batches leave the bias unknown: the variant that would undo them, its cost.
UnknownBias reshuffled_batches_not_undone();
struct S0Departures {
  bool kmeans = true;       // the claim clusters the codes
  bool raw_pixels = false;  // and the raw pixels (ci clusters fewer of them)
  // The claim's own full departures, after the shared ones ("" when none), and the full bias
  // with them: unknown (the reshuffled batches) unless a known direction dominates (easier).
  std::string full_more;
  Bias full_bias = Bias::unknown;
  std::vector<UnknownBias> full_more_unknown;  // why the claim's own departures are unknown
  // Which way ci's shorter training moves the claim (unknown: the full profile undoes it).
  Bias ci_bias = Bias::unknown;
};
void s0_departures(Claim& c, const S0Departures& parts);

// What an S0 claim measures on one conv DAE; `figures`: whether it adds the report's figures
// (the claim's own run does, its control does not).
using ConvDaeMeasure =
    std::function<std::vector<Measurement>(ClaimContext&, ConvDae&, bool figures)>;
// The claim's evaluation: `measure` on the trained conv DAE, with figures.
std::function<std::vector<Measurement>(ClaimContext&)> on_trained_conv_dae(ConvDaeMeasure measure);
// The negative control: `measure` on the untrained conv DAE (untrained_conv_dae), without
// figures; `stands_in` says why the claim's statement must fail there.
Control on_untrained_conv_dae(std::string stands_in, ConvDaeMeasure measure);

// The claims of S0's swap loop (s0/scoring_claims.cpp) and of its generated digits
// (s0/generation_claims.cpp); s0/s0_claims.cpp lists them.
Claim greedy_swaps_reach_the_optimum();             // 000:177
Claim swaps_end_within_first_2_percent();           // 000:192
Claim generated_digits_replicated_but_pixelated();  // 000:69

}  // namespace aerepro::claims::s0
