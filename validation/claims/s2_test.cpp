// The claims of S2 (SOURCES.md, Programming Assignment 3), one test each; see
// lib/claims/s2_claims.cpp for what each asserts and how each profile departs from the source.
#include "expect_claim.h"

#include <gtest/gtest.h>

namespace aerepro::validation {

TEST(S2Claims, PcaBeatsSourceAe) { expect_claim_as_recorded("s2.pca_beats_source_ae"); }  // S2.1, S2.2
TEST(S2Claims, WellTrainedAeBeatsPca) { expect_claim_as_recorded("s2.well_trained_ae_beats_pca"); }  // S2.1, S2.2
TEST(S2Claims, ErrorFallsWithHiddenSize) { expect_claim_as_recorded("s2.error_falls_with_hidden_size"); }  // S2.3
TEST(S2Claims, OodErrorFarAboveInDistribution) {  // S2.4
  expect_claim_as_recorded("s2.ood_error_far_above_in_distribution");
}
TEST(S2Claims, SparsePenaltyRaisesLossAndSilencesUnits) {  // S2.6
  expect_claim_as_recorded("s2.sparse_penalty_raises_loss_and_silences_units");
}
TEST(S2Claims, DaeBeatsAeOnNoisyInputs) { expect_claim_as_recorded("s2.dae_beats_ae_on_noisy_inputs"); }  // S2.7
TEST(S2Claims, LatentNoiseSmallKeepsHugeDestroys) {  // S2.8
  expect_claim_as_recorded("s2.latent_noise_small_keeps_huge_destroys");
}
TEST(S2Claims, ConvAesReachLowLoss) { expect_claim_as_recorded("s2.conv_aes_reach_low_loss"); }  // S2.9

}  // namespace aerepro::validation
