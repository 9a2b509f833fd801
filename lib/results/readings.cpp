#include "results/readings.h"

#include "common/error.h"
#include "results/artifacts_csv.h"

namespace aerepro::results {
namespace {

bool is_interim(const std::string& verdict) {
  return verdict.rfind("interim", 0) == 0;
}

bool is_settled(const std::string& verdict) {
  return verdict == "reproduced" || verdict == "not reproduced" || verdict == "vacuous";
}

std::string verdict_of(const std::vector<ReadingVerdict>& readings) {
  if (readings.empty()) return "";
  if (readings.size() == 1) return readings.front().verdict;
  for (const auto& r : readings) {
    if (is_interim(r.verdict)) return "interim";
  }
  const std::string* settled = nullptr;
  for (const auto& r : readings) {
    if (!is_settled(r.verdict)) continue;
    if (settled && *settled != r.verdict) return kDependsOnTheReading;
    settled = &r.verdict;
  }
  for (const auto& r : readings) {
    if (!is_settled(r.verdict)) return r.verdict;
  }
  return readings.front().verdict;
}

}  // namespace

std::string AcrossReadings::listing() const {
  std::string out;
  for (const auto& r : readings) {
    out += (out.empty() ? "" : "; ") + (r.reading.empty() ? std::string("as made") : r.reading) +
           " (" + r.claim + "): " + r.verdict;
  }
  return out;
}

AcrossReadings across_readings(std::vector<ReadingVerdict> readings) {
  AcrossReadings out;
  out.verdict = verdict_of(readings);
  out.readings = std::move(readings);
  return out;
}

std::string summary_verdict(const std::filesystem::path& profile_dir, const std::string& claim) {
  const auto file = summary_file(profile_dir, claim);
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) return "not run";
  try {
    const auto rows = read_summary_csv(file);
    return rows.empty() ? "not run" : rows.front().verdict;
  } catch (const ArtifactError&) {
    return "unreadable";
  }
}

}  // namespace aerepro::results
