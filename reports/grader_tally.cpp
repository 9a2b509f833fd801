#include "reports/grader_tally.h"

#include "reports/card_evidence.h"

#include <fmt/format.h>

#include <algorithm>

namespace aerepro::reports {
namespace {

bool is_verdict(const std::string& verdict, const char* what) {
  return verdict == what;
}

// Where the printed figure of a row lies, from its first placed metric.
std::string printed_position(const CardRow& row) {
  for (const ClaimData* c : row_claims(row)) {
    for (const auto& s : c->summary) {
      if (std::isnan(s.source_figure) || is_control_metric(s.metric)) continue;
      const auto it = c->positions.find(s.metric);
      if (it != c->positions.end() && !it->second.position.empty()) return it->second.position;
    }
  }
  return "";
}

}  // namespace

std::string standing_name(Standing s) {
  switch (s) {
    case Standing::holds:
      return "holds";
    case Standing::holds_only_as_made:
      return "holds only as made";
    case Standing::holds_once_corrected:
      return "holds once corrected";
    case Standing::not_reproduced:
      return "not reproduced";
    case Standing::depends_on_the_reading:
      return "depends on the reading";
    case Standing::vacuous:
      return "vacuous";
    case Standing::inconclusive:
      return "inconclusive";
    case Standing::interim:
      return "interim";
    case Standing::printed_inside:
      return "printed figure inside";
    case Standing::printed_outside:
      return "printed figure outside";
    case Standing::not_checked:
      return "not checked";
  }
  return "";
}

std::string standing_term(Standing s) {
  switch (s) {
    case Standing::holds:
      return "as-made";
    case Standing::holds_only_as_made:
      return "corrected";
    case Standing::holds_once_corrected:
      return "corrected";
    case Standing::depends_on_the_reading:
      return "reading";
    case Standing::vacuous:
      return "vacuous";
    case Standing::interim:
      return "interim";
    case Standing::printed_inside:
    case Standing::printed_outside:
      return "prediction-interval";
    default:
      return "";
  }
}

bool is_checkable(const InventoryEntry& e) {
  return !e.checked_by.empty() || is_measurable_kind(e.kind);
}

Standing standing_of(const CardRow& row, bool interim) {
  if (row.made_ids.empty() && row.corrected_ids.empty()) {
    const std::string p = printed_position(row);
    if (p == "inside") return Standing::printed_inside;
    if (p == "above" || p == "below") return Standing::printed_outside;
    return Standing::not_checked;
  }
  const std::string& made = row.made_ids.empty() ? row.verdict_corrected : row.verdict_made;
  if (interim || is_verdict(made, "interim")) return Standing::interim;
  if (is_verdict(made, "vacuous")) return Standing::vacuous;
  if (is_verdict(made, "depends on the reading")) return Standing::depends_on_the_reading;
  if (made == "reproduced") {
    if (row.corrected_ids.empty() || row.made_ids.empty() || row.verdict_corrected == "reproduced")
      return Standing::holds;
    return Standing::holds_only_as_made;
  }
  if (row.verdict_corrected == "reproduced") return Standing::holds_once_corrected;
  if (made == "not reproduced") return Standing::not_reproduced;
  return Standing::inconclusive;
}

std::string reason_category(const InventoryEntry& e) {
  if (!e.checked_by.empty()) return "only the brief's or the harness's checks";
  const UncheckedReason* reason = find_unchecked_reason(e.reason);
  return reason ? reason->label : "no reason given";
}

GraderTally grader_tally(const Card& card) {
  GraderTally t;
  for (const auto& row : card.rows) {
    bool interim = false;
    for (const ClaimData* c : row.made) interim |= !interim_text(*c).empty();
    const Standing s = standing_of(row, interim);
    ++t.counts[static_cast<size_t>(s)];
    ++t.checkable;
    if (s == Standing::not_checked) ++t.not_checked_by_reason[reason_category(row.entry)];
  }
  for (const auto& entry : card.not_checked) {
    if (!is_checkable(entry)) {
      (entry.kind == "procedure" ? t.procedures : t.explanations) += 1;
      continue;
    }
    ++t.counts[static_cast<size_t>(Standing::not_checked)];
    ++t.checkable;
    ++t.not_checked_by_reason[reason_category(entry)];
  }
  return t;
}

std::string grader_tally_line(const GraderTally& t) {
  std::string out =
      fmt::format("{} checkable statement{}", t.checkable, t.checkable == 1 ? "" : "s");
  std::string parts;
  for (size_t i = 0; i < kStandings; ++i) {
    if (t.counts[i] == 0) continue;
    parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", t.counts[i],
                         standing_name(static_cast<Standing>(i)));
  }
  if (!parts.empty()) out += ": " + parts;
  return out + fmt::format("; besides, {} procedure{} and {} explanation{} (not counted)",
                           t.procedures, t.procedures == 1 ? "" : "s", t.explanations,
                           t.explanations == 1 ? "" : "s");
}

}  // namespace aerepro::reports
