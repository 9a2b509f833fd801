// The claims on the report's HTML page (html_page_parts.h): the counts line, the claims table
// (one row per asserted metric) and each claim's own section with every metric, seed and figure.
#include "reports/html_page_parts.h"

#include "reports/text_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace aerepro::reports::html {
namespace {

std::string met_mark(const results::SummaryRow& s) {
  if (s.comparison.empty() || std::isnan(s.threshold)) return "";
  return s.met ? " ✓" : " ✗";
}

// "mean ± std" over "[min, max], n = 3" (two short lines keep the column narrow).
std::string spread_html(const results::SummaryRow& s) {
  const std::string text = format_spread(s);
  const size_t cut = text.find(" [");
  if (cut == std::string::npos) return e(text);
  return e(text.substr(0, cut)) + "<br><span class=\"range\">" + e(text.substr(cut + 1)) +
         "</span>";
}

// Every metric of the claim: the summary over seeds, then each seed's value (<claim>.csv).
std::string metrics_table(const ClaimData& c) {
  if (c.summary.empty() && c.rows.empty()) return "";
  std::vector<std::string> metrics;
  std::set<long long> seeds;
  std::map<std::pair<std::string, long long>, double> values;
  std::vector<std::string> notes;
  for (const auto& s : c.summary) metrics.push_back(s.metric);
  for (const auto& r : c.rows) {
    if (std::find(metrics.begin(), metrics.end(), r.metric) == metrics.end())
      metrics.push_back(r.metric);
    seeds.insert(r.seed);
    values[{r.metric, r.seed}] = r.value;
    const auto note = fmt::format("seed {}: {}", r.seed, r.note);
    if (!r.note.empty() && std::find(notes.begin(), notes.end(), note) == notes.end())
      notes.push_back(note);
  }
  std::ostringstream out;
  out << "<table class=\"metrics\"><tr><th>metric</th><th>source figure</th>"
         "<th>mean ± std [min, max], n</th><th>95% CI of the mean</th><th>threshold</th>";
  for (auto s : seeds) out << "<th>seed " << s << "</th>";
  out << "</tr>\n";
  for (const auto& m : metrics) {
    out << "<tr><td><code>" << id(m) << "</code></td>";
    const results::SummaryRow* row = nullptr;
    for (const auto& s : c.summary) {
      if (s.metric == m) row = &s;
    }
    if (row) {
      out << "<td class=\"num\">" << e(format_number(row->source_figure))
          << "</td><td class=\"num\">" << e(format_spread(*row)) << "</td><td class=\"num\">"
          << (row->n > 1 ? e(fmt::format("[{}, {}]", format_number(row->ci95_low),
                                         format_number(row->ci95_high)))
                         : "—")
          << "</td><td class=\"num\">" << e(format_threshold(*row)) << met_mark(*row) << "</td>";
    } else {
      out << "<td></td><td></td><td></td><td></td>";
    }
    for (auto s : seeds) {
      auto it = values.find({m, s});
      out << "<td class=\"num\">" << (it == values.end() ? "" : e(format_number(it->second)))
          << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</table>\n";
  for (const auto& n : notes) out << "<p class=\"error\">" << e(n) << "</p>\n";
  return out.str();
}

}  // namespace

std::string counts_line(const ProfileData& data) {
  std::map<std::string, int> counts;
  int differs = 0, stale = 0;
  for (const auto& c : data.claims) {
    ++counts[c.verdict()];
    if (!c.summary.empty() && c.summary.front().record_status == "differs") ++differs;
    if (c.staleness.stale()) ++stale;
  }
  std::string out = fmt::format("{} claims:", data.claims.size());
  bool first = true;
  for (const auto& [verdict, n] : counts) {
    out += fmt::format("{} {} {}", first ? "" : ",", n, verdict_badge(verdict));
    first = false;
  }
  if (differs > 0) out += fmt::format(". {} differ from their record", differs);
  if (stale > 0) {
    out += fmt::format(
        ". <span class=\"flag\">{} may be stale</span>: files that define them "
        "changed since the revision that ran them (see each claim)",
        stale);
  }
  return "<p>" + out +
         ".</p>\n<p>How a verdict is reached: for each asserted metric the one-sided "
         "95 % Student-t bound of the mean over seeds, in the claim's direction, must clear the "
         "threshold (<i>holds</i>); if even the opposite bound misses it the metric <i>fails</i>, "
         "otherwise it is <i>inconclusive</i>; a claim is reproduced when all its metrics hold, "
         "not "
         "reproduced when one fails, else inconclusive (and a profile whose departures favour the "
         "claim cannot call it reproduced).</p>\n";
}

std::string claims_table(const ProfileData& data) {
  std::ostringstream out;
  out << "<p>One row per asserted metric (the verdict rests on these); every metric, with each "
         "seed's value, is in the claim's own section.</p>\n"
         "<table class=\"claims\">\n<tr><th>claim</th><th>SOURCES</th><th>sentence</th>"
         "<th>metric</th><th>source figure</th><th>reproduced: mean ± std [min, max], n seeds</th>"
         "<th>threshold</th><th>verdict</th><th>departure in this profile</th></tr>\n";
  for (const auto& c : data.claims) {
    const auto rows = c.asserted();
    const size_t span = std::max<size_t>(rows.size(), 1);
    const std::string claim_cells = fmt::format(
        "<td rowspan=\"{0}\"><a href=\"#claim-{1}\"><code>{2}</code></a></td>"
        "<td rowspan=\"{0}\">{3}</td><td rowspan=\"{0}\" class=\"sentence\">{4}</td>",
        span, file_safe(c.id), id(c.id), e(c.source()), e(c.sentence()));
    const std::string tail_cells = fmt::format(
        "<td rowspan=\"{0}\">{1}</td><td rowspan=\"{0}\" class=\"departure\">{2}</td>", span,
        verdict_badge(c.verdict()), c.departure().empty() ? "none" : e(c.departure()));
    if (rows.empty()) {
      out << "<tr>" << claim_cells << "<td>—</td><td class=\"num\">—</td><td class=\"num\">—</td>"
          << "<td>—</td>" << tail_cells << "</tr>\n";
      continue;
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      const auto& s = rows[i];
      out << "<tr>" << (i == 0 ? claim_cells : "") << "<td><code>" << id(s.metric) << "</code></td>"
          << "<td class=\"num\">" << e(format_number(s.source_figure)) << "</td>"
          << "<td class=\"num\">" << spread_html(s) << "</td>"
          << "<td class=\"num\">" << e(format_threshold(s)) << met_mark(s)
          << (s.metric_verdict.empty()
                  ? ""
                  : "<br><span class=\"range\">" + e(s.metric_verdict) +
                        (std::isnan(s.bound) ? std::string()
                                             : ", bound " + e(format_number(s.bound))) +
                        fmt::format(", {}/{} seeds", s.seeds_met, s.n) +
                        (s.seeds_to_settle > 0
                             ? fmt::format(", ~{} seeds to settle", s.seeds_to_settle)
                             : "") +
                        "</span>")
          << "</td>" << (i == 0 ? tail_cells : "") << "</tr>\n";
    }
  }
  out << "</table>\n";
  return out.str();
}

std::string claim_section(const ProfileData& data, const ClaimData& c,
                          const std::vector<Figure>& figures) {
  std::ostringstream out;
  out << fmt::format("<section id=\"claim-{}\">\n<h3><code>{}</code> {}</h3>\n", file_safe(c.id),
                     e(c.id), verdict_badge(c.verdict()));
  out << "<p>" << e(c.sentence()) << " <i>(SOURCES " << e(c.source()) << ")</i></p>\n";
  out << "<p class=\"departure\"><b>Departure in this profile:</b> "
      << (c.departure().empty() ? "none" : e(c.departure())) << "</p>\n";
  if (!c.summary.empty()) {
    const auto& s = c.summary.front();
    if (!s.verdict_note.empty()) out << "<p><b>Verdict:</b> " << e(s.verdict_note) << "</p>\n";
    out << "<p>Against its record (records/" << e(s.profile) << "/): <b>" << e(s.record_status)
        << "</b>"
        << (s.record_status == "differs"
                ? " — <span class=\"flag\">the run differs from its record.</span>"
                : "")
        << fmt::format(" The claim took {} s.", format_number(s.claim_seconds)) << "</p>\n";
    if (!s.record_note.empty()) out << "<p><b>Record:</b> " << e(s.record_note) << "</p>\n";
    out << "<p" << (c.staleness.stale() ? " class=\"flag\"" : "") << "><b>Revision "
        << e(s.git_revision) << ":</b> " << e(c.staleness.describe()) << "</p>\n";
    if (!s.error.empty()) out << "<p class=\"error\"><b>Error:</b> " << e(s.error) << "</p>\n";
  } else if (c.record && !c.record->assertions.empty()) {
    out << "<p><b>Asserts:</b> " << e(c.record->assertions) << "</p>\n";
  }
  if (c.summary.empty()) {
    out << "<p class=\"not-run\">"
        << (c.summary_unreadable ? "Its summary file is unreadable (see Problems)."
                                 : "Not run in this profile: no summary file.")
        << "</p>\n";
  }
  out << metrics_table(c);
  for (const auto& p : data.problems) {
    const auto name = p.file.filename().string();
    if (name.rfind(c.id + ".", 0) == 0) {
      out << "<p class=\"error\">Unreadable: " << e(p.message) << "</p>\n";
    }
  }
  for (const auto& f : figures) {
    if (f.claim == c.id) out << figure_html(f);
  }
  out << "</section>\n";
  return out.str();
}

}  // namespace aerepro::reports::html
