// S3's claims (ISPR midterm): each test runs one claim over the profile's seeds and expects the
// outcome its claim record states.
#include "expect_claim.h"

#include <gtest/gtest.h>

namespace aerepro::validation {

TEST(S3Claims, NoiseTrainingMattersMostForDeepModels) {
  expect_claim_as_recorded("s3.noise_training_matters_most_for_deep_models");
}

TEST(S3Claims, FineTuningBeatsLayerwiseOnly) {
  expect_claim_as_recorded("s3.fine_tuning_beats_layerwise_only");
}

TEST(S3Claims, BestAreOneLevelDaeAndFineTunedDdae) {
  expect_claim_as_recorded("s3.best_are_one_level_dae_and_fine_tuned_ddae");
}

TEST(S3Claims, InterpolationStaysNearData) {
  expect_claim_as_recorded("s3.interpolation_stays_near_data");
}

TEST(S3Claims, ManifoldAscentConvergesToData) {
  expect_claim_as_recorded("s3.manifold_ascent_converges_to_data");
}

}  // namespace aerepro::validation
