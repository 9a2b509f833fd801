// What several of S2's picture claims share: our readings of its words that more than one
// statement uses (the "holes" bar, 002:558, 1686; S2.7's pixel noise levels, 002:1621-1646,
// 1821) and the wording of a claim measured as S2's code fed its models against its corrected
// variant. The claims: reconstruction_detail_claims.cpp, noisy_input_picture_claims.cpp,
// digit_likeness_claims.cpp; the measures they read: picture_measures.h.
#pragma once
#include "claims/claim.h"

#include <string>
#include <vector>

namespace aerepro::claims::s2 {

// Our reading of "holes" being there (002:558, 1686): at least 1 % of the in-stroke pixels of
// the ten images are output as exactly 0 (about one black pixel inside each digit's stroke).
constexpr double kHolesSeen = 0.01;
// S2.7's noise levels on pixels (002:1621-1646, 1821).
inline const std::vector<double> kPixelSigmas{0.3, 0.5, 0.8, 0.9};

// The sentence's last words: how a picture claim is measured, as made (the raw 0-255 pixels S2's
// code fed its models) or as its corrected variant (`id`'s measurement on [0,1] pixels).
std::string as_made_or_corrected(bool as_made, const std::string& id);
// The full profile's departure of a picture claim, as made or corrected, and `more`; its bias
// unknown for `unknown` (the correction itself is the variant's statement, not a bias: its
// as-made claim runs S2's evaluation beside it), none without.
Departure full_departure(bool as_made, const std::string& more,
                         const std::vector<UnknownBias>& unknown);

}  // namespace aerepro::claims::s2
