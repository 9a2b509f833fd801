// Every claim of SOURCES.md, one test each (names from the claim ids, so a new claim cannot go
// untested): it runs in $AEREPRO_PROFILE and must agree with its record.
#include "claims/claim.h"
#include "expect_claim.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace aerepro::validation {
namespace {

std::vector<std::string> claim_ids() {
  std::vector<std::string> ids;
  for (const auto& claim : claims::all_claims()) ids.push_back(claim.id);
  return ids;
}

class Claim : public ::testing::TestWithParam<std::string> {};

TEST_P(Claim, RunsAndAgreesWithItsRecord) {
  expect_claim_agrees_with_record(GetParam());
}

// "s0.kmeans_codes_above_70" -> "s0_kmeans_codes_above_70" (gtest names are identifiers).
std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
      '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(SourcesMd, Claim, ::testing::ValuesIn(claim_ids()), test_name);

}  // namespace
}  // namespace aerepro::validation
