// A report's page (html_page_parts.h, grading_card.h): its card first — the tally, then one row
// per checked statement with its evidence (the deciding figure, the printed figure and ours in
// its unit, what the verdict tests, the verdicts, the control and the readings) — then the
// statements nothing checks, by reason, collapsed, then each checking claim's details, one
// click away. Everything on the card is generated from the claims' records (card_evidence.h).
#include "reports/card_evidence.h"
#include "reports/glossary.h"
#include "reports/grader_tally.h"
#include "reports/html_page_parts.h"
#include "reports/text_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <sstream>

namespace aerepro::reports::html {
namespace {

std::string lines_html(const std::vector<EvidenceLine>& lines, const char* css) {
  std::string out;
  for (const auto& l : lines) {
    out += fmt::format("<div class=\"{}{}\"><b>{}:</b> {}</div>", css,
                       l.position.empty() ? "" : " pos-" + l.position, e(l.label), e(l.text));
  }
  return out;
}

// The negative control beside a verdict (" · control (an untrained AE): 0.41 ± 0.02 (n = 5),
// fails"), a link to its definition; "" when the claims record none.
std::string control_html(const std::vector<const ClaimData*>& claims) {
  const std::string text = control_beside_verdict(claims);
  if (text.empty()) return "";
  return " <span class=\"range control-beside\">· " + term_link("control", text) + "</span>";
}

// The page a claim's details are on, "" when none holds them.
std::string page_of(const std::map<std::string, std::string>& pages, const std::string& id) {
  const auto it = pages.find(id);
  return it == pages.end() ? std::string() : it->second;
}

// "as made [reproduced] · corrected [not reproduced]", each with its control where recorded, or
// the interim state.
std::string verdicts_html(const CardRow& row, const RowEvidence& ev,
                          const std::map<std::string, std::string>& pages) {
  std::string out;
  const auto add = [&](const std::string& key, const char* label, const std::string& verdict,
                       const std::vector<std::string>& ids,
                       const std::vector<const ClaimData*>& claims) {
    if (ids.empty()) return;
    out += fmt::format("<div class=\"verdict-line\">{} {}{}</div>", term_link(key, label),
                       verdict_badge(verdict), control_html(claims));
  };
  if (!ev.interim.empty()) {
    const std::string says = row.verdict_made.empty() ? row.verdict_corrected : row.verdict_made;
    out += "<div class=\"verdict-line\">" + term_link("interim", "interim") + ": " + e(ev.interim) +
           " have run, so no verdict yet" +
           (says.empty() ? std::string() : " (the record says " + e(says) + " at this point)") +
           "</div>";
    return out;
  }
  add("as-made", "as made", row.verdict_made, row.made_ids, row.made);
  add("corrected", "corrected", row.verdict_corrected, row.corrected_ids, row.corrected);
  if (!row.beside_ids.empty()) {
    const std::string page = page_of(pages, row.beside_ids.front());
    out += "<div class=\"verdict-line\">" +
           term_link("brief", "the brief's or the harness's own check") + " " +
           verdict_badge(row.verdict_beside) + control_html(row.beside) +
           " <span class=\"range\">(counted on <a href=\"" +
           e(page.empty() ? std::string("checks.html") : page) + "\">its own page</a>, not " +
           "here)</span></div>";
  }
  return out;
}

std::string figure_cell(const RowEvidence& ev) {
  if (!ev.figure) return "<div class=\"deciding none\">No figure was drawn for this check.</div>";
  const Figure& f = *ev.figure;
  const int width = 480;
  const int height = width * f.height / std::max(1, f.width);
  return fmt::format(
      "<figure class=\"deciding\"><a href=\"{0}\" title=\"full size\"><img class=\"card-figure\" "
      "src=\"{0}\" width=\"{1}\" height=\"{2}\" alt=\"{3}\"></a><figcaption>{3} — {4}. "
      "Click for full size.</figcaption></figure>",
      e(f.file), width, height, e(f.title), e(f.note));
}

// Links to the details of the row's claims, on whichever page holds them (`pages`); a claim no
// page details (not in the results) is named, not linked.
std::string details_links(const CardRow& row, const std::map<std::string, std::string>& pages) {
  std::string out;
  const auto add = [&](const std::vector<std::string>& ids, const std::string& what) {
    for (size_t i = 0; i < ids.size(); ++i) {
      const std::string text = what + (ids.size() > 1 ? fmt::format(" {}", i + 1) : std::string());
      const std::string page = page_of(pages, ids[i]);
      out += (out.empty() ? "" : " · ") + (page.empty()
                                               ? e(text) + " (not in the results)"
                                               : fmt::format("<a href=\"{}#claim-{}\">{}</a>",
                                                             e(page), file_safe(ids[i]), e(text)));
    }
  };
  add(row.made_ids, "the check as made");
  add(row.corrected_ids, "the check corrected");
  std::vector<std::string> readings;
  for (const ClaimData* v : row.reading_variants) readings.push_back(v->id);
  add(readings, "the check's other reading");
  add(row.beside_ids, "the brief's or harness's check");
  return "<p class=\"more\">Every metric and seed: " + out + "</p>";
}

std::string row_html(const Card& card, const CardRow& row, const std::vector<Figure>& figures,
                     const std::map<std::string, std::string>& pages) {
  const RowEvidence ev = row_evidence(row, figures);
  bool interim = !ev.interim.empty();
  const Standing standing = standing_of(row, interim);
  std::string metrics;
  for (const auto& m : ev.metrics) metrics += (metrics.empty() ? "" : " ") + m;
  std::ostringstream out;
  out << fmt::format("<article class=\"row o-{}\" id=\"row-{}\" data-metrics=\"{}\">",
                     file_safe(standing_name(standing)), file_safe(row.entry.entry), e(metrics));
  out << "<div class=\"row-text\"><p class=\"quote\"><span class=\"standing\">"
      << e(standing_name(standing)) << "</span> <q>" << e(row.entry.quote) << "</q><br>"
      << "<span class=\"range\">"
      << e(card.from_inventory
               ? fmt::format("{} · line {} · {}", row.entry.entry, row.entry.line, row.entry.kind)
               : std::string("the claim's own sentence (no inventory)"))
      << "</span></p><dl class=\"evidence\">";
  if (!ev.printed.empty() || !row.entry.printed.empty()) {
    out << "<dt>printed in the report, and ours in its unit</dt><dd>"
        << (row.entry.printed.empty() ? "" : "<div>as printed: " + e(row.entry.printed) + "</div>")
        << lines_html(ev.printed, "card-note") << "</dd>";
  }
  if (!ev.tested.empty())
    out << "<dt>what the verdict tests</dt><dd>" << lines_html(ev.tested, "card-note") << "</dd>";
  out << "<dt>verdict</dt><dd>" << verdicts_html(row, ev, pages) << "</dd>";
  if (!ev.control.empty())
    out << "<dt>" << term_link("control", "negative control") << "</dt><dd>"
        << lines_html(ev.control, "card-note") << "</dd>";
  if (!ev.readings.empty())
    out << "<dt>" << term_link("reading", "readings") << "</dt><dd>"
        << lines_html(ev.readings, "card-note") << "</dd>";
  if (!ev.bias.empty())
    out << "<dt>" << term_link("bias", "bias") << " of our set-up</dt><dd>" << e(ev.bias)
        << "</dd>";
  out << "</dl>" << details_links(row, pages) << "</div>" << figure_cell(ev) << "</article>\n";
  return out.str();
}

std::string unchecked_html(const Card& card) {
  std::map<std::string, std::vector<const InventoryEntry*>> by_reason;
  for (const auto& entry : card.not_checked) {
    const std::string reason = !is_checkable(entry)
                                   ? (entry.kind == "procedure" ? "procedures (not counted)"
                                                                : "explanations (not counted)")
                                   : reason_category(entry);
    by_reason[reason].push_back(&entry);
  }
  if (by_reason.empty()) return "";
  std::ostringstream out;
  out << "<section class=\"unchecked\"><h3>Statements nothing checks, and the inventory's "
         "reasons</h3>\n";
  for (const auto& [reason, entries] : by_reason) {
    const bool counted = reason.find("(not counted)") == std::string::npos;
    out << "<details class=\"unchecked\"><summary>" << e(reason) << ": " << entries.size()
        << "</summary><ul>\n";
    for (const InventoryEntry* entry : entries) {
      out << fmt::format(
          "<li class=\"{}\"><q>{}</q> <span class=\"range\">{} · line {} · {}</span>"
          "<br><span class=\"range\">the inventory's reason: {}</span></li>\n",
          counted ? "unchecked-checkable" : "unchecked-other", e(entry->quote), e(entry->entry),
          entry->line, e(entry->kind), entry->note.empty() ? "none given" : e(entry->note));
    }
    out << "</ul></details>\n";
  }
  out << "</section>\n";
  return out.str();
}

}  // namespace

std::string tally_table(const std::vector<const Card*>& cards, bool link) {
  std::vector<GraderTally> tallies;
  for (const Card* c : cards) tallies.push_back(grader_tally(*c));
  std::vector<size_t> columns;
  for (size_t i = 0; i < kStandings; ++i) {
    for (const auto& t : tallies) {
      if (t.counts[i] > 0 || i == static_cast<size_t>(Standing::not_checked)) {
        columns.push_back(i);
        break;
      }
    }
  }
  std::ostringstream out;
  out << "<table class=\"tally\"><tr><th>report</th><th>checkable statements</th>";
  for (size_t i : columns) {
    const auto s = static_cast<Standing>(i);
    out << "<th>" << term_link(standing_term(s), standing_name(s)) << "</th>";
  }
  out << "<th>procedures and explanations (not counted)</th></tr>\n";
  for (size_t k = 0; k < cards.size(); ++k) {
    const Card& card = *cards[k];
    const std::string name = fmt::format("{} — {}", card.report.key, card.report.name);
    std::string page = card.report.key + ".html";
    std::transform(page.begin(), page.end(), page.begin(), ::tolower);
    out << "<tr data-total=\"" << tallies[k].checkable << "\"><td>"
        << (link ? "<a href=\"" + page + "\">" + e(name) + "</a>" : e(name))
        << "</td><td class=\"num total\">" << tallies[k].checkable << "</td>";
    for (size_t i : columns) out << "<td class=\"num part\">" << tallies[k].counts[i] << "</td>";
    out << "<td class=\"num\">" << tallies[k].procedures + tallies[k].explanations
        << "</td></tr>\n";
  }
  out << "</table>\n";
  return out.str();
}

namespace {

// A card's head: its tally and how to read its rows (on the first page of the card).
std::string card_head(const Card& card) {
  std::ostringstream out;
  out << tally_table({&card}, false);
  if (!card.report.file.empty())
    out << "<p class=\"range\">Lines are lines of the report's file " << e(card.report.file)
        << ". Each row: the statement, the report's printed figure and ours in its unit, what "
           "the verdict tests, the verdicts and the figure that decides it.</p>\n";
  if (!card.from_inventory) {
    out << "<p class=\"range\">No inventory of this report: one row per claim whose source "
           "names "
        << e(card.report.key) << ", its sentence standing for the report's words.</p>\n";
  }
  if (card.rows.empty()) out << "<p>No statement of this report is checked.</p>\n";
  return out.str();
}

}  // namespace

std::string card_html(const Card& card, const std::vector<Figure>& figures,
                      const std::map<std::string, std::string>& pages, PageRange part,
                      const std::string& pager) {
  part.end = std::min(part.end, card.rows.size());
  part.begin = std::min(part.begin, part.end);
  const bool first = part.begin == 0, last = part.end == card.rows.size();
  std::ostringstream out;
  out << fmt::format("<section class=\"card\" id=\"card-{}\">\n<h2>{} — {}</h2>\n", card.report.key,
                     e(card.report.key), e(card.report.name));
  if (first) out << card_head(card);
  out << pager;
  for (size_t i = part.begin; i < part.end; ++i)
    out << row_html(card, card.rows[i], figures, pages);
  // The statements nothing checks, with the inventory's own words for why: after the card (the
  // card shows only what the claims' records hold).
  out << "</section>\n" << (last ? unchecked_html(card) : "");
  return out.str();
}

}  // namespace aerepro::reports::html

namespace aerepro::reports::html {

std::string own_checks_section(const Cards& cards, const std::vector<Figure>& figures,
                               PageRange part, const std::string& pager) {
  part.end = std::min(part.end, cards.own.size());
  part.begin = std::min(part.begin, part.end);
  std::ostringstream out;
  out << "<h1 id=\"own-checks\">The brief's headline checks and the harness's own checks</h1>\n"
         "<p>These claims check no statement of a report: the "
      << term_link("brief", "brief's") << " headline checks and the harness's own. They are "
      << "counted here and in no report's tally.</p>\n";
  if (cards.own.empty()) {
    out << "<p>None: every claim of this profile checks a statement of a report.</p>\n";
    return out.str();
  }
  std::map<std::string, int> counts;
  for (const ClaimData* c : cards.own) ++counts[c->verdict()];
  std::string parts;
  for (const auto& [verdict, n] : counts)
    parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", n, verdict_badge(verdict));
  out << fmt::format("<p class=\"tally\">{} check{}: {}.</p>\n", cards.own.size(),
                     cards.own.size() == 1 ? "" : "s", parts);
  out << pager;
  for (size_t i = part.begin; i < part.end; ++i) {
    const ClaimData* c = cards.own[i];
    CardRow row;
    row.made_ids = {c->id};
    row.made = {c};
    row.verdict_made = c->verdict();
    row.entry.quote = c->sentence();
    const RowEvidence ev = row_evidence(row, figures);
    std::string metrics;
    for (const auto& m : ev.metrics) metrics += (metrics.empty() ? "" : " ") + m;
    out << "<article class=\"row\" data-metrics=\"" << e(metrics) << "\"><div class=\"row-text\">"
        << "<p class=\"quote\">" << e(c->sentence()) << "<br><span class=\"range\">"
        << e(c->source()) << "</span></p><dl class=\"evidence\">";
    if (!ev.printed.empty())
      out << "<dt>printed in the report, and ours</dt><dd>" << lines_html(ev.printed, "card-note")
          << "</dd>";
    if (!ev.tested.empty())
      out << "<dt>what the verdict tests</dt><dd>" << lines_html(ev.tested, "card-note") << "</dd>";
    out << "<dt>verdict</dt><dd>"
        << (ev.interim.empty() ? verdict_badge(c->verdict()) + control_html({c})
                               : term_link("interim", "interim") + ": " + e(ev.interim) +
                                     " have run, so no verdict yet")
        << "</dd>";
    if (!ev.control.empty())
      out << "<dt>" << term_link("control", "negative control") << "</dt><dd>"
          << lines_html(ev.control, "card-note") << "</dd>";
    out << "</dl><p class=\"more\"><a href=\"#claim-" << file_safe(c->id)
        << "\">every metric and seed</a></p></div>" << figure_cell(ev) << "</article>\n";
  }
  return out.str();
}

}  // namespace aerepro::reports::html
