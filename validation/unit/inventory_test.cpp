// The inventory of the reports' claims (inventory/s0.csv … s4.csv) and the harness's claims agree:
// every claim that checks a report's statement cites it, every cited claim exists, every
// statement left unchecked says why from a fixed list of reasons (issue 26, 35), and no note
// describes the harness — what a claim measures is its declaration's to say (issue 35).
#include "reports/inventory.h"
#include "claims/claim.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
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
    // A reading variant checks its as-made claim's statement: cited where that claim is.
    const std::string& id = claim.reading.is_variant() ? claim.reading.of : claim.id;
    bool cited = false;
    for (const auto& report : inventory.reports) {
      if (report.report.key != report_of(claim.id)) continue;
      for (const auto& entry : report.entries) {
        for (const auto& named : entry.checked_by) cited = cited || named == id;
      }
    }
    EXPECT_TRUE(cited) << claim.id << " checks a statement of " << report_of(claim.id)
                       << " (origin report) but no entry of its inventory names it: cite the "
                          "line it checks, or label the claim the brief's or the harness's own";
  }
}

TEST(Inventory, EveryEntryCitesALineAndQuoteAndNamesExistingClaims) {
  std::set<std::string> known;
  for (const auto& claim : claims::all_claims()) known.insert(claim.id);
  const auto inventory = committed_inventory();
  for (const auto& report : inventory.reports) {
    for (const auto& entry : report.entries) {
      SCOPED_TRACE(report.file.filename().string() + " " + entry.entry);
      EXPECT_GT(entry.line, 0);
      EXPECT_FALSE(entry.quote.empty());
      for (const auto& id : entry.checked_by) EXPECT_TRUE(known.count(id)) << "no claim " << id;
    }
  }
}

TEST(Inventory, EveryEntryIsOfAKnownKind) {
  for (const auto& report : committed_inventory().reports) {
    for (const auto& entry : report.entries) {
      EXPECT_NE(std::find(reports::inventory_kinds().begin(), reports::inventory_kinds().end(),
                          entry.kind),
                reports::inventory_kinds().end())
          << report.file.filename().string() << " " << entry.entry << ": kind '" << entry.kind
          << "'";
    }
  }
}

// An unchecked statement's reason is one of the list (inventory/README.md names each); an
// explanation or procedure is unchecked for being one, and a measurable statement (number,
// comparison, visual, curve) for another reason. A checked statement gives none.
TEST(Inventory, EveryUncheckedEntrysReasonIsFromTheListAndFitsItsKind) {
  for (const auto& report : committed_inventory().reports) {
    for (const auto& entry : report.entries) {
      SCOPED_TRACE(report.file.filename().string() + " " + entry.entry + " (" + entry.kind +
                   ", reason '" + entry.reason + "')");
      if (!entry.checked_by.empty()) {
        EXPECT_TRUE(entry.reason.empty()) << "checked, yet a reason why not";
        continue;
      }
      ASSERT_NE(reports::find_unchecked_reason(entry.reason), nullptr) << "no reason of the list";
      if (entry.kind == "explanation" || entry.kind == "procedure")
        EXPECT_EQ(entry.reason, entry.kind);
      else
        EXPECT_TRUE(entry.reason != "explanation" && entry.reason != "procedure");
    }
  }
}

TEST(Inventory, TheReadmeNamesEveryReason) {
  std::ifstream in(std::filesystem::path(AEREPRO_SOURCE_DIR) / "inventory" / "README.md");
  std::ostringstream text;
  text << in.rdbuf();
  for (const auto& reason : reports::unchecked_reasons())
    EXPECT_NE(text.str().find("`" + reason.code + "`"), std::string::npos) << reason.code;
}

// The notes say the report's side only: no claim id, no metric a claim declares, none of the
// harness's vocabulary, no name of code outside `backticks` (which quote the report's own).
TEST(Inventory, NoNoteDescribesTheHarness) {
  std::set<std::string> declared;
  for (const auto& claim : claims::all_claims()) {
    declared.insert(claim.id);
    for (const auto& assertion : claim.assertions) {
      if (assertion.metric.find('_') != std::string::npos) declared.insert(assertion.metric);
    }
  }
  for (const auto& report : committed_inventory().reports) {
    for (const auto& entry : report.entries) {
      SCOPED_TRACE(report.file.filename().string() + " " + entry.entry + ": " + entry.note);
      for (const auto& word : reports::harness_words_in_note(entry.note))
        ADD_FAILURE() << "the note names '" << word << "'";
      for (const auto& name : declared) {
        EXPECT_EQ(entry.note.find(name), std::string::npos) << "the note names " << name;
      }
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
