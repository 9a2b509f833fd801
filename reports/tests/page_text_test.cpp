// What the report's page says, as a grader reads it: the records are not compared with
// themselves, seconds are not passed off as training time, an inconclusive metric says what
// would settle it (or that its mean sits on the threshold), one seed says it has no spread, a
// reduced profile says so first, the departures are written once per claim, the source's bias
// and caveat stand beside its figure, and a missing results folder names the flag to use.
#include "fixtures.h"
#include "reports/figure_position.h"
#include "reports/report.h"
#include "reports/text_format.h"
#include "results/artifacts_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace aerepro::reports {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::occurrences;
using testing::read_text;
using testing::write_text;

class PageText : public testing::InTempDir {
 protected:
  // Writes the synthetic profile `profile` under <folder>/ and its report into out/.
  std::string render(const std::string& folder, const std::string& profile,
                     const std::function<void(const fs::path&)>& change = {}) {
    testing::write_synthetic_profile(dir / folder, profile, 3, 0.0, false);
    testing::write_synthetic_inventory(dir / "inventory");
    if (change) change(dir / folder / profile);
    ReportOptions options;
    options.results_root = dir / folder;
    options.profile = profile;
    options.out_dir = dir / "out";
    options.inventory_dir = dir / "inventory";
    std::ostringstream log;
    EXPECT_EQ(write_report(options, log), 0) << log.str();
    return testing::site_text(dir / "out");
  }
};

TEST_F(PageText, TheRecordsAreNotComparedWithThemselves) {
  const auto records = render("records", "full");
  EXPECT_THAT(records, Not(HasSubstr("Against its record")));
  EXPECT_THAT(records, HasSubstr("These rows are the record itself"));
  EXPECT_THAT(records, HasSubstr("the records hold the claims' values only"));
  EXPECT_THAT(records, Not(HasSubstr("The claim took")));
  EXPECT_THAT(records, HasSubstr("models loaded from checkpoints where present"));
  EXPECT_THAT(records, Not(HasSubstr("a reduced set-up")));
  const auto run = render("results", "full");
  EXPECT_THAT(run, HasSubstr("Against its record (records/full/): <b>no record</b>"));
}

TEST_F(PageText, AReducedProfileSaysSoFirst) {
  const auto html = render("results", "ci");
  const size_t banner = html.find("<b>ci: a reduced set-up</b>");
  ASSERT_NE(banner, std::string::npos);
  EXPECT_LT(banner, html.find("<table class=\"tally\""));
  EXPECT_THAT(html, HasSubstr("aerepro report --results records --profile full"));
}

TEST_F(PageText, EachCardShowsItsReportsStatementsAndTheOwnChecksStandApart) {
  const auto html = render("records", "full");
  EXPECT_EQ(occurrences(html, "<section class=\"card\""), 5u);
  EXPECT_THAT(html, HasSubstr("S0 — Homework 6"));
  // S0: one checkable statement (it holds); its explanation is counted apart.
  EXPECT_THAT(html, HasSubstr("<tr data-total=\"1\"><td><a href=\"s0.html\">S0 — Homework 6</a>"));
  EXPECT_THAT(html, HasSubstr("S0-01 · line 42 · number"));
  EXPECT_THAT(html, HasSubstr("explanations (not counted): 1"));
  EXPECT_THAT(html, HasSubstr("asserts nothing measurable"));
  const auto own = html.substr(html.find("id=\"own-checks\""));
  EXPECT_THAT(own.substr(0, own.find("id=\"claims\"")), HasSubstr(testing::kBarsClaim));
}

TEST_F(PageText, DeparturesAreWrittenOncePerClaimAndLongOnesCollapsed) {
  const auto html = render("records", "full");
  EXPECT_EQ(occurrences(html, "every word of it has to be shown in full."), 1u);
  EXPECT_THAT(html, HasSubstr("<details class=\"departure\"><summary><b>Departure in this profile "
                              "(bias: none):</b>"));
}

TEST_F(PageText, MetricVerdictsSayWhatWouldSettleThem) {
  const auto html = render("records", "full", [](const fs::path& profile) {
    const auto file = results::summary_file(profile, testing::kSpecialClaim);
    auto rows = results::read_summary_csv(file);
    rows[0].metric_verdict = "inconclusive";
    rows[0].seeds_to_settle = 772;
    rows[1].metric_verdict = "inconclusive";
    rows[1].seeds_to_settle = 8;
    rows[0].source_caveat = "S0 printed a rounded figure";
    rows[0].bias = "harder";
    results::write_summary_csv(file, rows);
  });
  EXPECT_THAT(html, Not(HasSubstr("772 seeds")));
  EXPECT_THAT(html, HasSubstr("the mean sits on the threshold"));
  EXPECT_THAT(html, HasSubstr("about 8 seeds would settle it"));
  EXPECT_THAT(html, HasSubstr("caveat: S0 printed a rounded figure"));
  EXPECT_THAT(html, HasSubstr("bias: harder"));
}

TEST_F(PageText, AControlStandsBesideItsMetricAndAVacuousClaimIsNotReproduced) {
  const auto html = render("records", "full", [](const fs::path& profile) {
    testing::add_negative_control(profile, testing::kSpecialClaim, 0.74, true);  // holds too
    testing::add_negative_control(profile, testing::kCurvesClaim, 0.5, false);   // fails
  });
  const auto page = [&](const char* name) { return read_text(dir / "out" / name); };
  const auto s0 = page("s0.html"), s2 = page("s2.html"), run = page("run.html");
  const auto index = page("index.html");
  // The vacuous claim: its own badge, its own standing and column, defined in the glossary.
  EXPECT_THAT(s0, HasSubstr("<span class=\"verdict vacuous\">vacuous</span>"));
  EXPECT_THAT(s0, HasSubstr("<article class=\"row o-vacuous\""));
  EXPECT_THAT(s0, Not(HasSubstr("<article class=\"row o-holds")));
  EXPECT_THAT(index, HasSubstr("<a class=\"term\" href=\"index.html#g-vacuous\">vacuous</a>"));
  EXPECT_THAT(index, HasSubstr("<dt id=\"g-vacuous\">vacuous</dt>"));
  EXPECT_THAT(index, HasSubstr("<dt id=\"g-control\">negative control (control)</dt>"));
  // The card: the control beside the verdict, with what stands in for the model.
  EXPECT_THAT(s0, HasSubstr("control (an untrained AE): majority accuracy 0.74 ± 0.02 (n = 3), "
                            "holds; hungarian accuracy 0.74 ± 0.02 (n = 3), holds"));
  EXPECT_THAT(s2, HasSubstr("control: final loss 0.5 ± 0.02 (n = 3), fails"));
  EXPECT_THAT(s2, HasSubstr("<span class=\"verdict reproduced\">reproduced</span>"));
  // The claim's details: each control right under its metric, never a metric row of its own.
  EXPECT_THAT(s0, HasSubstr("<tr class=\"control\"><td>↳ "));
  EXPECT_THAT(s0, HasSubstr("<code>control.<wbr>majority_<wbr>accuracy</code>"));
  EXPECT_THAT(s0, HasSubstr("(a control must not hold)"));
  EXPECT_THAT(s0, HasSubstr("3 seeds × 2 metrics and 2 controls"));
  EXPECT_THAT(s0, HasSubstr("holds on its negative control too (an untrained AE)"));
  // The run page's table, one row per asserted metric: the controls beside them, not rows.
  EXPECT_THAT(run, Not(HasSubstr("<td><code>control")));
  EXPECT_THAT(run, HasSubstr("control (an untrained AE)</a>: 0.74 ± 0.02 (n = 3), holds"));
  EXPECT_THAT(run, HasSubstr("<span class=\"verdict vacuous\">vacuous</span>"));
  // The Markdown: the tally, the card and the claims' tables.
  const auto md = page("report.md");
  EXPECT_THAT(md, HasSubstr("1 checkable statement: 1 vacuous;"));
  EXPECT_THAT(md, HasSubstr("**vacuous** (`test.special`)<br>control (an untrained AE): majority "
                            "accuracy 0.74 ± 0.02 (n = 3), holds"));
  EXPECT_THAT(md, HasSubstr("| ↳ control (an untrained AE) `control.majority_accuracy` | — |"));
  EXPECT_THAT(md, HasSubstr("<br>control: 0.5 ± 0.02 (n = 3), fails"));
  EXPECT_EQ(occurrences(md, "\n| `test.special` | S0.7 |"), 2u);  // its two asserted metrics
  EXPECT_EQ(occurrences(md, "| `control."), 0u);
}

TEST(MetricVerdictText, OneSeedHasNoSpread) {
  results::SummaryRow s;
  s.metric_verdict = "inconclusive";
  s.n = 1;
  s.seeds_met = 1;
  s.mean = 0.9796;
  EXPECT_EQ(metric_verdict_text(s),
            "inconclusive: one seed has no spread, so no bound on the mean (its value meets the "
            "threshold)");
  EXPECT_EQ(mean_std_n(s), "0.9796 (n = 1, no spread)");
  s.metric_verdict = "";
  EXPECT_EQ(metric_verdict_text(s), "");
}

TEST(FigurePosition, ReadWhenTheColumnsExistAndAbsentOtherwise) {
  testing::TempDir dir;
  write_text(dir / "with.csv",
             "claim,metric,mean,pi95_low,pi95_high,figure_position\n"
             "c,accuracy,0.7,0.66,0.8,inside\nc,other,1,nan,nan,not comparable\n");
  write_text(dir / "without.csv", "claim,metric,mean\nc,accuracy,0.7\n");
  const auto with = read_figure_positions(dir / "with.csv");
  ASSERT_EQ(with.size(), 2u);
  EXPECT_EQ(figure_position_text("73.46 %", with.at("accuracy")),
            "report's 73.46 %: inside our 95 % prediction interval [0.66, 0.8]");
  EXPECT_THAT(figure_position_text("3", with.at("other")), HasSubstr("not comparable"));
  EXPECT_TRUE(read_figure_positions(dir / "without.csv").empty());
  EXPECT_TRUE(read_figure_positions(dir / "absent.csv").empty());
}

TEST_F(PageText, AMissingResultsFolderNamesTheFlagToUse) {
  ReportOptions options;
  options.results_root = dir / "results";
  options.profile = "full";
  options.out_dir = dir / "out";
  std::ostringstream log;
  EXPECT_EQ(write_report(options, log), 2);
  EXPECT_THAT(log.str(), HasSubstr("--results records --profile full"));
  EXPECT_THAT(log.str(), HasSubstr("(the folder does not exist)"));
}

}  // namespace
}  // namespace aerepro::reports
