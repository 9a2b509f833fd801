// S0 (Homework 6) and S1 (Assignment 6): the conv DAE's codes, clustering and generations.
#include "expect_claim.h"

#include <gtest/gtest.h>

namespace aerepro::validation {
namespace {

TEST(S0Clustering, KMeansOnConvDaeCodesAbove70Percent) {
  expect_claim_as_recorded("s0.kmeans_codes_above_70");
}

TEST(S0Clustering, ConvDaeCodesBeatRawPixels) {
  expect_claim_as_recorded("s0.codes_beat_raw_pixels");
}

TEST(S0Generation, DecodedRandomCodesSitNearerTheDataThanNoise) {
  expect_claim_as_recorded("s0.generated_images_nearer_data_than_noise");
}

}  // namespace
}  // namespace aerepro::validation
