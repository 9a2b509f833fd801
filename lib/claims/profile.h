// Profiles: how much of the sources' set-up a run reproduces (and at what cost).
#pragma once
#include <string>
#include <vector>

namespace aerepro::claims {

enum class Profile {
  smoke,  // seconds, tiny subsets: proves the wiring only; its verdicts mean nothing
  ci,     // what ./ci/test runs: subsampled and shortened where it must be, >= 3 seeds
  full,   // the sources' exact set-up, >= 5 seeds, the sources' thresholds
};

// "smoke" | "ci" | "full"; UsageError (listing the valid names) for anything else.
Profile parse_profile(const std::string& name);
std::string to_string(Profile profile);
const std::vector<Profile>& all_profiles();

// The default number of seeds a profile runs per claim.
int default_seeds(Profile profile);

}  // namespace aerepro::claims
