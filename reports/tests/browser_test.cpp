// The page in a real browser, as a grader opens it: headless Chromium lays out index.html in a
// window 1,400 px wide; the page's own script writes how many <img> elements loaded and how
// wide the document is, and the tests require every figure loaded and no sideways scrolling.
// The report of record (records/full) must also show one card per source report. Screenshots
// are kept to look at: reports/out/browser-records-full.png and (synthetic results, every
// figure kind) $AEREPRO_REPORT_SCREENSHOT, default <tmp>/aerepro-report-screenshot.png; with
// $AEREPRO_REPORT_KEEP set, the synthetic results and report are written there and kept.
#include "fixtures.h"
#include "reports/gnuplot_figures.h"
#include "reports/report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

namespace aerepro::reports {
namespace {

namespace fs = std::filesystem;
using testing::occurrences;
using testing::read_text;

constexpr int kWindowWidth = 1400;

std::string find_chromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    if (std::system(("command -v " + std::string(name) + " >/dev/null 2>&1").c_str()) == 0)
      return name;
  }
  return "";
}

// The value of `key="…"` in `text`, "" when absent.
std::string attribute(const std::string& text, const std::string& key) {
  const std::string open = key + "=\"";
  const size_t at = text.find(open);
  if (at == std::string::npos) return "";
  return text.substr(at + open.size(), text.find('"', at + open.size()) - at - open.size());
}

// What the browser saw of `page`: the body's attributes after load, and a screenshot.
struct BrowserView {
  std::string figures_loaded;  // "k/n"
  int scroll_width = -1;
};

class Browser : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string found = find_chromium();
    if (found.empty()) GTEST_SKIP() << "chromium is not installed (ci/install-deps installs it)";
    chromium_ = "timeout 120 " + found;  // a hung browser fails, never blocks
  }

  // Opens `page` in a window kWindowWidth px wide; leaves a screenshot `height` px tall in
  // `shot`.
  BrowserView open(const fs::path& page, const fs::path& shot, int height) {
    const std::string flags = fmt_flags(height);
    const std::string url = "file://" + fs::absolute(page).string();
    const fs::path dom = temp_.path() / "dom.html";
    const std::string log = (temp_.path() / "chromium.log").string();
    BrowserView view;
    EXPECT_EQ(std::system((chromium_ + flags + " --dump-dom '" + url + "' > '" + dom.string() +
                           "' 2> '" + log + "'")
                              .c_str()),
              0)
        << read_text(log);
    const std::string body = read_text(dom);
    view.figures_loaded = attribute(body, "data-figures-loaded");
    const std::string width = attribute(body, "data-scroll-width");
    if (!width.empty()) view.scroll_width = std::stoi(width);
    EXPECT_EQ(std::system((chromium_ + flags + " --screenshot='" + shot.string() + "' '" + url +
                           "' 2>> '" + log + "' >/dev/null")
                              .c_str()),
              0)
        << read_text(log);
    EXPECT_TRUE(is_png(shot)) << shot;
    return view;
  }

  // Every <img> of `html` loaded in the browser.
  static void expect_every_figure_loaded(const BrowserView& view, const std::string& html) {
    const size_t slash = view.figures_loaded.find('/');
    ASSERT_NE(slash, std::string::npos)
        << "the page's load script did not run: '" << view.figures_loaded << "'";
    EXPECT_EQ(view.figures_loaded.substr(slash + 1), std::to_string(occurrences(html, "<img ")));
    EXPECT_EQ(view.figures_loaded.substr(0, slash), view.figures_loaded.substr(slash + 1))
        << "figures that did not load in the browser";
  }

  testing::TempDir temp_;

 private:
  std::string fmt_flags(int height) const {
    return " --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=10000 "
           "--window-size=" +
           std::to_string(kWindowWidth) + "," + std::to_string(height) +
           " --user-data-dir=" + (temp_.path() / "profile").string();
  }
  std::string chromium_;
};

TEST_F(Browser, TheReportOfRecordFitsTheWindowWithOneCardPerReport) {
  const fs::path source = AEREPRO_SOURCE_DIR;
  ASSERT_TRUE(fs::exists(source / "records" / "full"))
      << "records/full is committed: it must be there";
  ReportOptions options;
  options.results_root = source / "records";
  options.profile = "full";
  options.out_dir = temp_.path() / "records-full";
  std::ostringstream log;
  ASSERT_EQ(write_report(options, log), 0) << log.str();
  const auto html = read_text(options.out_dir / "index.html");
  EXPECT_EQ(occurrences(html, "<section class=\"card\""), 5u);
  for (const char* name : {"S0 — Homework 6", "S1 — Assignment 6", "S2 — Programming Assignment 3",
                           "S3 — ISPR Midterm 3", "S4 — Minor exam"}) {
    EXPECT_THAT(html, ::testing::HasSubstr(name));
  }
  const fs::path shots = source / "reports" / "out";
  fs::create_directories(shots);
  const auto view = open(options.out_dir / "index.html", shots / "browser-records-full.png", 2400);
  EXPECT_GT(view.scroll_width, 0) << "the page's load script did not run";
  EXPECT_LE(view.scroll_width, kWindowWidth) << "the page scrolls sideways at 1,400 px";
  expect_every_figure_loaded(view, html);
}

TEST_F(Browser, EveryFigureLoadsAndFitsTheWindow) {
  const char* keep = std::getenv("AEREPRO_REPORT_KEEP");
  const fs::path dir = keep && *keep ? fs::path(keep) : temp_.path();
  testing::write_synthetic_profile(dir / "results", "ci");
  testing::write_synthetic_inventory(dir / "results" / "inventory");
  ReportOptions options;
  options.results_root = dir / "results";
  options.profile = "ci";
  options.out_dir = dir / "out";
  options.inventory_dir = dir / "results" / "inventory";
  std::ostringstream log;
  ASSERT_EQ(write_report(options, log), 0) << log.str();
  const auto html = read_text(dir / "out" / "index.html");
  ASSERT_GT(occurrences(html, "<img "), 20u);
  const char* env = std::getenv("AEREPRO_REPORT_SCREENSHOT");
  const fs::path shot =
      env && *env ? fs::path(env) : fs::temp_directory_path() / "aerepro-report-screenshot.png";
  const auto view = open(dir / "out" / "index.html", shot, 4000);
  expect_every_figure_loaded(view, html);
  EXPECT_GT(view.scroll_width, 0);
  EXPECT_LE(view.scroll_width, kWindowWidth) << "the page scrolls sideways at 1,400 px";
}

}  // namespace
}  // namespace aerepro::reports
