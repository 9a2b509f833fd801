// The grading cards (grading_card.h) and the inventory they are made from (inventory.h): each
// statement of a report counted once in its report's tally, as made and corrected verdicts in
// one row, the claims no statement names kept apart; without an inventory the claims' source
// column groups them.
#include "fixtures.h"
#include "reports/grading_card.h"
#include "reports/inventory.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace aerepro::reports {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::write_text;

// A claim that ran, with one asserted metric and the given verdict.
ClaimData claim(const std::string& id, const std::string& source, const std::string& verdict) {
  ClaimData c;
  c.id = id;
  results::SummaryRow s;
  s.claim = id;
  s.source = source;
  s.sentence = "sentence of " + id;
  s.verdict = verdict;
  s.bias = "none";
  s.metric = "accuracy";
  s.comparison = ">";
  s.threshold = 0.7;
  s.n = 5;
  s.mean = 0.72;
  s.std = 0.01;
  c.summary.push_back(s);
  return c;
}

InventoryEntry entry(const std::string& id, std::vector<std::string> checked_by,
                     const std::string& note = "") {
  InventoryEntry e;
  e.entry = id;
  e.line = 3;
  e.kind = "comparison";
  e.quote = "quote of " + id;
  e.checked_by = std::move(checked_by);
  e.note = note;
  return e;
}

// An inventory of S3 only (the other reports' files list nothing).
Inventory s3_inventory(std::vector<InventoryEntry> entries) {
  Inventory inventory;
  inventory.found = true;
  for (const auto& report : source_reports()) {
    ReportInventory r;
    r.report = report;
    r.found = true;
    if (report.key == "S3") r.entries = entries;
    inventory.reports.push_back(r);
  }
  return inventory;
}

TEST(GradingCards, TheTallySaysWhichClaimsHoldOnlyAsMade) {
  ProfileData data;
  data.claims = {
      claim("s3.a", "S3.1", "reproduced"), claim("s3.a_corrected", "S3.1", "not reproduced"),
      claim("s3.b", "S3.2", "reproduced"), claim("s3.b_corrected", "S3.2", "reproduced")};
  const auto inventory = s3_inventory(
      {entry("S3-01", {"s3.a", "s3.a_corrected"}), entry("S3-02", {"s3.b", "s3.b_corrected"})});
  const auto cards = grading_cards(data, inventory);
  EXPECT_EQ(tally_line(cards.cards[3].tally),
            "2 claims made: 2 reproduced as made (1 of them not once the slip is corrected), "
            "0 survive correction, 0 not reproduced, 0 undecided, 0 not checked");
}

TEST(GradingCards, EveryStatementCountsOnceInItsReportsTally) {
  ProfileData data;
  data.claims = {claim("s3.a", "S3.1", "reproduced"),
                 claim("s3.b", "S3.2", "not reproduced"),
                 claim("s3.b_corrected", "S3.2", "reproduced"),
                 claim("s3.c", "S3.3", "not reproduced"),
                 claim("s3.c_corrected", "S3.3", "not reproduced"),
                 claim("s3.d", "S3.4", "inconclusive"),
                 claim("s2.headline", "S2.9", "reproduced")};
  const auto inventory = s3_inventory(
      {entry("S3-01", {"s3.a"}), entry("S3-02", {"s3.b", "s3.b_corrected"}),
       entry("S3-03", {"s3.c", "s3.c_corrected"}), entry("S3-04", {"s3.d"}),
       entry("S3-05", {"s3.missing"}), entry("S3-06", {}, "a judgement about pictures")});
  const auto cards = grading_cards(data, inventory);
  ASSERT_EQ(cards.cards.size(), 5u);
  const Card& s3 = cards.cards[3];
  EXPECT_EQ(s3.report.name, "ISPR Midterm 3");
  EXPECT_TRUE(s3.from_inventory);
  ASSERT_EQ(s3.rows.size(), 5u);
  EXPECT_EQ(s3.rows[0].outcome, Outcome::reproduced_as_made);
  EXPECT_EQ(s3.rows[1].outcome, Outcome::survives_correction);
  EXPECT_EQ(s3.rows[1].verdict_made, "not reproduced");  // both verdicts in one row
  EXPECT_EQ(s3.rows[1].verdict_corrected, "reproduced");
  EXPECT_THAT(s3.rows[1].corrected_ids, ElementsAre("s3.b_corrected"));
  EXPECT_EQ(s3.rows[2].outcome, Outcome::not_reproduced);
  EXPECT_EQ(s3.rows[3].outcome, Outcome::undecided);
  EXPECT_EQ(s3.rows[4].outcome, Outcome::undecided);  // named, but absent from the results
  EXPECT_EQ(s3.rows[4].verdict_made, "not run");
  ASSERT_EQ(s3.not_checked.size(), 1u);
  EXPECT_EQ(s3.not_checked[0].note, "a judgement about pictures");
  EXPECT_EQ(tally_line(s3.tally),
            "6 claims made: 1 reproduced as made, 1 survives correction, 1 not reproduced, "
            "2 undecided, 1 not checked");
  ASSERT_NE(s3.rows[0].metric, nullptr);  // our figure: the first asserted metric
  EXPECT_EQ(s3.rows[0].metric->metric, "accuracy");
  // No inventory entry names the headline check: it is on no card and in no tally.
  ASSERT_EQ(cards.own.size(), 1u);
  EXPECT_EQ(cards.own[0]->id, "s2.headline");
  EXPECT_EQ(cards.cards[2].tally.made, 0);
}

TEST(GradingCards, WithoutAnInventoryTheSourceColumnGroupsTheClaims) {
  ProfileData data;
  data.claims = {claim("s0.x", "S0.3, S0.7", "reproduced"), claim("s3.y", "S3.5", "not reproduced"),
                 claim("s3.y_corrected", "S3.5", "reproduced"),
                 claim("extra.z", "the brief", "reproduced")};
  const auto cards = grading_cards(data, read_inventory("/nonexistent/inventory"));
  EXPECT_FALSE(cards.inventory_found);
  ASSERT_EQ(cards.cards[0].rows.size(), 1u);
  EXPECT_FALSE(cards.cards[0].from_inventory);
  EXPECT_EQ(cards.cards[0].rows[0].entry.quote, "sentence of s0.x");
  ASSERT_EQ(cards.cards[3].rows.size(), 1u);  // the corrected variant beside its claim
  EXPECT_EQ(cards.cards[3].rows[0].outcome, Outcome::survives_correction);
  ASSERT_EQ(cards.own.size(), 1u);
  EXPECT_EQ(cards.own[0]->id, "extra.z");
}

TEST(Inventory, ReadsEachReportsEntriesAndNamesWhatItCannotRead) {
  testing::TempDir dir;
  testing::write_synthetic_inventory(dir / "inventory");
  fs::remove(dir / "inventory" / "s4.csv");
  write_text(dir / "inventory" / "s1.csv",
             "entry,line,kind,quote,printed,checked_by,note\nS1-01,twelve,number,q,1,,why\n");
  const auto inventory = read_inventory(dir / "inventory");
  EXPECT_TRUE(inventory.found);
  ASSERT_EQ(inventory.reports.size(), 5u);
  const auto& s0 = inventory.reports[0];
  EXPECT_TRUE(s0.found);
  ASSERT_EQ(s0.entries.size(), 2u);
  EXPECT_EQ(s0.entries[0].entry, "S0-01");
  EXPECT_EQ(s0.entries[0].line, 42);
  EXPECT_EQ(s0.entries[0].quote, "the accuracy, with k-means, is 73.46 %");
  EXPECT_EQ(s0.entries[0].printed, "73.46 %");
  EXPECT_THAT(s0.entries[0].checked_by, ElementsAre(testing::kSpecialClaim));
  EXPECT_TRUE(s0.entries[1].checked_by.empty());
  EXPECT_TRUE(inventory.names(testing::kCurvesClaim));
  EXPECT_FALSE(inventory.names(testing::kBarsClaim));
  EXPECT_FALSE(inventory.reports[1].found);
  EXPECT_FALSE(inventory.reports[4].found);
  ASSERT_EQ(inventory.problems.size(), 2u);
  EXPECT_THAT(inventory.problems[0].message, HasSubstr("s1.csv:2: column 'line'"));
  EXPECT_THAT(inventory.problems[1].message, HasSubstr("no inventory of S4 \"Minor exam\""));
  // An absent folder is no problem of its own (the report says so once).
  const auto none = read_inventory(dir / "nowhere");
  EXPECT_FALSE(none.found);
  EXPECT_TRUE(none.problems.empty());
}

TEST(Inventory, IsLookedForBesideTheRecords) {
  EXPECT_EQ(default_inventory_dir("/repo/records", "/src"), fs::path("/repo/inventory"));
  EXPECT_EQ(default_inventory_dir("/repo/records/", "/src"), fs::path("/repo/inventory"));
  EXPECT_EQ(default_inventory_dir("records", "/src"), fs::path("./inventory"));
  EXPECT_EQ(default_inventory_dir("/tmp/results", "/src"), fs::path("/src/inventory"));
}

}  // namespace
}  // namespace aerepro::reports
