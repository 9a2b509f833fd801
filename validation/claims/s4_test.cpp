// S4 (minor exam): Fashion-MNIST, CNN vs autoencoder classifier (headline claim 4).
#include "expect_claim.h"

#include <gtest/gtest.h>

namespace aerepro::validation {
namespace {

TEST(S4Classification, CnnBeatsAutoencoderClassifierBothAbove97Percent) {
  expect_claim_as_recorded("s4.cnn_beats_ae_classifier");
}

}  // namespace
}  // namespace aerepro::validation
