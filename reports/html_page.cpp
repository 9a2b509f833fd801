// The report page and the comparison page (html_page.h), put together from their parts
// (html_page_parts.h).
#include "reports/html_page.h"

#include "reports/glossary.h"
#include "reports/html_page_parts.h"
#include "reports/text_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <sstream>

namespace aerepro::reports {

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), ::tolower);
  return text;
}

// The revision once: the latest of the rows' revisions, and how many others there are.
std::string footer(const ProfileData& data, const PageInfo& info) {
  const auto revisions = data.environment().git_revisions;
  std::string latest;
  std::string date;
  for (const auto& c : data.claims) {
    if (c.summary.empty()) continue;
    if (c.summary.front().date >= date) {
      date = c.summary.front().date;
      latest = c.summary.front().git_revision;
    }
  }
  return fmt::format(
      "<footer>Generated {} from <code>{}</code>. The latest rows were measured at revision "
      "<code>{}</code>{}; each check's details name its own.</footer>\n",
      html::e(info.generated_at), html::e(data.dir.string()),
      html::e(latest.empty() ? "—" : latest),
      revisions.size() > 1
          ? fmt::format(" ({} revisions in all, listed on <a href=\"run.html\">the "
                        "run page</a>)",
                        revisions.size())
          : std::string());
}

std::string nav(const Cards& cards, const std::string& here) {
  std::string out = "<nav class=\"pages\"><a href=\"index.html\">all reports</a>";
  for (const auto& card : cards.cards) {
    const std::string page = lower(card.report.key) + ".html";
    out += page == here ? " · <b>" + html::e(card.report.key) + "</b>"
                        : fmt::format(" · <a href=\"{}\">{}</a>", page, html::e(card.report.key));
  }
  out += here == "checks.html"
             ? " · <b>the brief's and the harness's checks</b>"
             : " · <a href=\"checks.html\">the brief's and the harness's checks</a>";
  out += here == "run.html" ? " · <b>the run</b>" : " · <a href=\"run.html\">the run</a>";
  return out + " · <a href=\"index.html#glossary\">glossary</a></nav>\n";
}

}  // namespace

std::map<std::string, std::string> claim_pages(const Cards& cards) {
  std::map<std::string, std::string> out;
  for (const ClaimData* c : cards.own) out[c->id] = "checks.html";
  for (const auto& card : cards.cards) {
    for (const auto& row : card.rows) {
      for (const auto* ids : {&row.made_ids, &row.corrected_ids}) {
        for (const auto& id : *ids) out.emplace(id, lower(card.report.key) + ".html");
      }
    }
  }
  return out;
}

std::vector<SitePage> report_site(const ProfileData& data, const std::vector<Figure>& figures,
                                  const PageInfo& info) {
  using html::e, html::page_end, html::page_start;
  const Cards cards = grading_cards(data, info.inventory);
  const auto pages = claim_pages(cards);
  const std::string foot = footer(data, info);
  std::vector<SitePage> site;
  {  // the index
    std::ostringstream out;
    out << page_start("aerepro — five autoencoder reports, checked") << nav(cards, "index.html");
    out << "<h1>Five autoencoder reports: what their statements come to</h1>\n"
        << html::reduced_profile_banner(data, info)
        << "<p>Each report has a page that opens with its card: one row per statement the "
           "harness checks, with the report's printed figure, ours in the same unit, the "
           "verdicts and the figure that decides it. Below, each report's checkable statements "
           "(numbers, comparisons, visual judgements, curves), each counted once.</p>\n";
    std::vector<const Card*> all;
    for (const auto& c : cards.cards) all.push_back(&c);
    out << html::tally_table(all, true);
    out << fmt::format(
        "<p>The {} and the harness's own checks: <a href=\"checks.html\">{} check{}</a>, counted "
        "on their own page and nowhere else. <a href=\"run.html\">The run</a>: where the numbers "
        "come from, every asserted metric, benchmarks and {} problem{}.</p>\n",
        term_link("brief", "brief's headline checks"), cards.own.size(),
        cards.own.size() == 1 ? "" : "s", data.problems.size(),
        data.problems.size() == 1 ? "" : "s");
    out << glossary_html() << foot << page_end();
    site.push_back({"index.html", out.str()});
  }
  for (const auto& card : cards.cards) {
    const std::string file = lower(card.report.key) + ".html";
    std::ostringstream out;
    out << page_start(card.report.key + " — " + card.report.name + " — aerepro") << nav(cards, file)
        << html::reduced_profile_banner(data, info) << html::card_html(card, figures);
    std::vector<std::string> ids;
    for (const auto& row : card.rows) {
      for (const auto* list : {&row.made_ids, &row.corrected_ids}) {
        for (const auto& id : *list) {
          if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        }
      }
    }
    if (!ids.empty()) out << "<h2 id=\"details\">The checks in detail</h2>\n";
    for (const auto& id : ids) {
      for (const auto& c : data.claims) {
        if (c.id == id) out << html::claim_section(data, c, figures, info);
      }
    }
    out << foot << page_end();
    site.push_back({file, out.str()});
  }
  {  // the brief's and the harness's own checks
    std::ostringstream out;
    out << page_start("the brief's and the harness's checks — aerepro") << nav(cards, "checks.html")
        << html::own_checks_section(cards, figures);
    for (const ClaimData* c : cards.own) out << html::claim_section(data, *c, figures, info);
    out << foot << page_end();
    site.push_back({"checks.html", out.str()});
  }
  {  // the run
    std::ostringstream out;
    out << page_start("the run — aerepro " + data.profile) << nav(cards, "run.html")
        << "<h1>The run behind the pages (profile <code>" << e(data.profile) << "</code>)</h1>\n"
        << html::reduced_profile_banner(data, info) << "<p>Everything is read from the results "
        << "files in <code>" << e(data.dir.string()) << "</code>; nothing here trains. "
        << html::counts_line(data) << "</p>\n"
        << html::environment_table(data, info) << "<h2 id=\"claims\">Every asserted metric</h2>\n"
        << html::verdict_rule() << html::claims_table(data, pages)
        << html::bench_section(data, figures, info)
        << html::problems_section(data.problems, figures) << foot << page_end();
    site.push_back({"run.html", out.str()});
  }
  return site;
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
