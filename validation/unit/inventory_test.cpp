// The inventory of the reports' claims (inventory/s0.csv … s4.csv) and the harness's claims agree:
// every claim that checks a report's statement cites it, every cited claim exists, and every
// statement left unchecked says why (issue 26).
#include "reports/inventory.h"
#include "claims/claim.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

namespace aerepro {
namespace {

reports::Inventory committed_inventory() {
  return reports::read_inventory(std::filesystem::path(AEREPRO_SOURCE_DIR) / "inventory");
}

// "s1.kmeans_…" belongs to S1's inventory, inventory/s1.csv.
std::string report_of(const std::string& claim_id) {
  return "S" + claim_id.substr(1, 1);
}

TEST(Inventory, EveryReportsInventoryIsThereAndReads) {
  const auto inventory = committed_inventory();
  ASSERT_TRUE(inventory.found) << inventory.dir;
  for (const auto& problem : inventory.problems)
    ADD_FAILURE() << problem.file << ": " << problem.message;
  for (const auto& report : inventory.reports) {
    EXPECT_TRUE(report.found) << report.file;
    EXPECT_FALSE(report.entries.empty()) << report.file;
  }
}

TEST(Inventory, EveryClaimOfAReportCitesOneOfItsStatements) {
  const auto inventory = committed_inventory();
  for (const auto& claim : claims::all_claims()) {
    if (claim.origin != claims::ClaimOrigin::report) continue;
    bool cited = false;
    for (const auto& report : inventory.reports) {
      if (report.report.key != report_of(claim.id)) continue;
      for (const auto& entry : report.entries) {
        for (const auto& id : entry.checked_by) cited = cited || id == claim.id;
      }
    }
    EXPECT_TRUE(cited) << claim.id << " checks a statement of " << report_of(claim.id)
                       << " (origin report) but no entry of its inventory names it: cite the "
                          "line it checks, or label the claim the brief's or the harness's own";
  }
}

TEST(Inventory, EveryEntryNamesExistingClaimsOrSaysWhyNothingChecksIt) {
  std::set<std::string> known;
  for (const auto& claim : claims::all_claims()) known.insert(claim.id);
  const auto inventory = committed_inventory();
  for (const auto& report : inventory.reports) {
    for (const auto& entry : report.entries) {
      SCOPED_TRACE(report.file.filename().string() + " " + entry.entry);
      EXPECT_GT(entry.line, 0);
      EXPECT_FALSE(entry.quote.empty());
      for (const auto& id : entry.checked_by) EXPECT_TRUE(known.count(id)) << "no claim " << id;
      if (entry.checked_by.empty()) EXPECT_FALSE(entry.note.empty()) << "unchecked, no reason";
    }
  }
}

// The brief's four headline checks are kept, labelled as the brief's, beside the reports' own.
TEST(Inventory, TheBriefsHeadlineChecksAreLabelledAsTheBriefs) {
  for (const char* id : {"s2.well_trained_ae_beats_pca", "s2.dae_beats_ae_on_noisy_inputs",
                         "s0.kmeans_codes_above_70", "s1.kmeans_majority_codes_above_70",
                         "s4.both_classifiers_above_97"}) {
    EXPECT_EQ(claims::find_claim(id).origin, claims::ClaimOrigin::brief) << id;
  }
  for (const char* id :
       {"s3.fine_tuning_beats_layerwise_only", "s3.interpolation_stays_near_data",
        "s2.conv_aes_reach_low_loss", "s0.generated_images_nearer_data_than_noise"}) {
    EXPECT_EQ(claims::find_claim(id).origin, claims::ClaimOrigin::harness) << id;
  }
}

}  // namespace
}  // namespace aerepro
