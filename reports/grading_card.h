// The grading cards: the first screen of the report of record. One card per source report
// (S0 … S4, with its name): a one-line tally, then one row per statement of its inventory with
// the claim that checks it (as made, and its `_corrected` variant), then the statements nothing
// checks, with the reason. Claims named by no inventory entry (the harness's own and the
// brief's headline checks) are kept apart and counted in no report's tally. Without an
// inventory, the claims are grouped by their `source` column (S0 … S4) instead. A model only:
// the HTML and Markdown writers render it.
#pragma once
#include "reports/inventory.h"
#include "reports/report_data.h"
#include "results/readings.h"

#include <string>
#include <vector>

namespace aerepro::reports {

// What a statement of a report came to.
enum class Outcome {
  reproduced_as_made,   // the claim as the report made it is reproduced
  survives_correction,  // not as made, but its corrected variant is reproduced
  not_reproduced,       // as made not reproduced, and no corrected variant rescues it
  vacuous,              // holds, but on its negative control too: shows nothing (never
                        // counted as reproduced)
  undecided,            // inconclusive, not run, or an error
  not_checked,          // nothing in the harness checks it
  beside,               // checked only by the brief's headline checks or the harness's own:
                        // shown, and counted in no verdict of the report's tally
};
std::string outcome_name(Outcome outcome);  // "reproduced as made", …

// One statement and the claims that check it (pointers into the ProfileData the cards were
// built from: they live as long as it does).
struct CardRow {
  InventoryEntry entry;  // without an inventory: the claim itself (entry = its id, quote = its
                         // sentence, line 0)
  std::vector<std::string> made_ids, corrected_ids;  // claims of origin `report` only
  // The brief's or the harness's claims the entry names (index.csv's origin): shown beside the
  // row's verdicts, never counted for or against the report.
  std::vector<std::string> beside_ids;
  std::string verdict_beside;
  std::vector<const ClaimData*> made, corrected;  // those that are in the results
  std::vector<const ClaimData*> beside;           // the beside_ids that are in the results
  std::string verdict_made, verdict_corrected;    // combined over the ids; "" when none named
  // Where an as-made claim declares plausible readings (index.csv's reading_of names it): its
  // own verdict and its variants', and the verdict across them (results/readings.h), which is
  // what verdict_made combines for it. Its variants are no part of made_ids.
  std::vector<results::AcrossReadings> readings;
  std::vector<const ClaimData*> reading_variants;  // the variants that are in the results
  Outcome outcome = Outcome::not_checked;
  // The checking claim's first asserted metric (the first as-made claim that ran), else null.
  const results::SummaryRow* metric = nullptr;
  const ClaimData* metric_claim = nullptr;
};

struct Tally {
  int made = 0, reproduced = 0, survive = 0, not_reproduced = 0, undecided = 0, not_checked = 0;
  int reproduced_only_as_made = 0;  // of `reproduced`: the corrected variant is not reproduced
  int beside = 0;                   // checked only by the brief's or the harness's checks
  int vacuous = 0;  // holds on its negative control too: shows nothing (not reproduced)
};

struct Card {
  SourceReport report;
  bool from_inventory = false;  // false: grouped by the claims' source column
  std::vector<CardRow> rows;    // checked statements, in the report's order
  std::vector<InventoryEntry> not_checked;
  Tally tally;
};

struct Cards {
  std::vector<Card> cards;            // S0 … S4
  std::vector<const ClaimData*> own;  // claims on no card, and every brief's or harness's claim
  bool inventory_found = false;
};

// "not reproduced" when any verdict is, "reproduced" when all are, else the first other one
// ("vacuous", "inconclusive", "not run", …: a vacuous claim never combines to reproduced); ""
// for no verdicts.
std::string combined_verdict(const std::vector<std::string>& verdicts);

Cards grading_cards(const ProfileData& data, const Inventory& inventory);

// "7 claims made: 3 reproduced as made, 1 survives correction, 1 not reproduced, 1 undecided,
// 1 not checked"; "…, 1 vacuous (holds on its control too: shows nothing), …" only when one is.
std::string tally_line(const Tally& tally);

}  // namespace aerepro::reports
