#include "claims/profile.h"

#include "common/enum_names.h"

namespace aerepro::claims {

constexpr EnumName<Profile> kProfileNames[] = {
    {Profile::smoke, "smoke"}, {Profile::ci, "ci"}, {Profile::full, "full"}};
static_assert(enum_names_complete(kProfileNames, Profile::full));

// UsageError "unknown profile 'x': use smoke, ci or full" for any other name.
Profile parse_profile(const std::string& name) {
  return parse_enum(kProfileNames, name, "profile");
}

std::string to_string(Profile profile) {
  return std::string(enum_name(kProfileNames, profile));
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
