// What a profile's committed record says of one claim, in a line or two for `aerepro list`
// (issue 33: the list shows the control's value and the readings beside each verdict). Read from
// records/<profile>/<claim>.summary.csv; nothing is typed in.
#pragma once
#include "claims/claim.h"

#include <filesystem>
#include <string>

namespace aerepro::results {

// "record: reproduced (5 seeds); control: greedy_swap_accuracy_codes 0.241 (fails)", plus, for
// an as-made claim with reading variants, "across its readings: depends on the reading (…)";
// "record: none" when the profile has no record of the claim. `profile_dir` is
// records/<profile>/.
std::string record_digest(const std::filesystem::path& profile_dir, const claims::Claim& claim);

}  // namespace aerepro::results
