// A statement's verdict across the plausible readings of an ambiguous report (issue 33): the
// as-made claim runs one reading of the report's method, and each reading variant of it
// (claims::Reading, declared in the claim record) runs another; the statement is reproduced only
// if every reading reproduces it, not reproduced only if every one fails, and otherwise "depends
// on the reading", each reading's verdict shown. Read from the verdicts' words (as the records
// and the report hold them), so nothing here depends on LibTorch.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace aerepro::results {

inline constexpr const char* kDependsOnTheReading = "depends on the reading";

// One reading's claim and its verdict ("reproduced", "not reproduced", "vacuous", "interim",
// "interim (2 of 3 declared)", "inconclusive", "error", "no verdict (smoke)", "not run", …).
struct ReadingVerdict {
  std::string claim;    // the claim that runs the reading
  std::string reading;  // the reading's name ("" when the claim names none: "as made")
  std::string verdict;
};

struct AcrossReadings {
  std::string verdict;                   // the statement's verdict across its readings
  std::vector<ReadingVerdict> readings;  // as given: the as-made claim first
  // "pixels [0,1] (s2.x): reproduced; pixels 0-255 (s2.x_pixels_0_255): not reproduced".
  std::string listing() const;
};

// The statement's verdict from its readings' verdicts, the as-made claim's first:
//   one reading (no variants)        its own verdict, unchanged;
//   any reading interim              "interim": a reading's declared seeds are not all in yet;
//   two settled readings disagree    "depends on the reading" (settled: reproduced, not
//                                    reproduced or vacuous; an unsettled third cannot reconcile
//                                    them);
//   any reading unsettled            that reading's verdict (inconclusive, error, not run, …);
//   all agree                        their verdict.
// Vacuous is a verdict of its own here: a reading that holds on its negative control too shows
// nothing, so it neither joins a reproduced reading nor fails with a failing one (vacuous beside
// either: depends on the reading; vacuous on every reading: vacuous). An empty list gives "".
AcrossReadings across_readings(std::vector<ReadingVerdict> readings);

// The verdict `claim`'s summary in `profile_dir` holds (results/ or records/<profile>/): "not run"
// when it has none, "unreadable" when it cannot be read.
std::string summary_verdict(const std::filesystem::path& profile_dir, const std::string& claim);

}  // namespace aerepro::results
