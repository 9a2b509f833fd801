#include "claims/s3/support.h"

#include "analysis/metrics.h"
#include "recipes/s3_recipes.h"

#include <fmt/format.h>

namespace aerepro::claims::s3 {

namespace {

const std::string kFullDepartures =
    "the report's method as made (S3.1-S3.6: the 50,000 head training images; Keras defaults: "
    "Glorot-uniform weights, zero biases, Adam lr 1e-3 epsilon 1e-7, batch 32, shuffled every "
    "epoch; each noisy copy drawn once and reused every epoch; design_AE's sigmoid output on "
    "every stack level), with these departures: fine-tuning runs 5 epochs (S3.6 gives no "
    "length); the deeper levels' code noise (sigma 0.2) is drawn once like the pixels' (our "
    "reading; 003's call that sets it is cut off); each model draws its own noisy copy, where 003 "
    "reuses one across models; LibTorch's Adam adds epsilon after the bias correction, Keras' "
    "before it; model initialisation, noise and batch order follow the run's seed (the source "
    "ran once). 003's printed training losses lie inside our seeds' intervals but for the "
    "one-level AE's first epoch (0.0199, 1 % above ours)";
const std::string kCiDepartures =
    "as full, and: trains on a seeded random 12,000 of the 50,000 training images; the stacks "
    "get 3 epochs per level (5) and 3 fine-tuning epochs (5); one-level AE/DAE keep 5/10 epochs";
const std::string kSmokeDepartures =
    "wiring only: 1,000 training images, 1 epoch per model, 500 test images; thresholds only "
    "check that it ran";
const std::string kCorrected =
    "; CORRECTED VARIANT, not the report: the deeper stack level reconstructs its ReLU codes "
    "with a ReLU output (the report's sigmoid cannot reach codes above 1: its level-2 loss "
    "stayed at 0.55)";

}  // namespace

double mean_nearest(const torch::Tensor& queries, const torch::Tensor& reference) {
  return analysis::nearest_neighbour_distance(queries, reference)
      .to(torch::kFloat64)
      .mean()
      .item<double>();
}

std::string claim_id(const std::string& name, StackReading reading) {
  return "s3." + name + (reading == StackReading::corrected ? "_corrected" : "");
}

void declare_departures(Claim& c, StackReading reading, const std::string& also) {
  const std::string fix = reading == StackReading::corrected ? kCorrected : "";
  c.departures[Profile::full] = {kFullDepartures + fix + also, Bias::unknown};
  c.departures[Profile::ci] = {kCiDepartures + fix + also, Bias::unknown};
  c.departures[Profile::smoke] = {kSmokeDepartures + fix, Bias::unknown};
}

// The full profile trains as the source (recipes::one_level_autoencoder,
// recipes::stacked_autoencoder); ci and smoke shorter, on fewer images.
Setup setup(Profile profile) {
  const auto ae = recipes::one_level_autoencoder(false).training;
  const auto dae = recipes::one_level_autoencoder(true).training;
  const auto stack = recipes::stacked_autoencoder(false, models::Activation::sigmoid);
  return PerProfile<Setup>{
      /*smoke*/ {1000, 1, 1, 1, 1, 500, 1000, 2, 4, 5},
      /*ci*/ {12000, 5, 10, 3, 3, 10000, 10000, 8, 16, 10},
      /*full*/
      {ae.train_images, ae.epochs, dae.epochs, stack.stack.training.epochs,
       stack.fine_tuning.epochs, 10000, 10000, 20, 16, 10},
  }(profile);
}

}  // namespace aerepro::claims::s3
