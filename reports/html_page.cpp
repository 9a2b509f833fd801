// The comparison page (html_page.h), put together from its parts (html_page_parts.h); the
// report's pages are html_site.cpp's.
#include "reports/html_page.h"

#include "reports/html_page_parts.h"
#include "reports/text_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <sstream>

namespace aerepro::reports {

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
