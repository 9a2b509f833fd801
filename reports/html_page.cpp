// The report page and the comparison page (html_page.h), put together from their parts
// (html_page_parts.h).
#include "reports/html_page.h"

#include "reports/html_page_parts.h"
#include "reports/text_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <sstream>

namespace aerepro::reports {

std::string report_html(const ProfileData& data, const std::vector<Figure>& figures,
                        const PageInfo& info) {
  using html::bench_section, html::cards_section, html::claim_section, html::claims_table,
      html::counts_line, html::e, html::environment_table, html::page_end, html::page_start,
      html::problems_section, html::reduced_profile_banner, html::verdict_badge;
  std::ostringstream out;
  out << page_start("aerepro report — " + data.profile);
  out << "<h1>aerepro — the claims of five autoencoder reports, re-run (profile <code>"
      << e(data.profile) << "</code>)</h1>\n";
  out << reduced_profile_banner(data, info);
  out << "<p>Everything below is read from the results CSV files in <code>" << e(data.dir.string())
      << "</code>; nothing here trains. " << counts_line(data) << "</p>\n";
  out << environment_table(data, info);
  out << "<nav><b>Contents:</b> <a href=\"#cards\">the reports' cards</a> · <a "
         "href=\"#own-checks\">the harness's own checks</a> · <a href=\"#claims\">claims "
         "table</a> · <a href=\"#details\">claims in detail</a> · <a href=\"#benchmarks\">"
         "benchmarks</a> · <a href=\"#problems\">problems</a></nav>\n";
  out << cards_section(grading_cards(data, info.inventory), figures);
  out << "<h2 id=\"claims\">Claims</h2>\n" << html::verdict_rule() << claims_table(data);
  out << "<h2 id=\"details\">Claims in detail</h2>\n<nav><ul>\n";
  for (const auto& c : data.claims) {
    out << fmt::format("<li><a href=\"#claim-{}\"><code>{}</code></a> {}</li>\n", file_safe(c.id),
                       html::id(c.id), verdict_badge(c.verdict()));
  }
  out << "</ul></nav>\n";
  for (const auto& c : data.claims) out << claim_section(data, c, figures, info);
  out << bench_section(data, figures, info) << problems_section(data.problems, figures);
  out << page_end();
  return out.str();
}

std::string comparison_html(const Comparison& cmp, const PageInfo& info) {
  using html::e, html::join, html::page_end, html::page_start, html::problems_section,
      html::verdict_badge;
  std::ostringstream out;
  out << page_start("aerepro comparison");
  out << "<h1>aerepro comparison</h1>\n<table class=\"env\">\n"
      << "<tr><td>A</td><td><code>" << e(cmp.a.dir.string()) << "</code> (git "
      << e(join(cmp.a.environment().git_revisions)) << ")</td></tr>\n"
      << "<tr><td>B</td><td><code>" << e(cmp.b.dir.string()) << "</code> (git "
      << e(join(cmp.b.environment().git_revisions)) << ")</td></tr>\n"
      << "<tr><td>generated</td><td>" << e(info.generated_at) << "</td></tr>\n</table>\n";
  out << "<p>" << e(spread_rule()) << "</p>\n";
  out << fmt::format("<p><b>{}</b> metric(s) flagged, <b>{}</b> verdict change(s).</p>\n",
                     cmp.flagged, cmp.verdict_changes);
  out << "<p>Only the asserted metrics (those a verdict rests on), each side with its "
         "threshold and the metric's verdict there.</p>\n"
         "<table class=\"claims\"><colgroup><col style=\"width:22%\"><col style=\"width:10%\">"
         "<col style=\"width:10%\"><col style=\"width:16%\"><col style=\"width:14%\">"
         "<col style=\"width:14%\"><col style=\"width:7%\"><col style=\"width:7%\">"
         "</colgroup><tr><th>claim</th><th>verdict A</th><th>verdict B</th><th>metric</th>"
         "<th>A: mean ± std (n); threshold, verdict</th><th>B: mean ± std (n); threshold, "
         "verdict</th><th>Δ (B − A)</th><th>spread</th></tr>\n";
  const auto side = [](const std::optional<results::SummaryRow>& s) {
    if (!s) return std::string("—");
    return e(mean_std_n(*s)) + "<br><span class=\"range\">" + e(format_threshold(*s)) +
           (s->metric_verdict.empty() ? "" : ", " + e(s->metric_verdict)) + "</span>";
  };
  for (const auto& c : cmp.claims) {
    const size_t span = std::max<size_t>(c.metrics.size(), 1);
    const std::string head = fmt::format(
        "<td rowspan=\"{0}\"><code>{1}</code></td><td rowspan=\"{0}\">{2}</td>"
        "<td rowspan=\"{0}\">{3}{4}</td>",
        span, html::id(c.claim), verdict_badge(c.verdict_a), verdict_badge(c.verdict_b),
        c.verdict_changed ? " <span class=\"flag\">changed</span>" : "");
    if (c.metrics.empty()) {
      out << "<tr>" << head << "<td>—</td><td>—</td><td>—</td><td>—</td><td>—</td></tr>\n";
      continue;
    }
    for (size_t i = 0; i < c.metrics.size(); ++i) {
      const auto& m = c.metrics[i];
      out << "<tr>" << (i == 0 ? head : "") << "<td><code>" << e(m.metric) << "</code></td>"
          << "<td class=\"num\">" << side(m.a) << "</td><td class=\"num\">" << side(m.b)
          << "</td><td class=\"num\">" << e(format_number(m.delta))
          << (m.flagged ? "<br><span class=\"flag\" title=\"|Δ| exceeds the spread\">⚑ beyond "
                          "spread</span>"
                        : "")
          << "</td><td class=\"num\">" << e(format_number(m.spread)) << "</td></tr>\n";
    }
  }
  out << "</table>\n";
  std::vector<Problem> problems = cmp.a.problems;
  problems.insert(problems.end(), cmp.b.problems.begin(), cmp.b.problems.end());
  out << problems_section(problems, {}) << page_end();
  return out.str();
}

}  // namespace aerepro::reports
