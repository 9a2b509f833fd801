// The report as Markdown (report.md): for terminals and diffs; figures linked by file name.
#pragma once
#include "reports/compare.h"
#include "reports/gnuplot_figures.h"
#include "reports/grading_card.h"
#include "reports/html_page.h"
#include "reports/report_data.h"

#include <string>
#include <vector>

namespace aerepro::reports {

std::string report_markdown(const ProfileData& data, const std::vector<Figure>& figures,
                            const PageInfo& info);

// The grading cards and the claims on no card (markdown_cards.cpp).
std::string cards_markdown(const Cards& cards);

std::string comparison_markdown(const Comparison& comparison, const PageInfo& info);

}  // namespace aerepro::reports
