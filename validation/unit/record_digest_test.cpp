// `aerepro list` shows, beside each claim, what its committed record says: the verdict, the
// negative control's values and, for an as-made claim with readings, the verdict across them
// (issue 33). Read from the committed records, never typed in.
#include "results/record_digest.h"
#include "claims/claim.h"
#include "results/artifacts_csv.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace aerepro {
namespace {

std::filesystem::path full_records() {
  return std::filesystem::path(AEREPRO_SOURCE_DIR) / "records" / "full";
}

TEST(RecordDigest, ShowsTheRecordsVerdictAndItsControlsValue) {
  const auto& claim = claims::find_claim("s2.standard_ae_ignores_noise");
  const auto rows = results::read_summary_csv(results::summary_file(full_records(), claim.id));
  ASSERT_FALSE(rows.empty());
  const auto digest = results::record_digest(full_records(), claim);
  EXPECT_NE(digest.find("record: " + rows.front().verdict), std::string::npos) << digest;
  EXPECT_NE(digest.find("control: control."), std::string::npos) << digest;
}

TEST(RecordDigest, AnAsMadeClaimWithReadingsShowsTheVerdictAcrossThem) {
  for (const auto& claim : claims::all_claims()) {
    if (!claim.reading.declared() || claim.reading.is_variant()) continue;
    const auto digest = results::record_digest(full_records(), claim);
    EXPECT_NE(digest.find("across its readings: "), std::string::npos) << digest;
    for (const auto* variant : claims::readings_of(claim.id))
      EXPECT_NE(digest.find(variant->id), std::string::npos) << digest;
  }
}

TEST(RecordDigest, AClaimWithoutARecordSaysSo) {
  const auto& claim = claims::all_claims().front();
  EXPECT_EQ(results::record_digest(full_records() / "no-such-profile", claim), "record: none");
}

}  // namespace
}  // namespace aerepro
