// How a validation test asserts a claim: run it in the profile of this run over its seeds,
// write its results, and expect the outcome its claim record states (reproduced, or not
// reproduced with recorded evidence). The profile comes from $AEREPRO_PROFILE (default: ci).
#pragma once
#include <string>

namespace aerepro::validation {

void expect_claim_as_recorded(const std::string& claim_id);

}  // namespace aerepro::validation
