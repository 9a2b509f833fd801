// The grading cards on the report's HTML page (html_page_parts.h, grading_card.h): one card per
// source report, then the claims that are on no card.
#include "reports/html_page_parts.h"

#include "reports/text_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

namespace aerepro::reports::html {
namespace {

std::string claim_link(const std::string& claim) {
  return fmt::format("<a href=\"#claim-{}\"><code>{}</code></a>", file_safe(claim), id(claim));
}

// "0.6978 ± 0.03766 (n = 5)" with the metric's name below it.
std::string ours(const CardRow& row) {
  if (!row.metric) return "—";
  return e(mean_std_n(*row.metric)) + "<br><span class=\"range\">" + id(row.metric->metric) +
         "</span>";
}

// The verdicts as made and corrected, in one cell.
std::string verdicts(const CardRow& row) {
  std::string out;
  const auto add = [&out](const char* label, const std::vector<std::string>& ids,
                          const std::string& verdict) {
    if (ids.empty()) return;
    std::string links;
    for (const auto& claim : ids) links += (links.empty() ? "" : " ") + claim_link(claim);
    out += fmt::format("<div class=\"verdict-line\">{} {}<br><span class=\"range\">{}</span></div>",
                       label, verdict_badge(verdict), links);
  };
  add("as made", row.made_ids, row.verdict_made);
  add("corrected", row.corrected_ids, row.verdict_corrected);
  add("brief's or harness's check, not the report's", row.beside_ids, row.verdict_beside);
  return out;
}

// The report's printed figure, where it lies against one run, and the source's caveat.
std::string printed(const CardRow& row) {
  std::string figure = row.entry.printed;
  if (figure.empty() && row.metric) {
    figure = std::isnan(row.metric->source_figure) ? "" : format_number(row.metric->source_figure);
  }
  std::string out = figure.empty() ? "—" : e(figure);
  if (row.metric && row.metric_claim) {
    const auto it = row.metric_claim->positions.find(row.metric->metric);
    if (it != row.metric_claim->positions.end()) {
      const auto text = figure_position_text(figure, it->second);
      if (!text.empty()) out += "<br><span class=\"position\">" + e(text) + "</span>";
    }
    if (!row.metric->source_caveat.empty()) {
      out += "<br><span class=\"range\">caveat: " + e(row.metric->source_caveat) + "</span>";
    }
  }
  return out;
}

std::string statement(const Card& card, const CardRow& row) {
  std::string where = card.from_inventory
                          ? fmt::format("{} · {}:{} · {}", row.entry.entry, card.report.file,
                                        row.entry.line, row.entry.kind)
                          : "the claim's sentence (no inventory)";
  std::string out =
      "<q>" + e(row.entry.quote) + "</q><br><span class=\"range\">" + e(where) + "</span>";
  if (!row.entry.note.empty()) {
    out += "<details><summary>our reading</summary>" + e(row.entry.note) + "</details>";
  }
  return out;
}

std::string bias(const CardRow& row) {
  for (const auto* list : {&row.made, &row.corrected}) {
    for (const ClaimData* c : *list) {
      if (!c->summary.empty() && !c->summary.front().bias.empty())
        return e(c->summary.front().bias);
    }
  }
  return "—";
}

// A thumbnail of the first drawn figure of the claim that checks the row, linking to the full
// figure; "" when none was drawn.
std::string thumbnail(const CardRow& row, const std::vector<Figure>& figures) {
  std::vector<std::string> ids = row.made_ids;
  ids.insert(ids.end(), row.corrected_ids.begin(), row.corrected_ids.end());
  ids.insert(ids.end(), row.beside_ids.begin(), row.beside_ids.end());
  for (const auto& id : ids) {
    for (const auto& f : figures) {
      if (f.claim != id || !f.rendered) continue;
      return fmt::format(
          "<br><a href=\"{0}\" title=\"{1}\"><img class=\"thumb\" src=\"{0}\" alt=\"{1}\" "
          "width=\"{2}\" height=\"{3}\"></a>",
          e(f.file), e(f.title), 160, 160 * f.height / std::max(1, f.width));
    }
  }
  return "";
}

std::string card_html(const Card& card, const std::vector<Figure>& figures) {
  std::ostringstream out;
  out << fmt::format("<section class=\"card\" id=\"card-{}\">\n<h3>{} — {}</h3>\n", card.report.key,
                     e(card.report.key), e(card.report.name));
  out << "<p class=\"tally\">" << e(tally_line(card.tally)) << ".</p>\n";
  if (!card.from_inventory) {
    out << "<p class=\"range\">No inventory of this report: one row per claim whose source "
           "column names "
        << e(card.report.key) << ", its sentence standing for the report's words.</p>\n";
  }
  if (!card.rows.empty()) {
    out << "<table class=\"card\"><colgroup><col class=\"c-statement\"><col class=\"c-printed\">"
           "<col class=\"c-ours\"><col class=\"c-verdict\"><col class=\"c-bias\"></colgroup>\n"
           "<tr><th>statement (report file:line)</th><th>printed in the report</th>"
           "<th>ours: mean ± std (n)</th><th>verdict</th><th>bias of our set-up</th></tr>\n";
    for (const auto& row : card.rows) {
      out << "<tr class=\"o-" << file_safe(outcome_name(row.outcome)) << "\"><td>"
          << statement(card, row) << "</td><td>" << printed(row) << "</td><td class=\"num\">"
          << ours(row) << thumbnail(row, figures) << "</td><td>" << verdicts(row) << "</td><td>"
          << bias(row) << "</td></tr>\n";
    }
    out << "</table>\n";
  }
  if (!card.not_checked.empty()) {
    out << "<p><b>Not checked</b> (" << card.not_checked.size()
        << "):</p>\n<ul class=\"unchecked\">\n";
    for (const auto& entry : card.not_checked) {
      out << fmt::format("<li><q>{}</q> <span class=\"range\">{} · {}:{} · {}</span> — {}</li>\n",
                         e(entry.quote), e(entry.entry), e(card.report.file), entry.line,
                         e(entry.kind), entry.note.empty() ? "no reason given" : e(entry.note));
    }
    out << "</ul>\n";
  }
  out << "</section>\n";
  return out.str();
}

// One line per report: its name and tally, linked to its card.
std::string glance(const Cards& cards) {
  std::ostringstream out;
  out << "<table class=\"glance\"><tr><th>report</th><th>claims made</th><th>reproduced as "
         "made</th><th>survive correction</th><th>not reproduced</th><th>undecided</th>"
         "<th>not checked</th></tr>\n";
  for (const auto& card : cards.cards) {
    const auto& t = card.tally;
    out << fmt::format(
        "<tr><td><a href=\"#card-{0}\">{0} — {1}</a></td><td class=\"num\">{2}</td>"
        "<td class=\"num\">{3}</td><td class=\"num\">{4}</td><td class=\"num\">{5}</td>"
        "<td class=\"num\">{6}</td><td class=\"num\">{7}</td></tr>\n",
        e(card.report.key), e(card.report.name), t.made, t.reproduced, t.survive, t.not_reproduced,
        t.undecided, t.not_checked);
  }
  out << fmt::format(
      "<tr><td><a href=\"#own-checks\">the harness's own and the brief's headline checks</a></td>"
      "<td class=\"num\" colspan=\"6\">{} claim{}, in no report's tally</td></tr>\n</table>\n",
      cards.own.size(), cards.own.size() == 1 ? "" : "s");
  return out.str();
}

}  // namespace

std::string cards_section(const Cards& cards, const std::vector<Figure>& figures) {
  std::ostringstream out;
  out << "<h2 id=\"cards\">The reports, one card each</h2>\n"
         "<p>Two questions per claim. <b>Does the statement hold for the method?</b> — "
         "<i>reproduced</i>, <i>not reproduced</i>, or <i>inconclusive</i> over the seeds, with "
         "95 % confidence. <b>Is the report's printed number what the method gives?</b> — inside "
         "or outside the seeds' 95 % prediction interval of one run. <i>As made</i> is the "
         "claim as the report made it; <i>corrected</i> fixes a design slip of the report.</p>\n"
      << glance(cards);
  for (const auto& card : cards.cards) out << card_html(card, figures);
  out << "<h2 id=\"own-checks\">The harness's own checks and the brief's headline checks — not "
         "counted in any report's tally</h2>\n";
  if (cards.own.empty()) {
    out << "<p>None: every claim of this profile checks a statement of a report.</p>\n";
    return out.str();
  }
  out << "<table class=\"card\"><colgroup><col class=\"c-statement\"><col class=\"c-ours\">"
         "<col class=\"c-verdict\"></colgroup>\n<tr><th>claim</th><th>ours: mean ± std (n)</th>"
         "<th>verdict</th></tr>\n";
  for (const ClaimData* c : cards.own) {
    CardRow row;
    row.entry.checked_by = {c->id};
    row.made_ids = {c->id};
    row.made = {c};
    row.verdict_made = c->verdict();
    const auto asserted = c->asserted();
    if (!asserted.empty()) {
      for (const auto& s : c->summary) {
        if (s.metric == asserted.front().metric && !row.metric) row.metric = &s;
      }
    }
    out << "<tr><td>" << claim_link(c->id) << "<br>" << e(c->sentence())
        << " <span class=\"range\">(" << e(c->source()) << ")</span></td><td class=\"num\">"
        << ours(row) << "</td><td>" << verdict_badge(c->verdict()) << "</td></tr>\n";
  }
  out << "</table>\n";
  return out.str();
}

}  // namespace aerepro::reports::html
