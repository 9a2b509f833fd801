#include "claims/source_claims.h"

namespace aerepro::claims {

std::vector<Claim> s0_claims() { return {}; }

}  // namespace aerepro::claims
