// A record carries its figure data, compact (results/record_figures.h): scatter plots keep the
// lowest seed's points, at most 500; every y keeps 6 significant digits; nothing else is lost.
#include "results/record_figures.h"

#include <gtest/gtest.h>

#include <set>

namespace aerepro::results {
namespace {

TEST(RecordFigures, ScatterPlotsKeepTheLowestSeedDecimatedAndCurvesKeepEveryPoint) {
  std::vector<SeriesPoint> points;
  for (long long seed : {3, 1}) {
    for (int i = 0; i < 1200; ++i)
      points.push_back({"c", seed, "codes_2d", "7", std::to_string(i), 0.123456789 * i});
    for (int epoch = 1; epoch <= 30; ++epoch)
      points.push_back({"c", seed, "loss_curve", "train", std::to_string(epoch), 1.0 / 3.0});
  }
  const auto compact = compact_series(points);
  size_t scatter = 0, curve = 0;
  std::set<long long> scatter_seeds;
  for (const auto& p : compact) {
    if (p.figure == "codes_2d") {
      ++scatter;
      scatter_seeds.insert(p.seed);
    } else {
      ++curve;
      EXPECT_EQ(p.y, 0.333333);
    }
  }
  EXPECT_LE(scatter, kRecordScatterPoints);
  EXPECT_GE(scatter, kRecordScatterPoints / 2);
  EXPECT_EQ(scatter_seeds, (std::set<long long>{1}));
  EXPECT_EQ(curve, 60u);  // both seeds' curves: the report draws their mean and spread
}

}  // namespace
}  // namespace aerepro::results
