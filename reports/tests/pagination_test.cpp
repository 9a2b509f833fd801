// reports/page_split and the report's pages: a long card, the own checks or the run's table is
// cut into linked pages, evenly, and by report where it can; nothing is dropped (each row and
// each claim's details once) and every link and anchor of every page resolves, the report of
// record's included (its pages built in memory: no gnuplot, no git).
#include "fixtures.h"
#include "reports/html_page.h"
#include "reports/inventory.h"
#include "reports/page_split.h"
#include "reports/report_data.h"
#include "reports/text_format.h"
#include "site_links.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace aerepro::reports {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using testing::occurrences;

std::vector<size_t> sizes(const std::vector<PageRange>& pages) {
  std::vector<size_t> out;
  size_t next = 0;
  for (const auto& p : pages) {
    EXPECT_EQ(p.begin, next) << "pages must follow each other";
    next = p.end;
    out.push_back(p.size());
  }
  return out;
}

std::vector<std::string> repeated(const std::vector<std::pair<std::string, size_t>>& groups) {
  std::vector<std::string> out;
  for (const auto& [key, n] : groups) out.insert(out.end(), n, key);
  return out;
}

TEST(SplitPages, AGroupLongerThanAPageIsCutEvenly) {
  EXPECT_THAT(sizes(split_pages(repeated({{"S2", 29}}), 12)), ElementsAre(10, 10, 9));
  EXPECT_THAT(sizes(split_pages(repeated({{"", 12}}), 12)), ElementsAre(12));
  EXPECT_THAT(sizes(split_pages(repeated({{"", 13}}), 12)), ElementsAre(7, 6));
  EXPECT_THAT(sizes(split_pages(repeated({{"", 3}}), 1)), ElementsAre(1, 1, 1));
  EXPECT_THAT(sizes(split_pages({}, 12)), ElementsAre(0));  // one empty page
}

TEST(SplitPages, SmallGroupsShareAPageAndAPageEndsWhereAGroupEnds) {
  // The run's table of records/full on 8 Dec 2026: S2's 32 claims cut in two, the small reports
  // beside them.
  const auto run = repeated({{"S0", 3}, {"S1", 1}, {"S0", 4}, {"S2", 32}, {"S3", 16}, {"S4", 3}});
  EXPECT_THAT(sizes(split_pages(run, 25)), ElementsAre(24, 16, 19));
  EXPECT_THAT(sizes(split_pages(repeated({{"a", 2}, {"b", 3}}), 4)), ElementsAre(2, 3));
}

TEST(PageFiles, AreNamedAfterTheirFirstPage) {
  EXPECT_EQ(page_file("s2", 0), "s2.html");
  EXPECT_EQ(page_file("s2", 2), "s2-3.html");
  EXPECT_EQ(page_stem("s2-3.html"), "s2");
  EXPECT_EQ(page_stem("checks-12.html"), "checks");
  EXPECT_EQ(page_stem("run.html"), "run");
  EXPECT_EQ(page_stem("index.html"), "index");
}

TEST(Pager, NamesEveryPageAndLinksThePreviousAndNext) {
  EXPECT_EQ(pager_html("s2", {"S2-21 – S2-45"}, 0), "");  // one page: no pager
  const auto pager = pager_html("s2", {"a", "b", "c"}, 1);
  EXPECT_THAT(pager, HasSubstr("<b>Page 2 of 3</b>"));
  EXPECT_THAT(pager, HasSubstr("<a href=\"s2.html\">1 <span class=\"range\">(a)</span></a>"));
  EXPECT_THAT(pager, HasSubstr("<b class=\"here\">2 <span class=\"range\">(b)</span></b>"));
  EXPECT_THAT(pager, HasSubstr("<a href=\"s2-3.html\">3 <span class=\"range\">(c)</span></a>"));
  EXPECT_THAT(pager, HasSubstr("<a href=\"s2.html\" rel=\"prev\">← previous</a>"));
  EXPECT_THAT(pager, HasSubstr("<a href=\"s2-3.html\" rel=\"next\">next →</a>"));
  EXPECT_THAT(pager_html("s2", {"a", "b"}, 0), Not(HasSubstr("previous")));
  EXPECT_THAT(pager_html("s2", {"a", "b"}, 1), Not(HasSubstr("next")));
}

TEST(BrokenLinks, AreAMissingPageFileOrAnchor) {
  const std::map<std::string, std::string> pages = {
      {"a.html", "<p id=\"x\"><a href=\"#x\">1</a> <a href=\"b.html#y\">2</a> <img src=\"f.png\">"},
      {"b.html",
       "<a href=\"a.html#y\">3</a> <a href=\"c.html\">4</a> <a href=\"#\">5</a> "
       "<a href=\"https://example.org/\">6</a> <img src=\"g.png\">"}};
  EXPECT_THAT(testing::broken_links(pages, {"f.png"}),
              ElementsAre("a.html: b.html#y (no such anchor)", "b.html: a.html#y (no such anchor)",
                          "b.html: c.html (no such file)", "b.html: # (no such anchor)",
                          "b.html: g.png (no such file)"));
}

// The site of a profile as file → HTML.
std::map<std::string, std::string> site(const ProfileData& data, const PageInfo& info) {
  std::map<std::string, std::string> out;
  for (const auto& page : report_site(data, {}, info)) {
    EXPECT_FALSE(out.count(page.file)) << page.file << " twice";
    out[page.file] = page.html;
  }
  return out;
}

std::string all_text(const std::map<std::string, std::string>& pages) {
  std::string out;
  for (const auto& [name, html] : pages) out += html;
  return out;
}

class Site : public testing::InTempDir {
 protected:
  // The synthetic profile's pages, cut at `limits`.
  std::map<std::string, std::string> pages(const PageLimits& limits) {
    testing::write_synthetic_profile(dir / "records", "full", 3, 0.0, false);
    testing::write_synthetic_inventory(dir / "inventory");
    data = load_profile(dir / "records" / "full", {});
    PageInfo info;
    info.inventory = read_inventory(dir / "inventory");
    info.results_are_records = true;
    info.limits = limits;
    return site(data, info);
  }
  ProfileData data;
};

TEST_F(Site, EveryLinkAndAnchorResolvesHoweverThePagesAreCut) {
  EXPECT_THAT(testing::broken_links(pages({})), IsEmpty());
  const auto cut = pages({1, 1});
  EXPECT_THAT(testing::broken_links(cut), IsEmpty());
  EXPECT_TRUE(cut.count("checks-2.html") && cut.count("run-2.html")) << "nothing was cut";
}

TEST_F(Site, NothingIsDroppedWhenThePagesAreCut) {
  const auto whole = pages({});
  const auto cut = pages({1, 1});
  EXPECT_LT(whole.size(), cut.size());
  for (const auto* site : {&whole, &cut}) {
    const std::string text = all_text(*site);
    for (const auto& c : data.claims) {
      SCOPED_TRACE(c.id);
      EXPECT_EQ(occurrences(text, "id=\"claim-" + file_safe(c.id) + "\""), 1u);
      // One cell of the run's table names it (its rows span its metrics).
      EXPECT_EQ(occurrences(text, "#claim-" + file_safe(c.id) + "\"><code>"), 1u);
    }
    EXPECT_EQ(occurrences(text, "<article class=\"row"),
              occurrences(all_text(whole), "<article class=\"row"));
    EXPECT_EQ(occurrences(text, "<li class=\"unchecked"),
              occurrences(all_text(whole), "<li class=\"unchecked"));
  }
  // Every page of a cut run names all of them, and the problems are on the last.
  size_t run_pages = 0;
  for (const auto& [name, html] : cut) {
    if (page_stem(name) != "run") continue;
    ++run_pages;
    EXPECT_THAT(html, HasSubstr("<nav class=\"pager\">")) << name;
  }
  EXPECT_EQ(run_pages, data.claims.size());
  EXPECT_THAT(cut.at(page_file("run", run_pages - 1)), HasSubstr("id=\"problems\""));
  EXPECT_THAT(cut.at("index.html"), HasSubstr(page_file("run", run_pages - 1) + "#problems"));
}

TEST(ReportOfRecord, EveryLinkResolvesEveryClaimIsDetailedOnceAndNoPageIsOverfull) {
  const fs::path source = AEREPRO_SOURCE_DIR;
  ASSERT_TRUE(fs::exists(source / "records" / "full"));
  const auto data = load_profile(source / "records" / "full", {});
  PageInfo info;
  info.inventory = read_inventory(default_inventory_dir(source / "records", source));
  info.results_are_records = true;
  const auto pages = site(data, info);
  EXPECT_THAT(testing::broken_links(pages), IsEmpty());
  const std::string text = all_text(pages);
  for (const auto& c : data.claims)
    EXPECT_EQ(occurrences(text, "id=\"claim-" + file_safe(c.id) + "\""), 1u) << c.id;
  for (const auto& [name, html] : pages) {
    EXPECT_LE(occurrences(html, "<article class=\"row"), info.limits.rows) << name;
    EXPECT_LE(occurrences(html, "<span class=\"sentence\">"), info.limits.claims) << name;
  }
}

}  // namespace
}  // namespace aerepro::reports
