// The claims inventory of the five source reports (inventory/s0.csv … s4.csv, described in
// inventory/README.md): every statement a report's text makes that could be checked, with the
// claim ids that check it or why nothing does. Read by the report tool to put each claim on its
// report's card (grading_card.h). Torch-free; a missing or broken file is a Problem, never a
// throw.
#pragma once
#include "reports/report_data.h"

#include <filesystem>
#include <string>
#include <vector>

namespace aerepro::reports {

// One of the five source reports: S0 … S4, its title and its file as distributed.
struct SourceReport {
  std::string key;   // "S0"
  std::string name;  // "Homework 6"
  std::string file;  // "000_5f96edd66f59d507.txt" (the inventory's `line` is a line of it)
};

// S0 "Homework 6", S1 "Assignment 6", S2 "Programming Assignment 3", S3 "ISPR Midterm 3",
// S4 "Minor exam", in that order.
const std::vector<SourceReport>& source_reports();

// One row of inventory/sN.csv: the report's side of a statement, and which claims check it or
// why none does. What a claim measures is the claim's declaration's to say, never the row's.
struct InventoryEntry {
  std::string entry;  // "S0-01"
  int line = 0;       // 1-based line of the report file; 0: unknown
  std::string kind;   // one of inventory_kinds()
  std::string quote;
  std::string printed;  // the report's printed figure(s), as printed, or ""
  // The claim ids that check it: as made first, then `_corrected` variants; empty: unchecked.
  std::vector<std::string> checked_by;
  std::string reason;  // unchecked: the code of one of unchecked_reasons(); checked: ""
  std::string note;    // the report's side only (what it prints, where its code does it)
};

// number | comparison | visual | curve (the measurable kinds) | procedure | explanation.
const std::vector<std::string>& inventory_kinds();
bool is_measurable_kind(const std::string& kind);

// Why nothing checks a statement: a fixed list, named in inventory/README.md.
struct UncheckedReason {
  std::string code;   // "not_given", the `reason` column's value
  std::string label;  // "the report's code, model or figure is not given", the card's heading
};
// explanation, procedure (the not-measurable kinds' only reasons), not_a_result, not_given,
// no_data, timing, placed, not_yet, in that order.
const std::vector<UncheckedReason>& unchecked_reasons();
// The reason with this code, or nullptr.
const UncheckedReason* find_unchecked_reason(const std::string& code);

// What in an inventory note describes the harness rather than the report (the notes may not:
// what a claim measures is its declaration's to say, and a note that says it goes stale): the
// words harness, claim, metric, recipe, departure, ours, asserted, recorded, evidence, variant,
// "read as", "our reading", "prediction interval"; a claim id (s2.…); a C++ name (a::b);
// a snake_case name outside `backticks` (backticks quote the report's own code). Empty: clean.
std::vector<std::string> harness_words_in_note(const std::string& note);

struct ReportInventory {
  SourceReport report;
  std::filesystem::path file;  // <dir>/s0.csv
  bool found = false;          // the file exists and was read
  std::vector<InventoryEntry> entries;
};

struct Inventory {
  std::filesystem::path dir;
  bool found = false;                    // the folder exists
  std::vector<ReportInventory> reports;  // always the five, in order
  std::vector<Problem> problems;         // unreadable files, each naming file and line

  // True when some entry's checked_by names `claim`.
  bool names(const std::string& claim) const;
};

// Reads <dir>/s0.csv … s4.csv (columns entry, line, kind, quote, printed, checked_by, reason, note;
// RFC 4180 quoting). An absent folder gives found = false and no problem; an absent file or a
// malformed row becomes a Problem naming the file (and line) and the other files still read.
Inventory read_inventory(const std::filesystem::path& dir);

// Where the report looks for the inventory when no --inventory is given: beside the records
// (<parent of the results root>/inventory/ when the results root is a folder named `records`),
// else <source_dir>/inventory.
std::filesystem::path default_inventory_dir(const std::filesystem::path& results_root,
                                            const std::filesystem::path& source_dir);

}  // namespace aerepro::reports
