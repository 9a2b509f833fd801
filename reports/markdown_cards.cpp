// The grading cards in Markdown (markdown.h, grading_card.h): the same cards as the HTML page,
// for terminals and diffs.
#include "reports/markdown.h"

#include "reports/card_evidence.h"
#include "reports/grader_tally.h"
#include "reports/text_format.h"

#include <fmt/format.h>

#include <cmath>
#include <sstream>

namespace aerepro::reports {
namespace {

std::string card_cell(
    std::string_view text) {  // markdown.cpp has its own card_cell(): unity builds
  return markdown_cell(text);
}

// "**reproduced** (`id`)", with the claims' negative control beside it where recorded.
std::string claims_with_verdict(const std::vector<std::string>& ids, const std::string& verdict,
                                const std::vector<const ClaimData*>& claims = {}) {
  if (ids.empty()) return "";
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "`" : ", `") + id + "`";
  const std::string control = control_beside_verdict(claims);
  return "**" + card_cell(verdict) + "** (" + out + ")" +
         (control.empty() ? "" : "<br>" + card_cell(control));
}

// "<br>readings: pixels [0,1]: reproduced; …" (no claim id on a card) where the row's claims
// declare readings (its as-made verdict is then the verdict across them), else "".
std::string readings_text(const CardRow& row) {
  std::string out;
  for (const auto& across : row.readings) {
    for (const auto& r : across.readings) {
      out += (out.empty() ? "<br>readings: " : "; ") +
             card_cell(r.reading.empty() ? "as made" : r.reading) + ": " + card_cell(r.verdict);
    }
  }
  return out;
}

std::string printed_text(const CardRow& row) {
  std::string figure = row.entry.printed;
  if (figure.empty() && row.metric && !std::isnan(row.metric->source_figure))
    figure = format_number(row.metric->source_figure);
  std::string out = figure.empty() ? "—" : card_cell(figure);
  if (row.metric && row.metric_claim) {
    const auto it = row.metric_claim->positions.find(row.metric->metric);
    if (it != row.metric_claim->positions.end()) {
      const auto text = figure_position_text(figure, it->second);
      if (!text.empty()) out += "<br>" + card_cell(text);
    }
    if (!row.metric->source_caveat.empty())
      out += "<br>caveat: " + card_cell(row.metric->source_caveat);
  }
  return out;
}

std::string bias_text(const CardRow& row) {
  for (const auto* list : {&row.made, &row.corrected}) {
    for (const ClaimData* c : *list) {
      if (!c->summary.empty() && !c->summary.front().bias.empty())
        return card_cell(c->summary.front().bias);
    }
  }
  return "—";
}

}  // namespace

std::string cards_markdown(const Cards& cards) {
  std::ostringstream out;
  out << "## The reports, one card each\n\n"
         "Two questions per claim: does the statement hold for the method (reproduced, not "
         "reproduced, or inconclusive over the seeds, with 95 % confidence), and is the report's "
         "printed number what the method gives (inside or outside the seeds' 95 % prediction "
         "interval of one run)?\n";
  for (const auto& card : cards.cards) {
    out << "\n### " << card.report.key << " — " << card_cell(card.report.name) << "\n\n"
        << card_cell(grader_tally_line(grader_tally(card))) << ".\n";
    if (!card.from_inventory) {
      out << "\nNo inventory of this report: one row per claim whose source column names "
          << card.report.key << ".\n";
    }
    if (!card.rows.empty()) {
      out << "\n| statement | printed | ours: mean ± std (n) | as made | corrected | bias |\n"
             "|---|---|---|---|---|---|\n";
      for (const auto& row : card.rows) {
        const std::string where =
            card.from_inventory
                ? fmt::format(" ({}, {}:{})", row.entry.entry, card.report.file, row.entry.line)
                : "";
        out << "| “" << card_cell(row.entry.quote) << "”" << card_cell(where) << " | "
            << printed_text(row) << " | " << (row.metric ? card_cell(mean_std_n(*row.metric)) : "—")
            << " | " << claims_with_verdict(row.made_ids, row.verdict_made, row.made)
            << readings_text(row)
            << (row.beside_ids.empty()
                    ? std::string()
                    : " (brief's or harness's check, not the report's: " +
                          claims_with_verdict(row.beside_ids, row.verdict_beside, row.beside) + ")")
            << " | " << claims_with_verdict(row.corrected_ids, row.verdict_corrected, row.corrected)
            << " | " << bias_text(row) << " |\n";
      }
    }
    if (!card.not_checked.empty()) {
      out << "\nNot checked:\n\n";
      for (const auto& entry : card.not_checked) {
        out << "- “" << card_cell(entry.quote) << "” (" << entry.entry << ", " << card.report.file
            << ":" << entry.line << ") — "
            << (entry.note.empty() ? "no reason given" : card_cell(entry.note)) << "\n";
      }
    }
  }
  out << "\n## The harness's own checks and the brief's headline checks — not counted in any "
         "report's tally\n\n";
  if (cards.own.empty()) {
    out << "None: every claim of this profile checks a statement of a report.\n";
  } else {
    for (const ClaimData* c : cards.own) {
      const std::string control = control_beside_verdict({c});
      out << "- `" << c->id << "` **" << card_cell(c->verdict()) << "**"
          << (control.empty() ? "" : " (" + card_cell(control) + ")") << " — "
          << card_cell(c->sentence()) << " (" << card_cell(c->source()) << ")\n";
    }
  }
  return out.str();
}

}  // namespace aerepro::reports
