// Test fixtures: synthetic results folders written by the tests themselves into a temporary
// folder (never committed data). Every figure kind the claims write appears in them.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace aerepro::reports::testing {

// A fresh folder under the system temp folder, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

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

std::string read_text(const std::filesystem::path& file);
void write_text(const std::filesystem::path& file, const std::string& text);

}  // namespace aerepro::reports::testing
