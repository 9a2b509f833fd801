// The reports' own procedures, replayed as their code ran them (issue 26): S0's cluster scoring
// (000:638-665) and S3's manifold ascent (003:670-690).
#include "analysis/cluster_mapping.h"
#include "analysis_generator.h"
#include "claims/s0/scoring.h"
#include "claims/s3/support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace aerepro::claims {
namespace {

using analysis::checks::cpu_generator;

// S0.7's loop replayed literally, as the report's NumPy code runs it: one array, ids swapped in
// place (temp_label aliases kmeans_label), the best score seen kept.
double replay_report_loop(std::vector<int64_t> ids, const std::vector<int64_t>& labels,
                          int64_t visited) {
  const auto score = [&] {
    int64_t hits = 0;
    for (size_t j = 0; j < ids.size(); ++j) hits += ids[j] == labels[j];
    return static_cast<double>(hits) / static_cast<double>(ids.size());
  };
  double best = score();
  for (int64_t i = 0; i < visited; ++i) {
    if (ids[i] == labels[i]) continue;
    const int64_t correct = labels[i], incorrect = ids[i];
    for (auto& id : ids) {
      if (id == incorrect) {
        id = correct;
      } else if (id == correct) {
        id = incorrect;
      }
    }
    best = std::max(best, score());
  }
  return best;
}

TEST(S0Scoring, GreedySwapsAreTheReportsLoopAndNeverBeatHungarian) {
  auto gen = cpu_generator(7);
  for (int trial = 0; trial < 20; ++trial) {
    // Labels, and clusters that are a permutation of them with 30 % of the points scrambled.
    const auto labels = torch::randint(10, {600}, gen, torch::kInt64);
    const auto permutation = torch::randperm(10, gen, torch::kInt64);
    auto clusters = permutation.index_select(0, labels);
    const auto scrambled = torch::rand({600}, gen) < 0.3;
    clusters = torch::where(scrambled, torch::randint(10, {600}, gen, torch::kInt64), clusters);
    const std::vector<int64_t> ids(clusters.data_ptr<int64_t>(),
                                   clusters.data_ptr<int64_t>() + 600);
    const std::vector<int64_t> truth(labels.data_ptr<int64_t>(), labels.data_ptr<int64_t>() + 600);
    const double greedy = s0::greedy_swap_accuracy(clusters, labels, 60);
    EXPECT_DOUBLE_EQ(greedy, replay_report_loop(ids, truth, 60)) << "trial " << trial;
    EXPECT_LE(greedy, analysis::hungarian_accuracy(clusters, labels, 10, 10) + 1e-12);
  }
  // Visiting no point scores the raw ids as labels; one swap (0 <-> 1) fixes this labelling.
  const auto ids = torch::tensor({1, 1, 0, 0}, torch::kInt64);
  const auto truth = torch::tensor({0, 0, 1, 1}, torch::kInt64);
  EXPECT_DOUBLE_EQ(s0::greedy_swap_accuracy(ids, truth, 0, 2), 0.0);
  EXPECT_DOUBLE_EQ(s0::greedy_swap_accuracy(ids, truth, 1, 2), 1.0);
}

// 003's step: x + η(r(x) − r(anchor)), then x /= ‖x‖₂, image by image.
TEST(S3Ascent, TheReportsStepMovesAlongTheReconstructionMinusTheAnchorsAndNormalises) {
  auto gen = cpu_generator(17);
  const auto start = torch::randn({3, 1, 4, 4}, gen) * 5;
  const auto anchor = torch::randn({1, 1, 4, 4}, gen);
  const analysis::TensorMap reconstruct = [](const torch::Tensor& x) { return 0.5 * x; };
  const auto result = s3::report_ascent(start, reconstruct, anchor, 1.0, 2);
  ASSERT_EQ(result.iterates.size(0), 3);
  auto expected = start + (0.5 * start - 0.5 * anchor);
  expected = expected / expected.reshape({3, -1}).norm(2, 1).view({3, 1, 1, 1});
  EXPECT_TRUE(torch::allclose(result.iterates[1], expected, 1e-5, 1e-6));
  for (int64_t t = 1; t <= 2; ++t) {
    EXPECT_TRUE(torch::allclose(result.iterates[t].reshape({3, -1}).norm(2, 1), torch::ones({3}),
                                1e-5, 1e-6));
  }
}

}  // namespace
}  // namespace aerepro::claims
