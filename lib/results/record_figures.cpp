#include "results/record_figures.h"

#include "common/error.h"
#include "common/figure_catalog.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

namespace aerepro::results {
namespace {

bool drawn_from_one_seed(const std::string& figure) {
  const auto id = find_figure(figure);
  return id && figure_info(*id).drawing == FigureDrawing::scatter;
}

double six_digits(double y) {
  if (!std::isfinite(y)) return y;
  return std::strtod(fmt::format("{:.6g}", y).c_str(), nullptr);
}

void require_small(const std::filesystem::path& file) {
  const auto size = std::filesystem::file_size(file);
  if (size >= kRecordFileLimit) {
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
    throw ArtifactError(fmt::format(
        "{}: {} bytes of figure data, too large for a record (limit {} bytes): compact it "
        "(results/record_figures.h)",
        file.string(), size, kRecordFileLimit));
  }
}

}  // namespace

std::vector<SeriesPoint> compact_series(const std::vector<SeriesPoint>& points) {
  std::map<std::string, long long> lowest_seed;  // per one-seed figure
  std::map<std::string, size_t> kept_points;
  for (const auto& p : points) {
    if (!drawn_from_one_seed(p.figure)) continue;
    auto [it, added] = lowest_seed.emplace(p.figure, p.seed);
    if (!added) it->second = std::min(it->second, p.seed);
  }
  std::map<std::string, size_t> total;  // points of the lowest seed, per one-seed figure
  for (const auto& p : points) {
    if (lowest_seed.count(p.figure) && p.seed == lowest_seed[p.figure]) ++total[p.figure];
  }
  std::vector<SeriesPoint> out;
  std::map<std::string, size_t> seen;
  for (auto p : points) {
    if (lowest_seed.count(p.figure)) {
      if (p.seed != lowest_seed[p.figure]) continue;
      // Every k-th point, k chosen so that at most kRecordScatterPoints remain.
      const size_t stride = (total[p.figure] + kRecordScatterPoints - 1) / kRecordScatterPoints;
      if (seen[p.figure]++ % std::max<size_t>(1, stride) != 0) continue;
    }
    p.y = six_digits(p.y);
    out.push_back(std::move(p));
  }
  return out;
}

void record_figure_data(const std::filesystem::path& from_dir, const std::filesystem::path& to_dir,
                        const std::string& claim) {
  std::error_code ignored;
  const auto series_from = series_file(from_dir, claim), series_to = series_file(to_dir, claim);
  if (std::filesystem::exists(series_from)) {
    write_series_csv(series_to, compact_series(read_series_csv(series_from)));
    require_small(series_to);
  } else {
    std::filesystem::remove(series_to, ignored);
  }
  const auto images_from = images_file(from_dir, claim), images_to = images_file(to_dir, claim);
  if (std::filesystem::exists(images_from)) {
    write_images_csv(images_to, read_images_csv(images_from));
    require_small(images_to);
  } else {
    std::filesystem::remove(images_to, ignored);
  }
}

}  // namespace aerepro::results
