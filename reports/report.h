// The report tool's API: a results profile folder → reports/out/<profile>/ (index.html,
// report.md, PNG figures, figures.gp), and two profile folders → a comparison page.
// Used by `aerepro-report` and (through add_report_options) by `aerepro report`.
#pragma once
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace aerepro::reports {

// What a grader wants by default: the committed records of the full profile (the report of
// record), written to reports/out/records-full/.
struct ReportOptions {
  // default: $AEREPRO_RESULTS_DIR, else the committed records, <source>/records
  std::filesystem::path results_root;
  std::string profile = "full";     // reads <results_root>/<profile>/
  std::filesystem::path bench_dir;  // default: <results_root>/bench
  // default: <source>/reports/out/<profile>, or records-<profile> for a folder named records
  std::filesystem::path out_dir;
  // The claims inventory (inventory.h); default: beside the records (default_inventory_dir).
  std::filesystem::path inventory_dir;
  std::string gnuplot = "gnuplot";  // the command that draws the figures
  // The git checkout whose lib/ decides whether results are stale (default: the tree the tool
  // was built from).
  std::filesystem::path source_dir;
};

struct CompareOptions {
  std::filesystem::path a, b;     // two results profile folders, e.g. results/ci
  std::filesystem::path out_dir;  // default: <source>/reports/out/compare
};

// Writes the report. The output folder is built beside its final place and renamed into it, so
// a half-written report never remains; an existing output folder is replaced only when it is
// empty or holds an earlier report (index.html and report.md), never any other folder. Missing or
// malformed files are listed in the report's Problems section (and in `log`) and do not stop it.
// Returns 0 when the report was written, 2 when there is nothing to report (no results folder, no
// index and no summary) or it cannot be written (the reason goes to `log`).
int write_report(const ReportOptions& options, std::ostream& log);

// Writes index.html and report.md comparing options.a with options.b. Returns as write_report.
int write_comparison(const CompareOptions& options, std::ostream& log);

// Command-line arguments of the report tool (`aerepro-report` and `aerepro report`).
struct ReportCommand {
  ReportOptions report;
  std::vector<std::string> compare;  // two folders: compare mode
  bool table = false;                // print the Markdown table of verdicts (records_table.h)
  std::string out;
};

// Adds --results, --profile, --bench, --out, --inventory, --compare A B, --gnuplot and --table
// to `app`.
void add_report_options(CLI::App& app, ReportCommand& command);

// Runs what `command` asks for; returns the exit code.
int run_report_command(const ReportCommand& command, std::ostream& log);

}  // namespace aerepro::reports
