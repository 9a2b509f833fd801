// The evidence one row of a report's card carries (grading_card.h), generated from the checking
// claims' records and nothing else: the figure that decides it, ours in the printed figure's own
// quantity and unit beside the printed figure, what the verdict tests (when that is another,
// derived metric), the control's values and the readings where the record has them, and
// whether the claim has fewer seeds than declared (interim). The inventory's notes are not
// shown: stale_inventory_notes() checks them against the claims instead.
#pragma once
#include "reports/gnuplot_figures.h"
#include "reports/grading_card.h"

#include <string>
#include <vector>

namespace aerepro::reports {

// One line of evidence: a label in words and its text (HTML-free; the writer escapes it).
struct EvidenceLine {
  std::string label;
  std::string text;
  std::string position;  // "inside" | "above" | "below" | "" where a printed figure is placed
};

struct RowEvidence {
  const Figure* figure = nullptr;     // the figure that decides the row (null: none drawn)
  std::vector<EvidenceLine> printed;  // ours in the printed figure's quantity and unit
  std::vector<EvidenceLine> tested;   // the asserted metrics the verdict rests on
  // The negative control of each asserted metric ("control.<metric>" rows), then the record's
  // optional control columns (empty: not in the record).
  std::vector<EvidenceLine> control;
  std::vector<EvidenceLine> readings;  // the readings' values (empty: not in the record)
  std::string interim;                 // "1 of 5 declared seeds" when fewer ran; else ""
  std::string bias;                    // the as-made claim's bias, "" when none recorded
  std::vector<std::string> metrics;    // every metric identifier of the row's claims
};

RowEvidence row_evidence(const CardRow& row, const std::vector<Figure>& figures);

// A metric identifier in words: "cnn_minus_ae_classifier_accuracy" → "CNN minus AE classifier
// accuracy".
std::string metric_words(const std::string& metric);

// `value` as the printed figure shows it: "98.02 %" when `printed` is a percentage and the
// value a fraction, else the number.
std::string in_printed_unit(double value, const std::string& printed);

// The claims that check `row` (as made, corrected, then the brief's or harness's), in order.
std::vector<const ClaimData*> row_claims(const CardRow& row);

// The negative control beside a verdict: "control (an untrained AE): 0.41 ± 0.02 (n = 5),
// fails" for one controlled metric, each asserted metric's (in words) after the label for
// several; "" when the claims record no control ("control.<metric>" rows, report_data.h).
std::string control_beside_verdict(const std::vector<const ClaimData*>& claims);

// "interim: k of N declared seeds" facts: fewer seeds than declared, else "".
std::string interim_text(const ClaimData& claim);

// One problem per inventory note that names, as an identifier (snake_case), a metric or claim
// that none of its checking claims has: the note describes code that has changed. Entries whose
// claims did not run are skipped. Naming another claim of `data` is allowed.
std::vector<Problem> stale_inventory_notes(const Cards& cards, const ProfileData& data);

}  // namespace aerepro::reports
