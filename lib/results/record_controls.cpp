#include "results/record_controls.h"

#include "common/error.h"
#include "results/artifacts_csv.h"
#include "results/record.h"
#include "results/results_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

namespace aerepro::results {

SeedResults record_with_controls(const claims::Claim& claim, const RunOptions& options) {
  const auto profile = claims::to_string(options.profile);
  if (!claim.control.runs()) {
    throw UsageError(fmt::format("{} has no negative control to add ({})", claim.id,
                                 claim.control.none_because));
  }
  const auto dir = resolve_records_root(options.records_root) / profile;
  const auto rows_file = dir / (claim.id + ".csv");
  if (!std::filesystem::exists(rows_file)) {
    throw UsageError(fmt::format("{}: no record of {} in the {} profile to add its control to",
                                 rows_file.string(), claim.id, profile));
  }
  SeedResults out;
  std::vector<long long> seeds;
  std::map<long long, std::vector<ResultRow>> by_seed;
  for (auto& row : read_results_csv(rows_file)) {
    if (claims::is_control_metric(row.metric)) continue;  // measured again below
    if (std::find(seeds.begin(), seeds.end(), row.seed) == seeds.end()) seeds.push_back(row.seed);
    by_seed[row.seed].push_back(std::move(row));
  }
  if (const auto series = series_file(dir, claim.id); std::filesystem::exists(series))
    out.series = read_series_csv(series);
  if (const auto images = images_file(dir, claim.id); std::filesystem::exists(images))
    out.images = read_images_csv(images);
  for (const auto seed : seeds) {
    auto seed_options = options;
    seed_options.controls_only = true;
    seed_options.seeds = 1;
    seed_options.first_seed = static_cast<uint64_t>(seed);
    const auto control = evaluate_seeds(claim, seed_options);
    auto& rows = by_seed[seed];
    out.rows.insert(out.rows.end(), rows.begin(), rows.end());
    out.rows.insert(out.rows.end(), control.rows.begin(), control.rows.end());
  }
  return out;
}

ClaimOutcome add_controls_to_record(const claims::Claim& claim, const RunOptions& options) {
  const auto results = record_with_controls(claim, options);
  double seconds = 0;
  long long last_seed = -1;
  for (const auto& row : results.rows) {  // each seed's time as its first row gives it
    if (row.seed != last_seed) seconds += row.seconds;
    last_seed = row.seed;
  }
  return conclude_claim(claim, options, results, seconds);
}

}  // namespace aerepro::results
