// How a validation test asserts a claim: run it in the profile of this run over its seeds,
// write its results, and require that it ran without error and agrees with its record
// (records/<profile>/: each asserted metric's mean within Welch's test at alpha 0.001, no verdict
// crossing between holds and fails). The profile comes from $AEREPRO_PROFILE (default: ci).
#pragma once
#include <string>

namespace aerepro::validation {

void expect_claim_agrees_with_record(const std::string& claim_id);

}  // namespace aerepro::validation
