// The figure data a record carries (records/<profile>/<claim>.series.csv and .images.csv), so
// that the report of record draws every figure without rerunning anything: the run's figure
// data made compact — y values to 6 significant digits, and the figures drawn from one seed
// only (scatter plots, lowest seed) kept for that seed, at most kRecordScatterPoints points.
#pragma once
#include "results/artifacts_csv.h"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace aerepro::results {

constexpr size_t kRecordScatterPoints = 500;
constexpr std::uintmax_t kRecordFileLimit = 1024 * 1024;  // every record file stays below 1 MiB

std::vector<SeriesPoint> compact_series(const std::vector<SeriesPoint>& points);

// Copies `from_dir`'s figure data of `claim` into `to_dir` (compacted), or removes the record's
// figure files the run has none of. ArtifactError naming the file when one would reach
// kRecordFileLimit.
void record_figure_data(const std::filesystem::path& from_dir, const std::filesystem::path& to_dir,
                        const std::string& claim);

}  // namespace aerepro::results
