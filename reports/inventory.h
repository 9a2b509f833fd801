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

// One row of inventory/sN.csv.
struct InventoryEntry {
  std::string entry;  // "S0-01"
  int line = 0;       // 1-based line of the report file; 0: unknown
  std::string kind;   // number | comparison | visual | procedure | explanation
  std::string quote;
  std::string printed;  // the report's printed figure(s), as printed, or ""
  // The claim ids that check it: as made first, then `_corrected` variants; empty: unchecked.
  std::vector<std::string> checked_by;
  std::string note;  // how the harness reads it, or why it is not checked
};

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

// Reads <dir>/s0.csv … s4.csv (columns entry, line, kind, quote, printed, checked_by, note;
// RFC 4180 quoting). An absent folder gives found = false and no problem; an absent file or a
// malformed row becomes a Problem naming the file (and line) and the other files still read.
Inventory read_inventory(const std::filesystem::path& dir);

// Where the report looks for the inventory when no --inventory is given: beside the records
// (<parent of the results root>/inventory/ when the results root is a folder named `records`),
// else <source_dir>/inventory.
std::filesystem::path default_inventory_dir(const std::filesystem::path& results_root,
                                            const std::filesystem::path& source_dir);

}  // namespace aerepro::reports
