// lib/analysis, cluster → label mapping (majority, Hungarian), NMI and the image metrics, on
// small synthetic data (timings on MNIST-sized data: benchmarks/analysis_benchmark.cpp).
#include "analysis/cluster_mapping.h"
#include "analysis/metrics.h"
#include "analysis_generator.h"
#include "common/error.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace aerepro::analysis {
namespace {

using checks::cpu_generator;

// ---------------------------------------------------------------------- cluster → label mapping

TEST(HungarianAssignment, MatchesBruteForceOnSmallMatrices) {
  auto gen = cpu_generator(8);
  for (const auto& [rows, cols] :
       std::vector<std::pair<int64_t, int64_t>>{{1, 1}, {4, 4}, {6, 6}, {3, 5}, {5, 3}}) {
    for (int trial = 0; trial < 5; ++trial) {
      const auto cost = torch::randint(0, 10, {rows, cols}, gen, torch::kFloat64);
      const auto assignment = hungarian_assignment(cost);
      ASSERT_EQ(static_cast<int64_t>(assignment.size()), rows);
      const auto c = cost.accessor<double, 2>();
      double total = 0;
      std::vector<int64_t> seen;
      for (int64_t r = 0; r < rows; ++r) {
        if (assignment[r] < 0) continue;
        total += c[r][assignment[r]];
        seen.push_back(assignment[r]);
      }
      EXPECT_EQ(static_cast<int64_t>(seen.size()), std::min(rows, cols));
      std::sort(seen.begin(), seen.end());
      EXPECT_EQ(std::unique(seen.begin(), seen.end()), seen.end());
      // Brute force over all assignments of the padded square matrix.
      const int64_t n = std::max(rows, cols);
      std::vector<int64_t> perm(n);
      std::iota(perm.begin(), perm.end(), 0);
      double best = 1e300;
      do {
        double sum = 0;
        for (int64_t r = 0; r < rows; ++r) sum += perm[r] < cols ? c[r][perm[r]] : 0.0;
        best = std::min(best, sum);
      } while (std::next_permutation(perm.begin(), perm.end()));
      EXPECT_DOUBLE_EQ(total, best) << rows << "x" << cols << " trial " << trial;
    }
  }
}

TEST(ClusterMapping, HungarianOnPermutedLabellingIsPerfect) {
  const auto labels = torch::tensor({0, 1, 2, 3, 0, 1, 2, 3, 3}, torch::kInt64);
  const auto permutation = torch::tensor({2, 0, 3, 1}, torch::kInt64);
  const auto clusters = permutation.index_select(0, labels);
  EXPECT_DOUBLE_EQ(hungarian_accuracy(clusters, labels), 1.0);
  EXPECT_DOUBLE_EQ(majority_accuracy(clusters, labels), 1.0);
  // cluster permutation[l] → label l
  const auto mapping = hungarian_mapping(clusters, labels);
  EXPECT_TRUE(torch::equal(mapping.index_select(0, permutation), torch::arange(4, torch::kInt64)));
}

TEST(ClusterMapping, MajorityAllowsTwoClustersToShareALabel) {
  // Clusters 0 and 1 are both label 0; cluster 2 is label 1. Label 2 has no cluster of its own.
  const auto clusters = torch::tensor({0, 0, 0, 1, 1, 1, 2, 2, 2}, torch::kInt64);
  const auto labels = torch::tensor({0, 0, 0, 0, 0, 2, 1, 1, 1}, torch::kInt64);
  const double majority = majority_accuracy(clusters, labels, 3, 3);
  const double hungarian = hungarian_accuracy(clusters, labels, 3, 3);
  EXPECT_DOUBLE_EQ(majority, 8.0 / 9.0);
  EXPECT_DOUBLE_EQ(hungarian, 7.0 / 9.0);  // one-to-one: cluster 1 must take label 2
  EXPECT_GE(majority, hungarian);
  EXPECT_TRUE(torch::equal(majority_mapping(clusters, labels, 3, 3),
                           torch::tensor({0, 0, 1}, torch::kInt64)));
}

TEST(ClusterMapping, HungarianLeavesExtraClustersUnmatched) {
  const auto clusters = torch::tensor({0, 0, 1, 1, 2}, torch::kInt64);
  const auto labels = torch::tensor({0, 0, 1, 1, 1}, torch::kInt64);
  const auto mapping = hungarian_mapping(clusters, labels, 3, 2);
  EXPECT_TRUE(torch::equal(mapping, torch::tensor({0, 1, -1}, torch::kInt64)));
  EXPECT_DOUBLE_EQ(hungarian_accuracy(clusters, labels, 3, 2), 4.0 / 5.0);
}

TEST(ClusterMapping, ConfusionMatrixCountsEveryPoint) {
  auto gen = cpu_generator(9);
  const auto clusters = torch::randint(0, 7, {1000}, gen, torch::kInt64);
  const auto labels = torch::randint(0, 10, {1000}, gen, torch::kInt64);
  const auto confusion = confusion_matrix(clusters, labels, 7, 10);
  EXPECT_EQ(confusion.sizes(), (std::vector<int64_t>{7, 10}));
  EXPECT_EQ(confusion.scalar_type(), torch::kInt64);
  EXPECT_EQ(confusion.sum().item<int64_t>(), 1000);
  EXPECT_EQ(confusion[3][4].item<int64_t>(),
            ((clusters == 3) & (labels == 4)).sum().item<int64_t>());
}

TEST(ClusterMapping, NmiIsOneForAPermutationAndNearZeroForIndependentLabels) {
  auto gen = cpu_generator(10);
  const auto labels = torch::randint(0, 10, {20000}, gen, torch::kInt64);
  const auto permuted = torch::randperm(10, gen, torch::kInt64).index_select(0, labels);
  EXPECT_NEAR(normalized_mutual_information(permuted, labels), 1.0, 1e-12);
  const auto independent = torch::randint(0, 10, {20000}, gen, torch::kInt64);
  EXPECT_LT(normalized_mutual_information(independent, labels), 0.01);
  // A hand-checked value (scikit-learn: normalized_mutual_info_score([0,0,1,1],[0,0,1,2])).
  EXPECT_NEAR(
      normalized_mutual_information(torch::tensor({0, 0, 1, 1}), torch::tensor({0, 0, 1, 2})), 0.8,
      1e-12);
}

TEST(ClusterMapping, RejectsOutOfRangeOrMismatchedIds) {
  const auto clusters = torch::tensor({0, 1, 2}, torch::kInt64);
  EXPECT_THROW(confusion_matrix(clusters, torch::tensor({0, 1}, torch::kInt64)), UsageError);
  EXPECT_THROW(confusion_matrix(clusters, torch::tensor({0, 1, 5}, torch::kInt64), 3, 3),
               UsageError);
  EXPECT_THROW(majority_accuracy(torch::tensor({0, -1, 1}, torch::kInt64), clusters), UsageError);
  EXPECT_THROW(hungarian_accuracy(torch::tensor({0.0, 1.0, 2.0}), clusters), UsageError);
}

// ------------------------------------------------------------------------------------ metrics

TEST(Metrics, PerImageSquaredErrorSumsOverPixels) {
  const auto a = torch::zeros({2, 1, 2, 2});
  const auto b =
      torch::tensor({1.0f, 2.0f, 0.0f, 0.0f, 0.5f, 0.5f, 0.5f, 0.5f}).reshape({2, 1, 2, 2});
  const auto errors = per_image_squared_error(a, b);
  EXPECT_TRUE(torch::allclose(errors, torch::tensor({5.0f, 1.0f})));
  EXPECT_DOUBLE_EQ(mean_squared_error(a, b), 6.0 / 8.0);
  EXPECT_THROW(per_image_squared_error(a, torch::zeros({2, 4})), UsageError);
}

TEST(Metrics, ActiveFractionCountsActivationsAboveTheThreshold) {
  const auto hidden = torch::tensor({0.0f, 0.0f, 0.3f, 2.0f, 0.0f, -1.0f, 0.05f, 0.0f});
  EXPECT_DOUBLE_EQ(active_fraction(hidden), 3.0 / 8.0);
  EXPECT_DOUBLE_EQ(active_fraction(hidden, 0.1), 2.0 / 8.0);
}

TEST(Metrics, FilterImagesAreScaledRowsOfTheWeight) {
  auto gen = cpu_generator(11);
  auto weight = torch::randn({16, 784}, gen);
  weight[2].fill_(0.7f);  // a constant row
  const auto images = filter_images(weight, 5);
  EXPECT_EQ(images.sizes(), (std::vector<int64_t>{5, 1, 28, 28}));
  const auto rows = images.reshape({5, -1});
  for (int64_t i : {0, 1, 3, 4}) {
    EXPECT_FLOAT_EQ(rows[i].min().item<float>(), 0.0f);
    EXPECT_FLOAT_EQ(rows[i].max().item<float>(), 1.0f);
    // Min-max scaling keeps the order of the weights.
    EXPECT_EQ(rows[i].argmax().item<int64_t>(), weight[i].argmax().item<int64_t>());
  }
  EXPECT_EQ(rows[2].abs().max().item<float>(), 0.0f);
  EXPECT_THROW(filter_images(weight, 17), UsageError);
  EXPECT_THROW(filter_images(torch::rand({4, 10}), 2), UsageError);
}

TEST(Metrics, NearestNeighbourDistanceMatchesBruteForce) {
  auto gen = cpu_generator(12);
  const auto reference = torch::rand({57, 1, 4, 4}, gen);
  auto queries = torch::rand({13, 1, 4, 4}, gen);
  queries[5].copy_(reference[20]);  // an exact copy: distance 0
  // A small chunk forces several query blocks.
  const auto distances = nearest_neighbour_distance(queries, reference, 57 * 4);
  ASSERT_EQ(distances.sizes(), (std::vector<int64_t>{13}));
  for (int64_t i = 0; i < 13; ++i) {
    double best = 1e300;
    for (int64_t j = 0; j < 57; ++j) {
      best = std::min(best,
                      (queries[i] - reference[j]).to(torch::kFloat64).pow(2).sum().item<double>());
    }
    EXPECT_NEAR(distances[i].item<float>(), std::sqrt(best), 1e-5) << "query " << i;
  }
  EXPECT_EQ(distances[5].item<float>(), 0.0f);
}

}  // namespace
}  // namespace aerepro::analysis
