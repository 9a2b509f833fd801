#include "claims/profile.h"

#include "common/error.h"

namespace aerepro::claims {

Profile parse_profile(const std::string& name) {
  for (auto p : all_profiles()) {
    if (to_string(p) == name) return p;
  }
  throw UsageError("unknown profile '" + name + "': use smoke, ci or full");
}

std::string to_string(Profile profile) {
  switch (profile) {
    case Profile::smoke:
      return "smoke";
    case Profile::ci:
      return "ci";
    case Profile::full:
      return "full";
  }
  return "unknown";
}

const std::vector<Profile>& all_profiles() {
  static const std::vector<Profile> profiles{Profile::smoke, Profile::ci, Profile::full};
  return profiles;
}

int default_seeds(Profile profile) {
  switch (profile) {
    case Profile::smoke:
      return 1;
    case Profile::ci:
      return 3;
    case Profile::full:
      return 5;
  }
  return 1;
}

}  // namespace aerepro::claims
