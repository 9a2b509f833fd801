// The claims of each source report (one folder each: s0/s0_claims.cpp … s4/s4_claims.cpp).
#pragma once
#include "claims/claim.h"

#include <vector>

namespace aerepro::claims {

std::vector<Claim> s0_claims();  // S0 + S1: conv DAE, generation, k-means on codes
std::vector<Claim>
s2_claims();  // S2: PCA vs AE, hidden size, OOD, sparse, denoising, manifold, conv AEs
std::vector<Claim> s3_claims();  // S3: one-level and stacked (D)AEs, interpolation, manifold ascent
std::vector<Claim> s4_claims();  // S4: Fashion-MNIST CNN vs AE classifier

}  // namespace aerepro::claims
