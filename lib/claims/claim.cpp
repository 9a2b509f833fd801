#include "claims/claim.h"

#include "claims/source_claims.h"
#include "common/enum_names.h"
#include "common/error.h"

#include <algorithm>
#include <cctype>

namespace aerepro::claims {

constexpr EnumName<ClaimOrigin> kClaimOriginNames[] = {{ClaimOrigin::report, "report"},
                                                       {ClaimOrigin::brief, "brief"},
                                                       {ClaimOrigin::harness, "harness"}};
static_assert(enum_names_complete(kClaimOriginNames, ClaimOrigin::harness));

std::string to_string(ClaimOrigin origin) {
  return std::string(enum_name(kClaimOriginNames, origin));
}

ClaimOrigin parse_claim_origin(const std::string& text) {
  return parse_enum(kClaimOriginNames, text, "claim origin");
}

const Departure& Claim::departure(Profile profile) const {
  static const Departure not_stated{"not stated in the claim record", Bias::unknown};
  const auto it = departures.find(profile);
  return it == departures.end() ? not_stated : it->second;
}

const std::vector<Claim>& all_claims() {
  static const std::vector<Claim> claims = [] {
    std::vector<Claim> out;
    for (auto part : {s0_claims(), s2_claims(), s3_claims(), s4_claims()}) {
      out.insert(out.end(), part.begin(), part.end());
    }
    return out;
  }();
  return claims;
}

const Claim& find_claim(const std::string& id) {
  for (const auto& claim : all_claims()) {
    if (claim.id == id) return claim;
  }
  std::string known;
  for (const auto& claim : all_claims()) known += "\n  " + claim.id;
  throw UsageError("unknown claim '" + id + "'; known claims:" + known +
                   "\n(`aerepro list` shows them with their sources)");
}

std::vector<const Claim*> readings_of(const std::string& id) {
  std::vector<const Claim*> out;
  if (id.empty()) return out;
  for (const auto& claim : all_claims()) {
    if (claim.reading.of == id) out.push_back(&claim);
  }
  return out;
}

std::vector<const Claim*> select_claims(const std::string& claim_id, const std::string& source) {
  std::vector<const Claim*> out;
  if (!claim_id.empty()) {
    out.push_back(&find_claim(claim_id));
    return out;
  }
  std::string wanted = source;
  std::transform(wanted.begin(), wanted.end(), wanted.begin(), ::toupper);
  if (!wanted.empty() &&
      (wanted.size() != 2 || wanted[0] != 'S' || wanted[1] < '0' || wanted[1] > '4')) {
    throw UsageError("unknown source '" + source + "': use S0, S1, S2, S3 or S4");
  }
  for (const auto& claim : all_claims()) {
    // A claim belongs to every source its item list names ("S0.7, S1.3" is S0 and S1).
    if (wanted.empty() || claim.source.find(wanted + ".") != std::string::npos) {
      out.push_back(&claim);
    }
  }
  return out;
}

}  // namespace aerepro::claims
