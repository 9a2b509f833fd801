// The grading cards (grading_card.h) and the inventory they are made from (inventory.h): each
// statement of a report counted once in its report's tally, as made and corrected verdicts in
// one row, the claims no statement names kept apart; without an inventory the claims' source
// column groups them.
#include "fixtures.h"
#include "reports/card_evidence.h"
#include "reports/grader_tally.h"
#include "reports/grading_card.h"
#include "reports/inventory.h"
#include "reports/report_data.h"

#include <cmath>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace aerepro::reports {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
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

// A claim that runs a reading variant of `of` (index.csv's reading_of), named `name`.
ClaimData reading(ClaimData c, const std::string& name, const std::string& of = "") {
  results::ClaimIndexRow r;
  r.claim = c.id;
  r.reading = name;
  r.reading_of = of;
  c.record = r;
  return c;
}

TEST(GradingCards, AStatementWithReadingsTakesItsVerdictAcrossThemAndShowsEach) {
  ProfileData data;
  data.claims = {reading(claim("s3.a", "S3.1", "reproduced"), "codes [0,1]"),
                 reading(claim("s3.a_0_255", "S3.1", "not reproduced"), "codes 0-255", "s3.a"),
                 reading(claim("s3.b", "S3.2", "not reproduced"), "one way"),
                 reading(claim("s3.b_other", "S3.2", "not reproduced"), "another", "s3.b"),
                 claim("s3.c", "S3.3", "reproduced")};
  const auto cards = grading_cards(
      data, s3_inventory({entry("S3-01", {"s3.a"}), entry("S3-02", {"s3.b", "s3.b_other"}),
                          entry("S3-03", {"s3.c"})}));
  const auto& rows = cards.cards[3].rows;
  ASSERT_EQ(rows.size(), 3u);
  // The readings disagree: the statement depends on the reading; each reading's verdict shown.
  EXPECT_EQ(rows[0].verdict_made, "depends on the reading");
  EXPECT_THAT(rows[0].made_ids, ElementsAre("s3.a"));
  ASSERT_EQ(rows[0].readings.size(), 1u);
  EXPECT_EQ(rows[0].readings[0].listing(),
            "codes [0,1] (s3.a): reproduced; codes 0-255 (s3.a_0_255): not reproduced");
  EXPECT_EQ(standing_of(rows[0], false), Standing::depends_on_the_reading);
  const auto ev = row_evidence(rows[0], {});
  ASSERT_EQ(ev.readings.size(), 3u);
  EXPECT_EQ(ev.readings[0].label, "codes [0,1]");
  EXPECT_EQ(ev.readings[0].text, "reproduced");  // no claim id on a card
  EXPECT_EQ(ev.readings[2].text, "depends on the reading");
  // Every reading fails: not reproduced; a variant the entry names is folded into its claim.
  EXPECT_EQ(rows[1].verdict_made, "not reproduced");
  EXPECT_THAT(rows[1].made_ids, ElementsAre("s3.b"));
  EXPECT_EQ(rows[1].outcome, Outcome::not_reproduced);
  // A claim without readings: nothing changes.
  EXPECT_EQ(rows[2].verdict_made, "reproduced");
  EXPECT_TRUE(rows[2].readings.empty());
  // The variants are on the card with their claims, not among the claims on no card.
  EXPECT_TRUE(cards.own.empty());
}

TEST(GradingCards, WithoutAnInventoryAReadingVariantStandsBesideItsClaim) {
  ProfileData data;
  data.claims = {reading(claim("s3.a", "S3.1", "reproduced"), "one"),
                 reading(claim("s3.a_two", "S3.1", "reproduced"), "two", "s3.a")};
  const auto cards = grading_cards(data, read_inventory("/nonexistent/inventory"));
  ASSERT_EQ(cards.cards[3].rows.size(), 1u);
  EXPECT_EQ(cards.cards[3].rows[0].verdict_made, "reproduced");
  ASSERT_EQ(cards.cards[3].rows[0].readings.size(), 1u);
  EXPECT_TRUE(cards.own.empty());
}

TEST(GraderTally, EveryCheckableStatementStandsOnceAndTheTotalsAddUp) {
  ProfileData data;
  data.claims = {claim("s3.a", "S3.1", "reproduced"),
                 claim("s3.a_corrected", "S3.1", "not reproduced"),
                 claim("s3.b", "S3.2", "reproduced"),
                 claim("s3.c", "S3.3", "not reproduced"),
                 claim("s3.c_corrected", "S3.3", "reproduced"),
                 claim("s3.d", "S3.4", "inconclusive"),
                 claim("s3.e", "S3.5", "inconclusive")};
  data.claims.back().extras.declared_seeds = 23;  // 5 of 23 seeds ran: interim
  auto explanation = entry("S3-08", {}, "why it happens");
  explanation.kind = "explanation";
  explanation.reason = "explanation";
  auto unchecked = entry("S3-09", {}, "the report's loop prints its swaps");
  unchecked.kind = "number";
  unchecked.reason = "not_yet";
  const auto inventory =
      s3_inventory({entry("S3-01", {"s3.a", "s3.a_corrected"}), entry("S3-02", {"s3.b"}),
                    entry("S3-03", {"s3.c", "s3.c_corrected"}), entry("S3-04", {"s3.d"}),
                    entry("S3-05", {"s3.e"}), explanation, unchecked});
  const auto cards = grading_cards(data, inventory);
  const auto t = grader_tally(cards.cards[3]);
  EXPECT_EQ(t.count(Standing::holds_only_as_made), 1);
  EXPECT_EQ(t.count(Standing::holds), 1);
  EXPECT_EQ(t.count(Standing::holds_once_corrected), 1);
  EXPECT_EQ(t.count(Standing::inconclusive), 1);
  EXPECT_EQ(t.count(Standing::interim), 1);
  EXPECT_EQ(t.count(Standing::not_checked), 1);
  EXPECT_EQ(t.not_checked_by_reason.at("checkable, not checked yet"), 1);
  EXPECT_EQ(t.explanations, 1);
  int sum = 0;
  for (int n : t.counts) sum += n;
  EXPECT_EQ(sum, t.checkable);
  EXPECT_EQ(t.checkable, 6);
}

TEST(CardEvidence, OursIsShownInThePrintedFiguresUnitBesideTheTestedDifference) {
  ProfileData data;
  data.claims = {claim("s4.cnn", "S4.5", "inconclusive")};
  auto& s = data.claims[0].summary;
  s[0].metric = "cnn_minus_ae_accuracy";
  s[0].threshold = 0;
  s[0].mean = 0.0098;
  results::SummaryRow accuracy = s[0];
  accuracy.metric = "cnn_test_accuracy";
  accuracy.comparison = "";
  accuracy.threshold = std::nan("");
  accuracy.source_figure = 0.9792;
  accuracy.mean = 0.9802;
  accuracy.std = 0.001;
  s[0].source_figure = std::nan("");
  s.push_back(accuracy);
  auto printed = entry("S4-47", {"s4.cnn"});
  printed.kind = "number";
  printed.printed = "97.92 %";
  const auto cards = grading_cards(data, s3_inventory({printed}));
  const auto ev = row_evidence(cards.cards[3].rows[0], {});
  ASSERT_EQ(ev.printed.size(), 1u);
  EXPECT_EQ(ev.printed[0].label, "CNN test accuracy");
  EXPECT_THAT(ev.printed[0].text, HasSubstr("printed 97.92 % · ours 98.02 ± 0.10 % (n = 5)"));
  ASSERT_EQ(ev.tested.size(), 1u);
  EXPECT_THAT(ev.tested[0].label, HasSubstr("CNN minus AE accuracy > 0"));
}

TEST(CardEvidence, AStaleInventoryNoteIsCaught) {
  ProfileData data;
  data.claims = {claim("s3.a", "S3.1", "reproduced"),
                 claim("s3.other_claim", "S3.2", "reproduced")};
  data.claims[0].summary[0].metric = "hungarian_accuracy";
  // The note names the claim's metric and another claim: both fine. Then a planted stale one.
  const auto fresh = grading_cards(
      data,
      s3_inventory({entry("S3-01", {"s3.a"}, "hungarian_accuracy, as other_claim reads it")}));
  EXPECT_TRUE(stale_inventory_notes(fresh, data).empty());
  const auto stale = grading_cards(
      data, s3_inventory({entry("S3-01", {"s3.a"}, "reads majority_vote_accuracy (0.0110)")}));
  const auto problems = stale_inventory_notes(stale, data);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_THAT(problems[0].message, HasSubstr("S3-01"));
  EXPECT_THAT(problems[0].message, HasSubstr("majority_vote_accuracy"));
  // The card itself never shows the inventory's note.
  const auto ev = row_evidence(stale.cards[3].rows[0], {});
  for (const auto* lines : {&ev.printed, &ev.tested, &ev.control, &ev.readings}) {
    for (const auto& l : *lines) EXPECT_THAT(l.text, Not(HasSubstr("majority_vote")));
  }
}

TEST(CardEvidence, AControlAndReadingsInTheRecordAreShownAndNothingWhenAbsent) {
  testing::TempDir dir;
  write_text(dir / "c.summary.csv",
             "claim,metric,mean,control_mean,control_verdict,reading_pixels_minus1_1,loss\n"
             "c,accuracy,0.72,0.11,fails,0.70,cross-entropy\n");
  const auto extras = read_claim_extras(dir / "c.summary.csv");
  EXPECT_EQ(extras.loss, "cross-entropy");
  ASSERT_EQ(extras.metrics.count("accuracy"), 1u);
  EXPECT_EQ(extras.metrics.at("accuracy").control.at("control_mean"), "0.11");
  ProfileData data;
  data.claims = {claim("s3.a", "S3.1", "reproduced")};
  data.claims[0].extras = extras;
  const auto cards = grading_cards(data, s3_inventory({entry("S3-01", {"s3.a"})}));
  const auto ev = row_evidence(cards.cards[3].rows[0], {});
  ASSERT_EQ(ev.control.size(), 1u);
  EXPECT_EQ(ev.control[0].text, "mean: 0.11; verdict: fails");
  ASSERT_EQ(ev.readings.size(), 1u);
  EXPECT_EQ(ev.readings[0].text, "pixels minus1 1: 0.70");
  data.claims[0].extras = {};
  EXPECT_TRUE(
      row_evidence(grading_cards(data, s3_inventory({entry("S3-01", {"s3.a"})})).cards[3].rows[0],
                   {})
          .control.empty());
}

// `c`'s negative control of its metric "accuracy": a "control.accuracy" row judged by the same
// threshold; `vacuous`: the claim is reproduced on its control too (the runner's verdict and
// note, with a stand-in that itself holds parentheses).
void add_control(ClaimData& c, double mean, bool vacuous) {
  results::SummaryRow k = c.summary.front();
  k.metric = "control.accuracy";
  k.mean = mean;
  k.std = 0.02;
  k.metric_verdict = mean > k.threshold ? "holds" : "fails";
  k.source_figure = std::nan("");
  c.summary.push_back(k);
  for (auto& s : c.summary) {
    s.metric_verdict = s.metric == "accuracy" ? "holds" : s.metric_verdict;
    if (!vacuous) continue;
    s.verdict = "vacuous";
    s.verdict_note =
        "every asserted metric holds on its negative control too (an untrained AE (initialised "
        "only)): the procedure does not show the statement about the model";
  }
}

TEST(NegativeControl, ItsRowsAreNotMetricsOfTheClaim) {
  ClaimData c = claim("s3.a", "S3.1", "reproduced");
  EXPECT_FALSE(c.has_control());
  EXPECT_EQ(c.control_verdict(), "");
  add_control(c, 0.41, false);
  EXPECT_TRUE(is_control_metric("control.accuracy"));
  EXPECT_EQ(controlled_metric("control.accuracy"), "accuracy");
  EXPECT_EQ(control_metric("accuracy"), "control.accuracy");
  // The claim asserts one metric: its control is not a second one, and not one of its own.
  ASSERT_EQ(c.asserted().size(), 1u);
  EXPECT_EQ(c.asserted()[0].metric, "accuracy");
  ASSERT_EQ(c.own_metrics().size(), 1u);
  EXPECT_TRUE(c.orphan_controls().empty());
  ASSERT_NE(c.control_of("accuracy"), nullptr);
  EXPECT_EQ(c.control_of("accuracy")->metric, "control.accuracy");
  EXPECT_TRUE(c.has_control());
  EXPECT_EQ(c.control_verdict(), "fails");
  EXPECT_EQ(c.control_stands_in(), "");  // only the vacuous verdict's note names it
  // A claim with a control only, its metric's own row missing: the control is still no metric.
  ClaimData orphan = c;
  orphan.summary.erase(orphan.summary.begin());
  EXPECT_TRUE(orphan.own_metrics().empty());
  EXPECT_TRUE(orphan.asserted().empty());
  EXPECT_EQ(orphan.orphan_controls().size(), 1u);

  ProfileData data;
  data.claims = {c};
  const auto cards = grading_cards(data, s3_inventory({entry("S3-01", {"s3.a"})}));
  const CardRow& row = cards.cards[3].rows[0];
  EXPECT_EQ(row.outcome, Outcome::reproduced_as_made);  // a control that fails leaves it
  ASSERT_NE(row.metric, nullptr);
  EXPECT_EQ(row.metric->metric, "accuracy");
  const auto ev = row_evidence(row, {});
  ASSERT_EQ(ev.tested.size(), 1u);  // what the verdict tests: the claim's metric only
  EXPECT_THAT(ev.tested[0].label, HasSubstr("accuracy > 0.7"));
  ASSERT_EQ(ev.control.size(), 1u);  // … and its control beside it
  EXPECT_EQ(ev.control[0].label, "accuracy > 0.7");
  EXPECT_THAT(ev.control[0].text, HasSubstr("control: 0.41 ± 0.02 (n = 5) — fails"));
  EXPECT_EQ(control_beside_verdict(row.made), "control: 0.41 ± 0.02 (n = 5), fails");
  for (const auto& l : ev.printed) EXPECT_THAT(l.label, Not(HasSubstr("control")));
  EXPECT_EQ(control_beside_verdict({}), "");
}

TEST(NegativeControl, AVacuousClaimIsNeverCountedAsReproduced) {
  ProfileData data;
  data.claims = {claim("s3.a", "S3.1", "reproduced"), claim("s3.b", "S3.2", "reproduced"),
                 claim("s3.c", "S3.3", "not reproduced"),
                 claim("s3.c_corrected", "S3.3", "reproduced")};
  add_control(data.claims[0], 0.71, true);   // holds on its control too: vacuous
  add_control(data.claims[1], 0.41, false);  // its control fails: reproduced
  add_control(data.claims[3], 0.75, true);   // the corrected variant is vacuous
  EXPECT_EQ(data.claims[0].verdict(), "vacuous");
  EXPECT_EQ(data.claims[0].control_verdict(), "holds");
  EXPECT_EQ(data.claims[0].control_stands_in(), "an untrained AE (initialised only)");
  EXPECT_EQ(combined_verdict({"reproduced", "vacuous"}), "vacuous");
  EXPECT_EQ(combined_verdict({"vacuous", "not reproduced"}), "not reproduced");
  const auto cards =
      grading_cards(data, s3_inventory({entry("S3-01", {"s3.a"}), entry("S3-02", {"s3.b"}),
                                        entry("S3-03", {"s3.c", "s3.c_corrected"})}));
  const Card& s3 = cards.cards[3];
  ASSERT_EQ(s3.rows.size(), 3u);
  EXPECT_EQ(s3.rows[0].outcome, Outcome::vacuous);
  EXPECT_EQ(s3.rows[1].outcome, Outcome::reproduced_as_made);
  EXPECT_EQ(s3.rows[2].outcome, Outcome::not_reproduced);  // no rescue by a vacuous correction
  EXPECT_EQ(s3.tally.reproduced, 1);
  EXPECT_EQ(s3.tally.vacuous, 1);
  EXPECT_EQ(s3.tally.survive, 0);
  EXPECT_EQ(tally_line(s3.tally),
            "3 claims made: 1 reproduced as made, 0 survive correction, 1 not reproduced, "
            "1 vacuous (holds on its control too: shows nothing), 0 undecided, 0 not checked");
  const auto t = grader_tally(s3);
  EXPECT_EQ(t.count(Standing::holds), 1);  // s3.b only
  EXPECT_EQ(t.count(Standing::vacuous), 1);
  EXPECT_EQ(t.count(Standing::not_reproduced), 1);
  EXPECT_EQ(t.count(Standing::holds_once_corrected), 0);
  EXPECT_EQ(t.checkable, 3);
  EXPECT_EQ(standing_name(Standing::vacuous), "vacuous");
  EXPECT_EQ(standing_term(Standing::vacuous), "vacuous");
  EXPECT_THAT(grader_tally_line(t), HasSubstr("1 holds, 1 not reproduced, 1 vacuous"));
  // The card shows the control beside the verdict, with what stands in for the model.
  EXPECT_EQ(control_beside_verdict(s3.rows[0].made),
            "control (an untrained AE (initialised only)): 0.71 ± 0.02 (n = 5), holds");
  const auto ev = row_evidence(s3.rows[0], {});
  ASSERT_EQ(ev.control.size(), 1u);
  EXPECT_THAT(ev.control[0].text,
              HasSubstr("control (an untrained AE (initialised only)): 0.71 ± 0.02 (n = 5)"));
}

TEST(Inventory, ReadsEachReportsEntriesAndNamesWhatItCannotRead) {
  testing::TempDir dir;
  testing::write_synthetic_inventory(dir / "inventory");
  fs::remove(dir / "inventory" / "s4.csv");
  write_text(dir / "inventory" / "s1.csv",
             "entry,line,kind,quote,printed,checked_by,reason,note\n"
             "S1-01,twelve,number,q,1,,not_given,why\n");
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
  EXPECT_EQ(s0.entries[1].reason, "explanation");
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

TEST(Inventory, ANoteSaysTheReportsSideAndNeverTheHarnesss) {
  // The report's own code, quoted in backticks, and its figures: the report's side.
  EXPECT_TRUE(harness_words_in_note("`temp_label = kmeans_label` aliases the list (649); "
                                    "the printed score is the best seen")
                  .empty());
  // A claim id, a metric's name, C++ and the harness's vocabulary: the harness's side.
  EXPECT_THAT(harness_words_in_note("s0.codes_beat_raw_pixels reads majority_vote_accuracy"),
              ::testing::IsSupersetOf({"s0.codes_beat_raw_pixels", "majority_vote_accuracy"}));
  EXPECT_THAT(harness_words_in_note("recipes::fashion_autoencoder trains it"),
              ::testing::Contains("recipes::fashion_autoencoder"));
  EXPECT_THAT(harness_words_in_note("the harness follows it"), ::testing::Contains("harness"));
  EXPECT_THAT(harness_words_in_note("`s2.sparse_claim`"), ::testing::Contains("s2.sparse_claim"));
}

TEST(Inventory, EachReasonHasItsLabelAndAnUnknownOneIsNoReason) {
  ASSERT_EQ(unchecked_reasons().size(), 8u);
  auto unchecked = entry("S3-01", {});
  unchecked.reason = "timing";
  EXPECT_EQ(reason_category(unchecked), "a timing of the author's hardware");
  unchecked.reason = "too hard";
  EXPECT_EQ(reason_category(unchecked), "no reason given");
  EXPECT_TRUE(is_measurable_kind("curve"));
  EXPECT_FALSE(is_measurable_kind("procedure"));
}

TEST(Inventory, IsLookedForBesideTheRecords) {
  EXPECT_EQ(default_inventory_dir("/repo/records", "/src"), fs::path("/repo/inventory"));
  EXPECT_EQ(default_inventory_dir("/repo/records/", "/src"), fs::path("/repo/inventory"));
  EXPECT_EQ(default_inventory_dir("records", "/src"), fs::path("./inventory"));
  EXPECT_EQ(default_inventory_dir("/tmp/results", "/src"), fs::path("/src/inventory"));
}

}  // namespace
}  // namespace aerepro::reports
