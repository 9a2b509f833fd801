// Test fixtures: synthetic results folders written by the tests themselves into a temporary
// folder (never committed data). Every figure kind the claims write appears in them.
#pragma once
#include "validation/unit/test_files.h"

#include <filesystem>
#include <string>
#include <vector>

namespace aerepro::reports::testing {

// A fresh folder under the system temp folder, removed when the object dies, a fixture holding
// one for each test, and whole files read and written as text: those of the other unit tests
// (validation/unit/test_files.h).
using aerepro::testing::InTempDir;
using aerepro::testing::read_text;
using aerepro::testing::TempDir;
using aerepro::testing::write_text;

// Claims of the synthetic profile, each with its own figures.
inline const char* kCurvesClaim = "test.curves";
inline const char* kBarsClaim = "test.bars";
inline const char* kSpecialClaim = "test.special";
inline const char* kImagesClaim = "test.grids";
inline const char* kNotRunClaim = "test.not_run";

// The series figures and image figures written by write_synthetic_profile.
std::vector<std::string> synthetic_series_figures();
std::vector<std::string> synthetic_image_figures();

// Writes <root>/<profile>/ (index, per-seed rows, summaries, series, images for `seeds` seeds)
// and, when `bench`, <root>/bench/timings.csv. `shift` is added to every metric mean (to make a
// second, different run for compare mode).
void write_synthetic_profile(const std::filesystem::path& root, const std::string& profile,
                             int seeds = 3, double shift = 0.0, bool bench = true);

// Gives `claim` of the profile folder `profile_dir` (written by write_synthetic_profile) a
// negative control: a "control.<metric>" row beside each asserted metric, in its summary (mean
// `mean`, judged by the metric's own threshold) and in its per-seed rows. When `vacuous`, the
// claim's verdict becomes "vacuous" with the runner's note naming `stands_in`.
void add_negative_control(const std::filesystem::path& profile_dir, const std::string& claim,
                          double mean, bool vacuous,
                          const std::string& stands_in = "an untrained AE");

// Writes <dir>/s0.csv … s4.csv, an inventory of the synthetic claims: S0 has a number checked
// by kSpecialClaim (quoted with a comma) and an explanation nothing checks; S2 a comparison
// checked by kCurvesClaim; S1, S3 and S4 list nothing. kBarsClaim and kImagesClaim are named
// by no entry (the harness's own checks).
void write_synthetic_inventory(const std::filesystem::path& dir);

// The HTML pages of a report folder in reading order: index.html, each report's pages (s0.html,
// s0-2.html, …, s4…), the own checks' (checks.html, checks-2.html, …), the run's, then any other.
std::vector<std::string> site_pages(const std::filesystem::path& dir);

// Every HTML page of a report folder (site_pages' order) as one text (the tests look for what
// the report shows, whichever page it is on).
std::string site_text(const std::filesystem::path& dir);

// How many times `what` occurs in `text` (overlapping occurrences counted).
size_t occurrences(const std::string& text, const std::string& what);

}  // namespace aerepro::reports::testing
