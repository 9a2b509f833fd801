// The claims on the report's HTML page (html_page_parts.h): the counts line, the claims table
// (one row per asserted metric) and each claim's own section with every metric, seed and figure.
#include "reports/html_page_parts.h"

#include "reports/glossary.h"
#include "reports/text_format.h"

#include <fmt/format.h>

#include <cctype>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace aerepro::reports::html {
namespace {

// ✓ only on a metric that holds, ✗ on one that fails; nothing on an inconclusive one.
std::string met_mark(const results::SummaryRow& s) {
  if (s.metric_verdict == "holds") return " ✓";
  if (s.metric_verdict == "fails") return " ✗";
  return "";
}

// "mean ± std" over "[min, max], n = 3" (two short lines keep the column narrow).
std::string spread_html(const results::SummaryRow& s) {
  const std::string text = format_spread(s);
  const size_t cut = text.find(" [");
  if (cut == std::string::npos) return e(text);
  return e(text.substr(0, cut)) + "<br><span class=\"range\">" + e(text.substr(cut + 1)) +
         "</span>";
}

// The source's figure, where it lies against one run of the method (figure_position.h) and
// why it may not be comparable.
std::string source_figure_html(const ClaimData& c, const results::SummaryRow& s) {
  const std::string figure = format_number(s.source_figure);
  std::string out = "<span class=\"num\">" + e(figure) + "</span>";
  if (const auto it = c.positions.find(s.metric); it != c.positions.end()) {
    const auto text = figure_position_text(figure, it->second);
    if (!text.empty()) out += "<br><span class=\"position\">" + e(text) + "</span>";
  }
  if (!s.source_caveat.empty())
    out += "<br><span class=\"range\">caveat: " + e(s.source_caveat) + "</span>";
  return out;
}

// The profile's departures from the source, written once per claim: a short text in full, a
// long one collapsed behind its first words.
std::string departure_html(const ClaimData& c) {
  const std::string text = c.departure();
  const std::string bias =
      c.summary.empty() ? (c.record ? c.record->bias : std::string()) : c.summary.front().bias;
  const std::string label =
      "Departure in this profile" + (bias.empty() ? std::string() : " (bias: " + bias + ")");
  if (text.empty()) return "<p class=\"departure\"><b>" + e(label) + ":</b> none</p>\n";
  constexpr size_t kShort = 160;
  if (text.size() <= kShort) {
    return "<p class=\"departure\"><b>" + e(label) + ":</b> " + e(text) + "</p>\n";
  }
  size_t cut = text.rfind(' ', 120);
  if (cut == std::string::npos) cut = 120;
  return "<details class=\"departure\"><summary><b>" + e(label) + ":</b> " +
         e(text.substr(0, cut)) + " …</summary>" + e(text) + "</details>\n";
}

// Every metric of the claim: the summary over seeds (one row per metric), then each seed's
// value (<claim>.csv) in a table of its own with the seeds as rows and the metrics as columns,
// scrolled sideways inside its box when the metrics are many, so no column is squeezed.
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
  out << "<div class=\"wide\"><table class=\"metrics\"><tr><th>metric</th><th>printed in the "
         "report</th><th>ours: mean ± std [min, max], n</th><th>95% CI of the mean</th>"
         "<th>threshold</th><th>metric's verdict</th></tr>\n";
  const auto row = [&](const results::SummaryRow& s, const std::string& name) {
    const bool control = is_control_metric(s.metric);
    out << "<tr" << (control ? " class=\"control\"" : "") << "><td>" << name
        << "</td><td class=\"num\">" << e(control ? "—" : format_number(s.source_figure))
        << "</td><td class=\"num\">" << e(format_spread(s)) << "</td><td class=\"num\">"
        << (s.n > 1
                ? e(fmt::format("[{}, {}]", format_number(s.ci95_low), format_number(s.ci95_high)))
                : "—")
        << "</td><td class=\"num\">" << e(format_threshold(s)) << met_mark(s) << "</td><td>"
        << e(metric_verdict_text(s))
        << (control && !s.metric_verdict.empty() ? " (a control must not hold)" : "")
        << "</td></tr>\n";
  };
  // Each metric, its negative control (if recorded) right under it: not a metric of the claim.
  const std::string stands_in = c.control_stands_in();
  const std::string control_name = "↳ " + term_link("control", control_label(stands_in));
  for (const auto& s : c.own_metrics()) {
    row(s, "<code>" + id(s.metric) + "</code>");
    if (const auto* k = c.control_of(s.metric))
      row(*k, control_name + " <code>" + id(k->metric) + "</code>");
  }
  for (const auto& k : c.orphan_controls())
    row(k, control_name + " <code>" + id(k.metric) + "</code>");
  out << "</table></div>\n";
  if (!seeds.empty()) {
    const size_t own =
        metrics.size() - std::count_if(metrics.begin(), metrics.end(),
                                       [](const std::string& m) { return is_control_metric(m); });
    const size_t seed_controls = metrics.size() - own;
    out << "<details class=\"seeds\"><summary>each seed's value (" << seeds.size() << " seed"
        << (seeds.size() == 1 ? "" : "s") << " × " << own << " metric" << (own == 1 ? "" : "s")
        << (seed_controls > 0
                ? fmt::format(" and {} control{}", seed_controls, seed_controls == 1 ? "" : "s")
                : std::string())
        << ")</summary><div class=\"wide\"><table class=\"seeds\"><tr><th>seed</th>";
    for (const auto& m : metrics) out << "<th><code>" << id(m) << "</code></th>";
    out << "</tr>\n";
    for (auto seed : seeds) {
      out << "<tr><td class=\"num\">" << seed << "</td>";
      for (const auto& m : metrics) {
        auto it = values.find({m, seed});
        out << "<td class=\"num\">" << (it == values.end() ? "" : e(format_number(it->second)))
            << "</td>";
      }
      out << "</tr>\n";
    }
    out << "</table></div></details>\n";
  }
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
  // Printed figures against our intervals, per report, beside what chance alone would give.
  std::map<std::string, PositionTally> tallies;
  for (const auto& c : data.claims) {
    auto report = c.id.substr(0, c.id.find('.'));
    for (auto& ch : report) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    for (const auto& [metric, position] : c.positions) {
      int n = 0;
      for (const auto& s : c.summary) {
        if (s.metric == metric) n = s.n;
      }
      tally_position(tallies[report], position, n);
    }
  }
  std::string placed;
  for (const auto& [report, t] : tallies) {
    if (t.placed > 0) placed += (placed.empty() ? "" : "; ") + position_tally_text(report, t);
  }
  if (!placed.empty()) out += ". Printed figures outside our intervals: " + e(placed);
  if (stale > 0) {
    out += fmt::format(
        ". <span class=\"flag\">{} may be stale</span>: files that define them "
        "changed since the revision that ran them (see each claim)",
        stale);
  }
  return out + ".";
}

std::string verdict_rule() {
  return "<p>How a verdict is reached: for each asserted metric the one-sided "
         "97.5 % Student-t bound of the mean over seeds (an end of the mean's 95 % interval), in "
         "the claim's direction, or for a metric judged by the share of seeds the exact binomial "
         "test of that share against the declared one (0.5: the median), must clear the "
         "threshold at 2.5 % (<i>holds</i>); if even the opposite bound misses it the metric "
         "<i>fails</i>, "
         "otherwise it is <i>inconclusive</i>; a claim is reproduced when all its metrics hold, "
         "not reproduced when one fails after Holm's correction over the claim's asserted "
         "metrics, else inconclusive. A profile whose departures can favour the claim cannot "
         "call it reproduced, and one whose departures can only make it harder cannot call it "
         "not reproduced. Seed counts are declared before the seeds run (seed_plan.csv): a pilot, "
         "then a final sample of new seeds, each look at 2.5 % per side (at most 5 % in all); "
         "fewer seeds than declared are <i>interim</i>: values, no verdict. Where a claim has a "
         "<i>negative control</i> (the same procedure and thresholds where the statement must "
         "not hold), its values are shown beside the metric they control and are not metrics of "
         "the claim; a claim reproduced on its control too is <i>vacuous</i>: it shows nothing, "
         "and is never counted as reproduced.</p>\n";
}

std::string reduced_profile_banner(const ProfileData& data, const PageInfo& info) {
  if (data.profile == "full") return "";
  std::vector<std::string> differ;
  for (const auto& c : data.claims) {
    const auto it = info.full_verdicts.find(c.id);
    if (it != info.full_verdicts.end() && it->second != c.verdict()) differ.push_back(c.id);
  }
  std::string count =
      info.full_verdicts.empty()
          ? std::string("its verdicts may differ from full")
          : fmt::format("{} of its {} verdicts differ from the full profile's records{}",
                        differ.size(), data.claims.size(),
                        differ.empty() ? std::string() : " (" + join(differ) + ")");
  return fmt::format(
      "<p class=\"banner\"><b>{}: a reduced set-up</b> — smaller data, fewer epochs or seeds "
      "than the reports' own runs, stated per claim; {}. See the report of record: "
      "<code>aerepro report --results records --profile full</code>.</p>\n",
      e(data.profile), e(count));
}

std::string claims_table_intro() {
  return "<p>One row per asserted metric (the verdict rests on these); every metric, with each "
         "seed's value, and the profile's departures from the source are in the claim's own "
         "section.</p>\n";
}

std::string claims_table(const std::vector<const ClaimData*>& claims,
                         const std::map<std::string, std::string>& pages) {
  std::ostringstream out;
  out << "<table class=\"claims\"><colgroup><col class=\"c-claim\"><col class=\"c-metric\">"
         "<col class=\"c-source\"><col class=\"c-ours\"><col class=\"c-threshold\">"
         "<col class=\"c-verdict\"></colgroup>\n<tr><th>claim (SOURCES): sentence</th>"
         "<th>metric</th><th>source figure</th><th>reproduced: mean ± std [min, max], n seeds</th>"
         "<th>threshold and the metric's verdict</th><th>claim verdict; bias of the "
         "departures</th></tr>\n";
  for (const ClaimData* claim : claims) {
    const ClaimData& c = *claim;
    const auto page = pages.find(c.id);
    const std::string where = page == pages.end() ? std::string() : page->second;
    const auto rows = c.asserted();
    const size_t span = std::max<size_t>(rows.size(), 1);
    const std::string bias =
        c.summary.empty() ? (c.record ? c.record->bias : std::string()) : c.summary.front().bias;
    // A link to the claim's details where a page holds them (claim_pages()), else the text.
    const auto to_details = [&](const std::string& text) {
      return where.empty()
                 ? text
                 : fmt::format("<a href=\"{}#claim-{}\">{}</a>", e(where), file_safe(c.id), text);
    };
    const std::string claim_cells = fmt::format(
        "<td rowspan=\"{0}\">{1} <span class=\"range\">({2})</span><br><span "
        "class=\"sentence\">{3}</span></td>",
        span, to_details("<code>" + id(c.id) + "</code>"), e(c.source()), e(c.sentence()));
    const std::string tail_cells =
        fmt::format("<td rowspan=\"{0}\">{1}<br><span class=\"range\">bias: {2}{3}</span></td>",
                    span, verdict_badge(c.verdict()), bias.empty() ? "—" : e(bias),
                    where.empty() ? std::string() : " (" + to_details("departures") + ")");
    if (rows.empty()) {
      out << "<tr>" << claim_cells << "<td>—</td><td class=\"num\">—</td><td class=\"num\">—</td>"
          << "<td>—</td>" << tail_cells << "</tr>\n";
      continue;
    }
    const std::string stands_in = c.control_stands_in();
    for (size_t i = 0; i < rows.size(); ++i) {
      const auto& s = rows[i];
      const std::string verdict = metric_verdict_text(s);
      const auto* control = c.control_of(s.metric);
      out << "<tr>" << (i == 0 ? claim_cells : "") << "<td><code>" << id(s.metric) << "</code></td>"
          << "<td>" << source_figure_html(c, s) << "</td>"
          << "<td class=\"num\">" << spread_html(s) << "</td>"
          << "<td>" << e(format_threshold(s)) << met_mark(s)
          << (verdict.empty() ? "" : "<br><span class=\"range\">" + e(verdict) + "</span>")
          << (control ? "<br><span class=\"range control-beside\">" +
                            term_link("control", control_label(stands_in)) + ": " +
                            e(control_value_text(*control)) + "</span>"
                      : "")
          << "</td>" << (i == 0 ? tail_cells : "") << "</tr>\n";
    }
  }
  out << "</table>\n";
  return out.str();
}

std::string claim_section(const ProfileData& data, const ClaimData& c,
                          const std::vector<Figure>& figures, const PageInfo& info) {
  std::ostringstream out;
  out << fmt::format(
      "<details class=\"claim\" id=\"claim-{}\">\n<summary><b>{}</b> {} <span "
      "class=\"range\">— every metric, seed and figure</span></summary>\n",
      file_safe(c.id), e(c.id), verdict_badge(c.verdict()));
  out << "<p>" << e(c.sentence()) << " <i>(SOURCES " << e(c.source()) << ")</i></p>\n";
  out << departure_html(c);
  if (!c.summary.empty()) {
    const auto& s = c.summary.front();
    if (!s.verdict_note.empty()) out << "<p><b>Verdict:</b> " << e(s.verdict_note) << "</p>\n";
    out << "<p>";
    if (info.results_are_records) {
      out << "These rows are the record itself (<code>records/" << e(s.profile)
          << "/</code>): there is no other record to compare them with.";
    } else {
      out << "Against its record (records/" << e(s.profile) << "/): <b>" << e(s.record_status)
          << "</b>"
          << (s.record_status == "differs"
                  ? " — <span class=\"flag\">the run differs from its record.</span>"
                  : "");
    }
    out << " " << e(run_seconds_text(s.claim_seconds)) << "</p>\n";
    if (!s.record_note.empty() && !info.results_are_records)
      out << "<p><b>Record:</b> " << e(s.record_note) << "</p>\n";
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
  out << "</details>\n";
  return out.str();
}

}  // namespace aerepro::reports::html
