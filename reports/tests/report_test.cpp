// reports/: a synthetic results folder (every figure kind) renders into a page whose figures
// are real PNG files; broken CSV files are named with their line while the rest still renders;
// compare mode flags a change beyond the spread over seeds.
#include "reports/report.h"
#include "fixtures.h"
#include "reports/compare.h"
#include "reports/figure_style.h"
#include "reports/gnuplot_figures.h"
#include "reports/report_data.h"
#include "results/artifacts_csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace aerepro::reports {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::read_text;
using testing::TempDir;
using testing::write_text;

int render(const fs::path& root, const fs::path& out, std::string* log_text = nullptr) {
  ReportOptions options;
  options.results_root = root;
  options.profile = "ci";
  options.out_dir = out;
  options.inventory_dir = root / "inventory";
  std::ostringstream log;
  const int rc = write_report(options, log);
  if (log_text) *log_text = log.str();
  return rc;
}

// Replaces line `line` (1-based) of `file` with `text`.
void replace_line(const fs::path& file, int line, const std::string& text) {
  std::istringstream in(read_text(file));
  std::string out, current;
  for (int i = 1; std::getline(in, current); ++i) out += (i == line ? text : current) + "\n";
  write_text(file, out);
}

// Every Report test works in a temporary folder of its own (`dir`): the synthetic results
// under results/, the report written from them into out/.
class Report : public testing::InTempDir {
 protected:
  // Writes the synthetic profile "ci" (fixtures.h) under results/.
  void write_results(int seeds = 3, bool bench = true) {
    testing::write_synthetic_profile(dir / "results", "ci", seeds, 0.0, bench);
    testing::write_synthetic_inventory(dir / "results" / "inventory");
  }
  // Writes the report of results/ into out/.
  int render_results(std::string* log_text = nullptr) {
    return render(dir / "results", dir / "out", log_text);
  }
  // The page of the report in out/.
  std::string page() const { return testing::site_text(dir / "out"); }
};

TEST_F(Report, RendersEveryFigureKindAsRealPngs) {
  write_results();
  std::string log;
  ASSERT_EQ(render_results(&log), 0) << log;
  const auto html = page();
  const auto markdown = read_text(dir / "out" / "report.md");
  std::vector<std::pair<std::string, std::string>> expected;
  for (const auto& f : testing::synthetic_series_figures()) {
    const std::string claim = f == "ood_error" || f == "test_accuracy" || f == "some_new_figure"
                                  ? testing::kBarsClaim
                              : f == "clustering_accuracy" || f == "confusion_matrix" ||
                                      f == "codes_2d" || f == "activation_histogram"
                                  ? testing::kSpecialClaim
                                  : testing::kCurvesClaim;
    expected.emplace_back(claim, f);
  }
  for (const auto& f : testing::synthetic_image_figures())
    expected.emplace_back(testing::kImagesClaim, f);
  for (const auto& [claim, figure] : expected) {
    const std::string file = claim + "." + figure + ".png";
    EXPECT_THAT(html, HasSubstr("src=\"" + file + "\"")) << figure;
    EXPECT_THAT(markdown, HasSubstr("(" + file + ")")) << figure;
    EXPECT_TRUE(is_png(dir / "out" / file)) << file;
  }
  for (const char* bench : {"bench.train_step.png", "bench.inference.png", "bench.gflops.cpu.png",
                            "bench.gflops.cuda.png"}) {
    EXPECT_THAT(html, HasSubstr(bench));
    EXPECT_TRUE(is_png(dir / "out" / bench)) << bench;
  }
  // Claims table: every claim, the not-run one marked, departures in full, no problems.
  EXPECT_THAT(html, HasSubstr("every word of it has to be shown in full."));
  EXPECT_THAT(html, HasSubstr(testing::kNotRunClaim));
  EXPECT_THAT(html, HasSubstr("not run"));
  EXPECT_THAT(html, HasSubstr("fixture0rev1"));
  EXPECT_THAT(html, HasSubstr("1.13.1"));
  EXPECT_THAT(html, HasSubstr("fixture-mnist-checksum"));
  EXPECT_THAT(html, HasSubstr("None: every file was read and every figure drawn."));
  EXPECT_TRUE(fs::exists(dir / "out" / "figures.gp"));
  EXPECT_THAT(log, HasSubstr("problems ->"));
  // No staging folders are left beside the output.
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    EXPECT_THAT(entry.path().filename().string(), Not(HasSubstr(".new-")));
    EXPECT_THAT(entry.path().filename().string(), Not(HasSubstr(".old-")));
  }
}

TEST_F(Report, EscapesTextFromTheCsvFiles) {
  write_results(2, false);
  ASSERT_EQ(render_results(), 0);
  const auto html = page();
  EXPECT_THAT(html,
              HasSubstr("loss falls &lt;and&gt; error grows with σ &amp; λ (&quot;quoted&quot;)"));
  EXPECT_THAT(html, Not(HasSubstr("<and>")));
  EXPECT_THAT(html, HasSubstr("no benchmark results were found"));
  EXPECT_THAT(read_text(dir / "out" / "report.md"), HasSubstr("loss falls &lt;and&gt; error"));
}

TEST_F(Report, BrokenFilesAreNamedWithTheirLineAndTheRestStillRenders) {
  write_results();
  const fs::path ci = dir / "results" / "ci";
  // An unknown column (the summary's 'mean' renamed), a missing column (the rows lose 'note'),
  // a bad number (series line 3), a truncated line (images line 4), a bad bench number.
  auto summary = read_text(ci / "test.special.summary.csv");
  summary.replace(summary.find(",mean,"), 6, ",average,");
  write_text(ci / "test.special.summary.csv", summary);
  replace_line(ci / "test.curves.series.csv", 3, "test.curves,0,loss_curve,deep AE train,2,abc");
  replace_line(ci / "test.grids.images.csv", 4, "test.grids,1,denoising,0,2");
  const auto rows = read_text(ci / "test.bars.csv");
  replace_line(ci / "test.bars.csv", 1, rows.substr(0, rows.find(",note")));
  replace_line(dir / "results" / "bench" / "timings.csv", 2,
               "sgemm_1024,,sgemm,cpu,cpp,0,fast,,,,2,1.13.1,x");
  // A figure gnuplot cannot draw (no defined point) is a problem too, not a broken page.
  write_text(ci / "test.bars.series.csv",
             read_text(ci / "test.bars.series.csv") +
                 "test.bars,0,all_nan,s,1,nan\ntest.bars,0,all_nan,s,2,nan\n");
  std::string log;
  ASSERT_EQ(render_results(&log), 0) << log;
  const auto html = page();
  const std::string problems = html.substr(html.find("id=\"problems\""));
  EXPECT_THAT(problems, HasSubstr("test.special.summary.csv:1:"));
  EXPECT_THAT(problems, HasSubstr("average"));  // fccp names the unknown column
  EXPECT_THAT(problems,
              HasSubstr("test.curves.series.csv:3: column &#39;y&#39; holds &#39;abc&#39;"));
  EXPECT_THAT(problems, HasSubstr("test.bars.csv:1: Missing column &quot;note&quot;"));
  EXPECT_THAT(problems, HasSubstr("test.grids.images.csv:4: Too few columns in line 4"));
  EXPECT_THAT(problems, HasSubstr("timings.csv:2: column &#39;milliseconds&#39;"));
  EXPECT_THAT(log, HasSubstr("test.curves.series.csv:3:"));
  // The broken claim is marked; the others still show their figures.
  EXPECT_THAT(html, HasSubstr("unreadable"));
  EXPECT_TRUE(is_png(dir / "out" / "test.bars.ood_error.png"));
  EXPECT_TRUE(is_png(dir / "out" / "test.special.confusion_matrix.png"));  // series still fine
  EXPECT_FALSE(fs::exists(dir / "out" / "test.curves.loss_curve.png"));
  EXPECT_THAT(html, HasSubstr("src=\"test.bars.ood_error.png\""));
  EXPECT_THAT(problems, HasSubstr("figure <code>all_nan</code> of claim <code>test.bars</code>: "
                                  "gnuplot wrote no image"));
  EXPECT_THAT(html, Not(HasSubstr("src=\"test.bars.all_nan.png\"")));
}

TEST_F(Report, NothingToReportIsAnError) {
  std::string log;
  EXPECT_EQ(render(dir / "nowhere", dir / "out", &log), 2);
  EXPECT_THAT(log, HasSubstr("results folder not found"));
  EXPECT_FALSE(fs::exists(dir / "out"));
}

TEST_F(Report, NeverReplacesAFolderThatIsNotAReport) {
  write_results(1, false);
  write_text(dir / "precious" / "notes.txt", "keep me");
  std::string log;
  EXPECT_EQ(render(dir / "results", dir / "precious", &log), 2);
  EXPECT_THAT(log, HasSubstr("is not an earlier report"));
  EXPECT_EQ(read_text(dir / "precious" / "notes.txt"), "keep me");
  // An earlier report is replaced.
  ASSERT_EQ(render_results(), 0);
  write_text(dir / "out" / "stale.png", "old");
  ASSERT_EQ(render_results(), 0);
  EXPECT_FALSE(fs::exists(dir / "out" / "stale.png"));
  EXPECT_TRUE(fs::exists(dir / "out" / "index.html"));
}

TEST_F(Report, AnAbsurdImageGridIsAProblemNotAHugeFigure) {
  write_results(1, false);
  const fs::path file = dir / "results" / "ci" / "test.grids.images.csv";
  auto cells = results::read_images_csv(file);
  auto far = cells.front();
  far.figure = "far_apart";
  far.row = 2'000'000'000;
  cells.push_back(far);
  results::write_images_csv(file, cells);
  ASSERT_EQ(render_results(), 0);
  const auto html = page();
  EXPECT_THAT(html, HasSubstr("is too large to draw"));
  EXPECT_TRUE(is_png(dir / "out" / "test.grids.denoising.png"));
}

TEST_F(Report, MissingGnuplotIsAProblemNotACrash) {
  write_results(1, false);
  ReportOptions options;
  options.results_root = dir / "results";
  options.profile = "ci";
  options.out_dir = dir / "out";
  options.gnuplot = "no-such-gnuplot-command";
  std::ostringstream log;
  ASSERT_EQ(write_report(options, log), 0);
  const auto html = page();
  EXPECT_THAT(html, HasSubstr("gnuplot wrote no image"));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
}

// A report without figures (the records keep no series or images), written to a relative
// folder as ./ci/report does, starts no gnuplot and says nothing on the terminal; figures
// written to a relative folder are drawn there.
TEST_F(Report, ARelativeOutputFolderWithoutFiguresStartsNoGnuplot) {
  const fs::path before = fs::current_path();
  fs::current_path(dir.path());
  std::vector<Figure> none;
  fs::create_directories("out/none");
  ::testing::internal::CaptureStderr();
  render_figures(none, "out/none");
  const std::string said = ::testing::internal::GetCapturedStderr();
  auto curves = series_figures(
      "c", {{"c", 0, "loss_curve", "train", "1", 0.5}, {"c", 0, "loss_curve", "train", "2", 0.25}});
  fs::create_directories("out/some");
  render_figures(curves, "out/some");
  fs::current_path(before);
  EXPECT_EQ(said, "");
  EXPECT_TRUE(fs::exists(dir / "out" / "none" / "figures.gp"));
  ASSERT_EQ(curves.size(), 1u);
  EXPECT_TRUE(curves[0].rendered) << curves[0].error;
  EXPECT_TRUE(is_png(dir / "out" / "some" / curves[0].file));
}

// The catalog (common/figure_catalog.h) gives each figure of the CSV files its presentation; a
// name it does not list still gets a figure (another harness version's results).
TEST(FigureCatalog, EveryNameFindsItsEntryAndAnUnknownNameStillRenders) {
  for (const auto& f : kFigureCatalog) {
    EXPECT_EQ(find_figure(f.name), f.value) << f.name;
    EXPECT_EQ(figure_name(f.value), f.name);
    const auto style = figure_style(std::string(f.name));
    EXPECT_EQ(style.labels.title, f.title) << f.name;
    EXPECT_EQ(style.labels.y_label, f.y_label) << f.name;
    EXPECT_EQ(style.drawing, f.drawing) << f.name;
  }
  EXPECT_EQ(figure_style("confusion_matrix").drawing, FigureDrawing::heat_map);
  EXPECT_EQ(figure_style("codes_2d").drawing, FigureDrawing::scatter);
  EXPECT_EQ(figure_style("activation_histogram").drawing, FigureDrawing::steps);
  EXPECT_EQ(find_figure("some_new_figure"), std::nullopt);
  const auto unknown = figure_style("some_new_figure");
  EXPECT_EQ(unknown.labels.title, "some new figure");
  EXPECT_EQ(unknown.labels.y_label, "value");
  EXPECT_EQ(unknown.drawing, FigureDrawing::lines_or_bars);
}

TEST(Figures, LossCurvesSayWhatTheyShowAndManySeriesBecomePanels) {
  std::vector<results::SeriesPoint> points;
  for (int k = 0; k < 10; ++k) {
    for (int epoch = 1; epoch <= 3; ++epoch) {
      points.push_back({"c", 0, "loss_curve", "S4.2 model " + std::to_string(k) + " train",
                        std::to_string(epoch), 1.0 / (epoch + k)});
    }
  }
  points.push_back({"c", 0, "loss_curve", "S4.2 model 3 (report, printed)", "1", 0.3});
  const auto figures = series_figures("c", points, "cross-entropy");
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].title, "Training loss per epoch");  // no validation series
  EXPECT_THAT(figures[0].script, HasSubstr("set ylabel 'training loss (cross-entropy)'"));
  EXPECT_THAT(figures[0].script, HasSubstr("set multiplot layout 1,2"));  // 11 series > 8
  // The printed series is dashed in the colour of the series it matches.
  EXPECT_THAT(figures[0].script, HasSubstr("dt 2"));
  EXPECT_THAT(figures[0].note, HasSubstr("the report's printed values"));
  EXPECT_THAT(series_figures("c", points)[0].script, HasSubstr("set ylabel 'training loss'\n"));
}

TEST(Compare, FlagsADeltaBeyondTheSpread) {
  TempDir dir;
  testing::write_synthetic_profile(dir / "a", "ci", 3, 0.0, false);
  testing::write_synthetic_profile(dir / "b", "ci", 3, 0.0, false);
  // B: one metric moved far beyond its spread, verdict flipped.
  const fs::path file = dir / "b" / "ci" / "test.bars.summary.csv";
  auto rows = results::read_summary_csv(file);
  ASSERT_EQ(rows.size(), 1u);
  rows[0].mean -= 0.2;
  rows[0].verdict = "not reproduced";
  results::write_summary_csv(file, rows);
  // An informative metric (no threshold) is not compared: no verdict rests on it.
  for (const char* side : {"a", "b"}) {
    const fs::path special = dir / side / "ci" / "test.special.summary.csv";
    auto special_rows = results::read_summary_csv(special);
    special_rows[1].comparison = "";
    special_rows[1].threshold = std::nan("");
    special_rows[1].metric_verdict = "";
    results::write_summary_csv(special, special_rows);
  }
  const auto cmp = compare_profiles(load_profile(dir / "a" / "ci", dir / "none"),
                                    load_profile(dir / "b" / "ci", dir / "none"));
  EXPECT_EQ(cmp.flagged, 1);
  EXPECT_EQ(cmp.verdict_changes, 1);
  for (const auto& c : cmp.claims) {
    for (const auto& m : c.metrics) {
      EXPECT_NE(m.metric, "hungarian_accuracy");
      EXPECT_EQ(m.flagged, c.claim == testing::kBarsClaim) << c.claim << " " << m.metric;
      if (m.flagged) {
        EXPECT_NEAR(m.delta, -0.2, 1e-6);
        EXPECT_GT(std::fabs(m.delta), m.spread);
      }
    }
  }
  CompareOptions options{dir / "a" / "ci", dir / "b" / "ci", dir / "cmp"};
  std::ostringstream log;
  ASSERT_EQ(write_comparison(options, log), 0) << log.str();
  const auto html = read_text(dir / "cmp" / "index.html");
  EXPECT_THAT(html, HasSubstr("⚑ beyond spread"));
  EXPECT_THAT(html, HasSubstr("changed"));
  EXPECT_THAT(html, HasSubstr("&gt; 0.7, holds"));  // each side's threshold and verdict
  EXPECT_THAT(read_text(dir / "cmp" / "report.md"), HasSubstr("⚑ beyond spread"));
  EXPECT_THAT(log.str(), HasSubstr("1 metric(s) beyond the spread"));
}

}  // namespace
}  // namespace aerepro::reports
