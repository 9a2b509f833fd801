// The report as one self-contained HTML page (styles and script inline; figures are the PNG
// files beside it). Every text from the CSV files is HTML-escaped.
#pragma once
#include "reports/compare.h"
#include "reports/gnuplot_figures.h"
#include "reports/grading_card.h"
#include "reports/inventory.h"
#include "reports/report_data.h"

#include <map>
#include <string>
#include <vector>

namespace aerepro::reports {

// How long a page may grow before it is cut into linked pages (page_split.h): measured on
// records/full at 1,400 px wide (8 Dec 2026), a card's row is 371–1,215 px tall (about 520 on
// average) and a claim of the run's table 113–442 px, so a page of 12 rows or 25 claims stays
// well under the 15,000 px the browser test allows (reports/tests/browser_test.cpp).
struct PageLimits {
  size_t rows = 12;    // a card's rows (or the brief's and the harness's checks) on one page
  size_t claims = 25;  // claims of the run's table on one page
};

// What the header shows besides the data: when the report was made and from where.
struct PageInfo {
  std::string generated_at;         // UTC, e.g. 2026-11-25 10:12:03 UTC
  std::filesystem::path bench_dir;  // where benchmark CSV files were looked for
  // The results folder is the records folder itself: no "against its record" line.
  bool results_are_records = false;
  Inventory inventory;  // the claims inventory (inventory.h); found = false: none
  // For a reduced profile (anything but `full`): the full profile's verdicts of record, claim →
  // verdict (empty when records/full was not found), and where they were read.
  std::map<std::string, std::string> full_verdicts;
  std::filesystem::path full_records;
  PageLimits limits;
};

// One file of the report: its name (index.html, s0.html … s4.html, checks.html, run.html, and
// the further pages of a long one: s2-2.html, run-2.html, …) and its HTML.
struct SitePage {
  std::string file;
  std::string html;
};

// The report as pages: index.html (the five reports' tallies, linked, and the glossary), one
// page per report (its card first, then its checks in detail, collapsed), checks.html (the
// brief's and the harness's own checks) and run.html (the environment, every asserted metric,
// benchmarks, problems). A card, the own checks or the run's table longer than info.limits
// allows goes on on further pages (s2-2.html, …; page_split.h), linked by a pager at the top
// and foot of each; a claim's details are on the page of the first row that cites it. On window
// load each page's script writes on <body>: data-figures-loaded "k/n" (k of its n <img> elements
// loaded), data-scroll-width and data-page-height (CSS pixels), data-card-figure-min-width (the
// narrowest rendered card figure, -1 when none), data-tables-overflowing and data-cells-squeezed
// (with every <details> opened) and data-stale-card-notes (card notes naming a metric identifier
// their row's claims lack).
std::vector<SitePage> report_site(const ProfileData& data, const std::vector<Figure>& figures,
                                  const PageInfo& info);

// claim id → the page its details are on ("s2.html", "s2-3.html", "checks.html"): every claim of
// the cards' rows (as made, corrected and the readings' variants) and of the own checks.
std::map<std::string, std::string> claim_pages(const Cards& cards, const PageLimits& limits = {});

std::string comparison_html(const Comparison& comparison, const PageInfo& info);

}  // namespace aerepro::reports
