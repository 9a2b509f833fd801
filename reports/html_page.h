// The report as one self-contained HTML page (styles and script inline; figures are the PNG
// files beside it). Every text from the CSV files is HTML-escaped.
#pragma once
#include "reports/compare.h"
#include "reports/gnuplot_figures.h"
#include "reports/report_data.h"

#include <string>
#include <vector>

namespace aerepro::reports {

// What the header shows besides the data: when the report was made and from where.
struct PageInfo {
  std::string generated_at;         // UTC, e.g. 2026-11-25 10:12:03 UTC
  std::filesystem::path bench_dir;  // where benchmark CSV files were looked for
};

// On window load the page's script writes data-figures-loaded="k/n" on <body>: k of its n
// <img> elements loaded (the browser test reads it).
std::string report_html(const ProfileData& data, const std::vector<Figure>& figures,
                        const PageInfo& info);

std::string comparison_html(const Comparison& comparison, const PageInfo& info);

}  // namespace aerepro::reports
