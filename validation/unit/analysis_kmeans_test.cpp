// lib/analysis, k-means on small synthetic data (timings on MNIST-sized data:
// benchmarks/analysis_benchmark.cpp).
#include "analysis/cluster_mapping.h"
#include "analysis/kmeans.h"
#include "analysis_generator.h"
#include "common/error.h"

#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace aerepro::analysis {
namespace {

using checks::cpu_generator;

// n points per blob around `blobs` centres spread far apart in d dimensions; labels (n·blobs).
std::pair<torch::Tensor, torch::Tensor> gaussian_blobs(int64_t blobs, int64_t n, int64_t d,
                                                       double spread, double noise,
                                                       at::Generator& gen) {
  const auto centres = torch::randn({blobs, d}, gen) * spread;
  const auto labels = torch::arange(blobs, torch::kInt64).repeat_interleave(n);
  const auto points = centres.index_select(0, labels) + noise * torch::randn({blobs * n, d}, gen);
  return {points, labels};
}

// ------------------------------------------------------------------------------------ k-means

TEST(KMeans, RecoversWellSeparatedBlobs) {
  auto gen = cpu_generator(4);
  const auto [points, truth] = gaussian_blobs(10, 60, 5, 20.0, 0.5, gen);
  const auto result = kmeans_cluster(points, {});
  EXPECT_EQ(result.labels.sizes(), truth.sizes());
  EXPECT_EQ(result.labels.scalar_type(), torch::kInt64);
  EXPECT_EQ(result.centroids.sizes(), (std::vector<int64_t>{10, 5}));
  EXPECT_DOUBLE_EQ(hungarian_accuracy(result.labels, truth, 10, 10), 1.0);
  EXPECT_NEAR(normalized_mutual_information(result.labels, truth), 1.0, 1e-12);
  EXPECT_GE(result.iterations, 1);
}

TEST(KMeans, SameSeedGivesIdenticalLabels) {
  auto gen = cpu_generator(5);
  const auto points = torch::rand({500, 3}, gen);
  KMeansOptions options;
  options.seed = 42;
  const auto first = kmeans_cluster(points, options);
  const auto second = kmeans_cluster(points, options);
  EXPECT_TRUE(torch::equal(first.labels, second.labels));
  EXPECT_TRUE(torch::equal(first.centroids, second.centroids));
  EXPECT_EQ(first.inertia, second.inertia);
}

TEST(KMeans, MoreRestartsNeverRaiseInertia) {
  auto gen = cpu_generator(6);
  const auto points = torch::rand({800, 4}, gen);  // no clear structure: restarts matter
  KMeansOptions one;
  one.n_init = 1;
  KMeansOptions ten;
  ten.n_init = 10;
  EXPECT_LE(kmeans_cluster(points, ten).inertia, kmeans_cluster(points, one).inertia);
}

TEST(KMeans, InertiaIsTheSquaredDistanceToTheAssignedCentroids) {
  auto gen = cpu_generator(7);
  const auto points = torch::rand({300, 6}, gen, torch::kFloat64);
  KMeansOptions options;
  options.k = 4;
  const auto result = kmeans_cluster(points, options);
  const auto assigned = result.centroids.index_select(0, result.labels);
  EXPECT_NEAR(result.inertia, (points - assigned).pow(2).sum().item<double>(), 1e-8);
  // Lloyd's fixed point: each centroid is the mean of its points.
  for (int64_t c = 0; c < options.k; ++c) {
    const auto members = points.index_select(0, (result.labels == c).nonzero().squeeze(1));
    ASSERT_GT(members.size(0), 0);
    EXPECT_TRUE(torch::allclose(result.centroids[c], members.mean(0), 1e-6, 1e-6));
  }
}

TEST(KMeans, SurvivesMoreClustersThanDistinctPoints) {
  const auto points =
      torch::tensor({0.0f, 0.0f, 1.0f, 1.0f, 5.0f, 5.0f}).reshape({3, 2}).repeat({8, 1});
  KMeansOptions options;
  options.k = 5;
  options.n_init = 3;
  const auto result = kmeans_cluster(points, options);
  EXPECT_EQ(result.labels.size(0), 24);
  EXPECT_GE(result.labels.min().item<int64_t>(), 0);
  EXPECT_LT(result.labels.max().item<int64_t>(), 5);
  EXPECT_NEAR(result.inertia, 0.0, 1e-6);
  EXPECT_TRUE(torch::isfinite(result.centroids).all().item<bool>());
}

TEST(KMeans, RejectsInvalidOptions) {
  const auto points = torch::rand({5, 2});
  KMeansOptions options;
  options.k = 6;
  EXPECT_THROW(kmeans_cluster(points, options), UsageError);
  options.k = 2;
  options.n_init = 0;
  EXPECT_THROW(kmeans_cluster(points, options), UsageError);
  EXPECT_THROW(kmeans_cluster(torch::ones({5, 2}, torch::kInt64), {}), UsageError);
}

}  // namespace
}  // namespace aerepro::analysis
