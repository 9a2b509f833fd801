// Everything a report shows, read from one results profile folder (results/<profile>/) and the
// benchmark folder (results/bench/). Reading never throws for a bad file: each missing or
// malformed file becomes a Problem (naming file and line) and the rest is still read.
#pragma once
#include "reports/claim_extras.h"
#include "reports/figure_position.h"
#include "reports/staleness.h"
#include "results/artifacts_csv.h"
#include "results/bench_csv.h"
#include "results/result_row.h"

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace aerepro::reports {

// A claim's negative control (lib/claims/claim.h, Control) is recorded as summary rows of its
// own, "control.<metric>" (claims/assertion.h, kControlPrefix), judged by the claim's own
// assertion of <metric> but no part of the claim's verdict. The report shows each beside the
// metric it controls and never counts it as a metric of the claim.
bool is_control_metric(const std::string& metric);
std::string controlled_metric(const std::string& control);  // "control.x" -> "x"
std::string control_metric(const std::string& metric);      // "x" -> "control.x"

// A file the report could not use, and why (the message names the file, and line where known).
struct Problem {
  std::filesystem::path file;
  std::string message;
};

// One claim: its record from index.csv and whatever files its runs left.
struct ClaimData {
  std::string id;
  std::optional<results::ClaimIndexRow> record;  // from index.csv (absent: not listed there)
  std::vector<results::SummaryRow> summary;      // one per metric; empty: not run or unreadable
  std::vector<results::ResultRow> rows;          // per seed and metric (<claim>.csv)
  std::vector<results::SeriesPoint> series;
  std::vector<results::ImageCell> images;
  // metric → where the report's figure lies against one run (optional summary columns).
  std::map<std::string, FigurePosition> positions;
  // The record's optional columns (a control's values, the readings) and the declared seeds.
  ClaimExtras extras;
  bool summary_unreadable = false;  // the summary file exists but is broken
  Staleness staleness;              // lib/ changes since the rows' revision

  // "reproduced" | "not reproduced" | "vacuous" | "inconclusive" | "interim" | "error" |
  // "no verdict (smoke)" | "not run" | "unreadable".
  std::string verdict() const;
  // The record's fields, from the summary where present, else from index.csv.
  std::string source() const;
  std::string sentence() const;
  std::string departure() const;
  // The summary rows the verdict rests on (a comparison and a threshold); all the claim's own
  // rows when none has one (the claims table shows these, the claim's section shows every
  // metric). Never a negative control's row.
  std::vector<results::SummaryRow> asserted() const;
  // The claim's own metrics: every summary row but its negative control's.
  std::vector<results::SummaryRow> own_metrics() const;
  // The negative control's row of `metric` ("control.<metric>"), or null when none is recorded.
  const results::SummaryRow* control_of(const std::string& metric) const;
  // The control's rows whose metric the summary lacks (shown on their own, never dropped).
  std::vector<results::SummaryRow> orphan_controls() const;
  bool has_control() const;
  // The control over its asserted rows, as a claim's metric verdicts combine: "holds" when each
  // holds, "fails" when one fails, else "interim" or "inconclusive"; "" when there is none.
  std::string control_verdict() const;
  // What the control puts in the model's place ("an untrained AE"), as the vacuous verdict's
  // note names it; "" when the record does not say (the report tool does not link the claims).
  std::string control_stands_in() const;
};

// The environment the rows were produced in: each distinct value, in first-seen order.
struct Environment {
  std::vector<std::string> git_revisions, torch_versions, devices, threads, dataset_checksums;
};

struct ProfileData {
  std::filesystem::path dir;  // results/<profile>
  std::string profile;        // the folder's name
  bool index_found = false;
  std::vector<ClaimData> claims;  // index.csv order, then claims with files but no index entry
  std::vector<results::BenchRow> bench;  // results/bench/*.csv (may be empty)
  std::vector<std::filesystem::path> bench_files;
  // Rounds of benchmarks/run behind `bench`: its per-round files (<name>.round<i>.csv) counted,
  // 1 when there are none (benchmarks.csv then holds one round's timings); 0 without benchmarks.
  int bench_rounds = 0;
  std::vector<Problem> problems;

  Environment environment() const;
  // True when there is anything to report (an index or at least one summary).
  bool usable() const;
};

// Reads `profile_dir` (and `bench_dir`, when it is given and exists). Never throws for bad
// content.
ProfileData load_profile(const std::filesystem::path& profile_dir,
                         const std::filesystem::path& bench_dir);

}  // namespace aerepro::reports
