// S3 (the ISPR midterm): what its claims share — each profile's set-up, the claims' ids and
// departures, the distance to the nearest data, the report's ascent — and their six models
// (s3/six_models.h).
#pragma once
#include "analysis/latent.h"
#include "claims/claim_support.h"
#include "claims/s3/six_models.h"

#include <string>
#include <vector>

namespace aerepro::claims::s3 {

// The set-up of each profile. full = the source's (S3.1–S3.9); S3.6 gives no fine-tuning
// length, the harness takes 5 epochs (as every other S3 training).
struct Setup {
  int64_t train_images;       // S3.1: 50,000 (head of the training file)
  int64_t ae_epochs;          // S3.2: 5
  int64_t dae_epochs;         // S3.3: 10
  int64_t level_epochs;       // S3.4/S3.5: 5 per level
  int64_t finetune_epochs;    // S3.6: not given; 5
  int64_t test_images;        // S3.7: the 10,000 test images
  int64_t reference_images;   // S3.8/S3.9: nearest-neighbour reference (first training images)
  int64_t pairs;              // S3.8: pairs of each kind (same class, different classes) per seed
  int64_t noise_images;       // S3.9: pure-noise starting images per seed
  int64_t ascent_iterations;  // S3.9: n = 10
};
Setup setup(Profile profile);

// Mean distance from each of `queries` to its nearest image of `reference` (float64).
double mean_nearest(const torch::Tensor& queries, const torch::Tensor& reference);

// "s3.<name>", with "_corrected" for the corrected reading.
std::string claim_id(const std::string& name, StackReading reading);
// Every profile's departures of an S3 claim (the corrected reading's fix named), and `also`.
void declare_departures(Claim& c, StackReading reading, const std::string& also = "");
// S3.9 as 003's code runs it (003:670-690): `steps` times x <- x + η(r(x) − r(anchor)), then,
// with `normalise` (003:687 normalization=True), each image divided by its L2 norm; iterates
// (steps + 1, B, …) and ‖r(x_t) − x_t‖ per image.
analysis::ManifoldAscentResult report_ascent(const torch::Tensor& x0,
                                             const analysis::TensorMap& reconstruct,
                                             const torch::Tensor& anchor, double eta, int64_t steps,
                                             bool normalise = true);

// S3.9's claims, as made and corrected (s3/ascent_claims.cpp).
std::vector<Claim> ascent_claims();
// 003:713 and 003:726: what normalising and inverting the ascent's image do to what is shown
// (s3/ascent_display_claims.cpp).
std::vector<Claim> ascent_display_claims();
// 003:20, "overall similar results" of the six models' interpolations
// (s3/interpolation_similarity_claims.cpp).
Claim interpolation_similar_across_models(StackReading reading);
// 003:748, the importance of noise in training, DAE against AE
// (s3/noise_gain_claims.cpp).
Claim noise_training_lowers_every_error(StackReading reading);

}  // namespace aerepro::claims::s3
