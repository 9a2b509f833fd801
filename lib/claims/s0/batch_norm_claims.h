// S0's two statements about its batch norm (000:51, 000:58): the conv DAE as S0 built it against
// the same model without its three BatchNorm2d layers (s0/batch_norm_claims.cpp).
#pragma once
#include "claims/claim.h"

namespace aerepro::claims::s0 {

Claim batch_norm_speeds_training();      // 000:51, 000:58 "increasing the speed of training"
Claim batch_norm_stabilises_training();  // 000:58 "stabilising the neural network"

}  // namespace aerepro::claims::s0
