// A report's tally in a grader's unit (grading_card.h): each checkable statement of the report
// (a number, comparison, visual judgement or curve, or any statement a claim checks) counted
// once, in exactly one standing, so the standings add up to the statements; the procedures and
// explanations are counted apart. A statement only the brief's or the harness's own checks
// answer counts by where its printed figure lies (their verdicts are counted on their own page,
// nowhere else).
#pragma once
#include "reports/grading_card.h"

#include <array>
#include <map>
#include <string>

namespace aerepro::reports {

enum class Standing {
  holds,                   // reproduced as made, and corrected where a correction runs
  holds_only_as_made,      // reproduced as made, not once the report's slip is corrected
  holds_once_corrected,    // not as made, but its corrected variant is reproduced
  not_reproduced,          //
  depends_on_the_reading,  // the readings of an ambiguous report disagree
  vacuous,                 // holds on its negative control too: shows nothing (never holds)
  inconclusive,            // inconclusive, not run, or an error
  interim,                 // fewer seeds than declared: no verdict yet
  printed_inside,          // no verdict of the report's own; its printed figure is inside ours
  printed_outside,         // … outside (above or below) our prediction interval
  not_checked,             // nothing checks it (reason_category says why)
};
inline constexpr size_t kStandings = 11;

// "holds", "holds only as made", …; the column heading of the tally.
std::string standing_name(Standing standing);
// The glossary term the heading links to ("" when none).
std::string standing_term(Standing standing);

struct GraderTally {
  int checkable = 0;  // = the sum of `counts`
  std::array<int, kStandings> counts{};
  std::map<std::string, int> not_checked_by_reason;  // reason category → count
  int procedures = 0, explanations = 0;              // not counted above

  int count(Standing s) const { return counts[static_cast<size_t>(s)]; }
};

// The standing of a checked row (interim when `interim` says fewer seeds than declared ran).
Standing standing_of(const CardRow& row, bool interim);

// The reason a statement nothing checks is not checked: the label of its inventory `reason`
// (unchecked_reasons(), inventory.h), "no reason given" when it has none, and "only the brief's
// or the harness's checks" for a statement only those check.
std::string reason_category(const InventoryEntry& entry);

// Whether an entry is a checkable statement (number, comparison, visual, curve) — or is checked.
bool is_checkable(const InventoryEntry& entry);

GraderTally grader_tally(const Card& card);

// "12 checkable statements: 5 hold, …" (only the non-zero standings), then the not-counted.
std::string grader_tally_line(const GraderTally& tally);

}  // namespace aerepro::reports
