#include "results/record_digest.h"

#include "claims/assertion.h"
#include "results/artifacts_csv.h"
#include "results/readings.h"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>
#include <vector>

namespace aerepro::results {

std::string record_digest(const std::filesystem::path& profile_dir, const claims::Claim& claim) {
  const auto file = summary_file(profile_dir, claim.id);
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) return "record: none";
  std::vector<SummaryRow> rows;
  try {
    rows = read_summary_csv(file);
  } catch (const ArtifactError& e) {
    return fmt::format("record: unreadable ({})", e.what());
  }
  if (rows.empty()) return "record: empty";
  int seeds = 0;
  std::string controls;
  for (const auto& row : rows) {
    if (!claims::is_control_metric(row.metric)) {
      seeds = std::max(seeds, row.n);
      continue;
    }
    controls += fmt::format("{}{} {:.4g}{}", controls.empty() ? "" : "; ", row.metric, row.mean,
                            row.metric_verdict.empty() ? "" : " (" + row.metric_verdict + ")");
  }
  std::string out =
      fmt::format("record: {} ({} seed{}); control: {}", rows.front().verdict, seeds,
                  seeds == 1 ? "" : "s", controls.empty() ? "none recorded" : controls);
  if (claim.reading.declared() && !claim.reading.is_variant()) {
    std::vector<ReadingVerdict> readings{
        {claim.id, claim.reading.name, summary_verdict(profile_dir, claim.id)}};
    for (const auto* variant : claims::readings_of(claim.id))
      readings.push_back(
          {variant->id, variant->reading.name, summary_verdict(profile_dir, variant->id)});
    const auto across = across_readings(readings);
    out += fmt::format("; across its readings: {} ({})", across.verdict, across.listing());
  }
  return out;
}

}  // namespace aerepro::results
