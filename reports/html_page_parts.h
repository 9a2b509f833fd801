// The parts the report's pages (html_page.h) are made of, each rendered by one file:
//   html_page_frame.cpp     the page around the content (inline styles and script), escaping,
//                           verdict badges, figures;
//   html_page_cards.cpp     the grading cards, one per source report (grading_card.h);
//   html_page_claims.cpp    the claims: the counts line, the claims table, each claim's section;
//   html_page_sections.cpp  the environment table, the benchmarks and the problems.
// html_site.cpp puts them together into the report's pages, html_page.cpp into the comparison
// page.
#pragma once
#include "reports/figure_position.h"
#include "reports/grading_card.h"
#include "reports/html_page.h"
#include "reports/page_split.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace aerepro::reports::html {

// html_page_frame.cpp
std::string page_start(const std::string& title);  // up to <body>, with the styles
std::string page_end();  // the figures-loaded line and its script, then </body></html>
std::string e(std::string_view text);  // HTML-escaped
// An identifier that may wrap after '_' and '.' (long claim and metric names in narrow cells).
std::string id(std::string_view text);
std::string verdict_badge(const std::string& verdict);
// The values separated by ", "; `empty` when there are none.
std::string join(const std::vector<std::string>& values, const std::string& empty = "—");
// The figure with its caption, or a box saying why it could not be drawn.
std::string figure_html(const Figure& f);

// html_page_claims.cpp
std::string counts_line(const ProfileData& data);  // "22 claims: 3 inconclusive, …"
std::string verdict_rule();                        // how a verdict is reached, in words
// For any profile but `full`: says that it is a reduced set-up and how many of its verdicts
// differ from the full profile's records; "" for `full`.
std::string reduced_profile_banner(const ProfileData& data, const PageInfo& info);
// What the claims table shows, said once above its first part.
std::string claims_table_intro();
// One row per asserted metric of `claims`, each linked to its details on the page `pages` names
// for it (claim_pages()).
std::string claims_table(const std::vector<const ClaimData*>& claims,
                         const std::map<std::string, std::string>& pages = {});
std::string claim_section(const ProfileData& data, const ClaimData& c,
                          const std::vector<Figure>& figures, const PageInfo& info);

// html_page_cards.cpp
// A report's card: its tally, one row per checked statement with its evidence, then the
// statements nothing checks (collapsed, by reason). Where the card is cut into pages, the part
// of one: its rows `part`, the tally on the first part, the statements nothing checks after the
// last, `pager` (pager_html) under the heading. `pages`: claim → the page its details are on
// (claim_pages()).
std::string card_html(const Card& card, const std::vector<Figure>& figures,
                      const std::map<std::string, std::string>& pages,
                      PageRange part = {0, static_cast<size_t>(-1)}, const std::string& pager = "");
// The grader's tally (grader_tally.h) of `cards`, one row each, linked to their pages when
// `link`.
std::string tally_table(const std::vector<const Card*>& cards, bool link);
// The brief's and the harness's own checks, one row each with its evidence: the heading and
// counts, `pager`, then the rows `part` (all by default).
std::string own_checks_section(const Cards& cards, const std::vector<Figure>& figures,
                               PageRange part = {0, static_cast<size_t>(-1)},
                               const std::string& pager = "");

// html_page_sections.cpp
std::string environment_table(const ProfileData& data, const PageInfo& info);
std::string bench_section(const ProfileData& data, const std::vector<Figure>& figures,
                          const PageInfo& info);
std::string problems_section(const std::vector<Problem>& problems,
                             const std::vector<Figure>& figures);

}  // namespace aerepro::reports::html
