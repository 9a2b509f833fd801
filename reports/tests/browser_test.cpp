// The page in a real browser: headless Chromium loads index.html; the page's own script counts
// the <img> elements that loaded and the test requires all of them. Also leaves a screenshot
// ($AEREPRO_REPORT_SCREENSHOT, default <tmp>/aerepro-report-screenshot.png) to look at; with
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
using testing::read_text;

std::string find_chromium() {
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    if (std::system(("command -v " + std::string(name) + " >/dev/null 2>&1").c_str()) == 0)
      return name;
  }
  return "";
}

TEST(Browser, EveryFigureLoadsInHeadlessChromium) {
  const std::string found = find_chromium();
  if (found.empty()) GTEST_SKIP() << "chromium is not installed (ci/install-deps installs it)";
  const std::string chromium = "timeout 120 " + found;  // a hung browser fails, never blocks
  testing::TempDir temp;
  const char* keep = std::getenv("AEREPRO_REPORT_KEEP");
  const fs::path dir = keep && *keep ? fs::path(keep) : temp.path();
  testing::write_synthetic_profile(dir / "results", "ci");
  ReportOptions options;
  options.results_root = dir / "results";
  options.out_dir = dir / "out";
  std::ostringstream log;
  ASSERT_EQ(write_report(options, log), 0) << log.str();
  const auto html = read_text(dir / "out" / "index.html");
  size_t images = 0;
  for (size_t at = html.find("<img "); at != std::string::npos; at = html.find("<img ", at + 1))
    ++images;
  ASSERT_GT(images, 20u);

  const std::string flags =
      " --headless --no-sandbox --disable-gpu --hide-scrollbars "
      "--virtual-time-budget=10000 --user-data-dir=" +
      (dir / "profile").string();
  const std::string url = "file://" + fs::absolute(dir / "out" / "index.html").string();
  const fs::path dom = dir / "dom.html";
  ASSERT_EQ(std::system((chromium + flags + " --dump-dom '" + url + "' > '" + dom.string() +
                         "' 2> '" + (dir / "chromium.log").string() + "'")
                            .c_str()),
            0)
      << read_text(dir / "chromium.log");
  // The page's load script wrote data-figures-loaded="k/n" on <body>.
  const std::string text = read_text(dom);
  const std::string key = "data-figures-loaded=\"";
  const size_t at = text.find(key);
  ASSERT_NE(at, std::string::npos) << "no data-figures-loaded attribute:\n" << text.substr(0, 400);
  const std::string value =
      text.substr(at + key.size(), text.find('"', at + key.size()) - at - key.size());
  const size_t slash = value.find('/');
  ASSERT_NE(slash, std::string::npos) << "the page's load script did not run: " << value;
  EXPECT_EQ(value.substr(slash + 1), std::to_string(images));
  EXPECT_EQ(value.substr(0, slash), value.substr(slash + 1))
      << "figures that did not load in the browser";

  const char* env = std::getenv("AEREPRO_REPORT_SCREENSHOT");
  const fs::path shot =
      env && *env ? fs::path(env) : fs::temp_directory_path() / "aerepro-report-screenshot.png";
  ASSERT_EQ(
      std::system((chromium + flags + " --window-size=1400,4000 --screenshot='" + shot.string() +
                   "' '" + url + "' 2>> '" + (dir / "chromium.log").string() + "' >/dev/null")
                      .c_str()),
      0)
      << read_text(dir / "chromium.log");
  EXPECT_TRUE(is_png(shot));
}

}  // namespace
}  // namespace aerepro::reports
