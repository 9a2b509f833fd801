// The report as one self-contained HTML page (styles and script inline; figures are the PNG
// files beside it). Every text from the CSV files is HTML-escaped.
#pragma once
#include "reports/compare.h"
#include "reports/gnuplot_figures.h"
#include "reports/inventory.h"
#include "reports/report_data.h"

#include <map>
#include <string>
#include <vector>

namespace aerepro::reports {

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
};

// On window load the page's script writes data-figures-loaded="k/n" on <body>: k of its n
// <img> elements loaded, and data-scroll-width: the document's scrollWidth in CSS pixels (the
// browser test reads both).
std::string report_html(const ProfileData& data, const std::vector<Figure>& figures,
                        const PageInfo& info);

std::string comparison_html(const Comparison& comparison, const PageInfo& info);

}  // namespace aerepro::reports
