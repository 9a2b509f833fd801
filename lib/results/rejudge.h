// Re-judging a record: the per-seed values of records/<profile>/<claim>.csv summarised and judged
// again under the current rules (claims/verdict.h) and the claim's current assertions, without
// running anything. For a change of the verdict rules, which alter no measured value; a change
// of what a claim measures needs a rerun (the report marks such a record stale). The claim's
// declared sample (records_root/<profile>/seed_plan.csv) applies: a record with fewer of its
// seeds is interim.
#pragma once
#include "claims/claim.h"

#include <filesystem>
#include <string>

namespace aerepro::results {

struct Rejudgement {
  std::string claim;
  std::string before;  // the record's verdict before
  std::string after;   // and now
  std::string note;    // the new verdict's note, if any
  bool changed() const { return before != after; }
};

// Rewrites `records_root`/<profile>/<claim>.summary.csv from the record's rows (values, date,
// seconds and record status kept; verdicts, bounds, intervals and notes recomputed). The rows
// file is not touched. ArtifactError when the claim has no record there.
Rejudgement rejudge_record(const claims::Claim& claim, claims::Profile profile,
                           const std::filesystem::path& records_root);

}  // namespace aerepro::results
