// lib/analysis: PCA, k-means, cluster → label mapping, metrics and latent-space operations, on
// small synthetic data (timings on MNIST-sized data: benchmarks/analysis_benchmark.cpp).
#include "analysis/cluster_mapping.h"
#include "analysis/kmeans.h"
#include "analysis/latent.h"
#include "analysis/metrics.h"
#include "analysis/pca.h"
#include "common/compat.h"
#include "common/error.h"
#include "data/datasets.h"

#include <algorithm>
#include <numeric>

#include <gtest/gtest.h>

namespace aerepro::analysis {
namespace {

at::Generator cpu_generator(uint64_t seed) {
  return compat::make_generator(torch::kCPU, seed);
}

// n points per blob around `blobs` centres spread far apart in d dimensions; labels (n·blobs).
std::pair<torch::Tensor, torch::Tensor> gaussian_blobs(int64_t blobs, int64_t n, int64_t d,
                                                       double spread, double noise,
                                                       at::Generator& gen) {
  const auto centres = torch::randn({blobs, d}, gen) * spread;
  const auto labels = torch::arange(blobs, torch::kInt64).repeat_interleave(n);
  const auto points = centres.index_select(0, labels) + noise * torch::randn({blobs * n, d}, gen);
  return {points, labels};
}

// ---------------------------------------------------------------------------------------- PCA

TEST(Pca, MatchesSvdOfCentredData) {
  auto gen = cpu_generator(1);
  const int64_t n = 300, d = 20, k = 5;
  const auto signal = torch::randn({n, 3}, gen, torch::kFloat64)
                          .mm(torch::randn({3, d}, gen, torch::kFloat64) * 3.0);
  const auto data = signal + 0.1 * torch::randn({n, d}, gen, torch::kFloat64) + 2.0;
  const auto model = fit_pca(data, k);

  const auto centred = data - data.mean(0);
  const auto svd = torch::linalg_svd(centred, /*full_matrices=*/false);
  const auto singular = std::get<1>(svd);
  const auto vh = std::get<2>(svd);
  const auto variances = singular.pow(2) / (n - 1);
  EXPECT_TRUE(torch::allclose(model.eigenvalues, variances.narrow(0, 0, k), 1e-8, 1e-10));
  EXPECT_TRUE(torch::allclose(model.explained_variance_ratio,
                              variances.narrow(0, 0, k) / variances.sum(), 1e-8, 1e-12));
  // The same subspace: compare projectors, which do not depend on signs.
  const auto v_svd = vh.narrow(0, 0, k).t();
  EXPECT_TRUE(
      torch::allclose(model.components.mm(model.components.t()), v_svd.mm(v_svd.t()), 1e-8, 1e-8));
  // Orthonormal columns, descending eigenvalues.
  EXPECT_TRUE(torch::allclose(model.components.t().mm(model.components),
                              torch::eye(k, torch::kFloat64), 1e-10, 1e-10));
  EXPECT_TRUE((model.eigenvalues.narrow(0, 0, k - 1) >= model.eigenvalues.narrow(0, 1, k - 1))
                  .all()
                  .item<bool>());
  EXPECT_EQ(model.project(data).sizes(), (std::vector<int64_t>{n, k}));
}

TEST(Pca, ReconstructsExactlyWithAllComponents) {
  auto gen = cpu_generator(2);
  const auto data = torch::rand({50, 12}, gen, torch::kFloat64);
  const auto model = fit_pca(data, 12);
  EXPECT_TRUE(torch::allclose(model.reconstruct(data), data, 1e-10, 1e-10));
  EXPECT_NEAR(model.explained_variance_ratio.sum().item<double>(), 1.0, 1e-12);
}

TEST(Pca, ReconstructionIncludesTheMean) {
  // S2.1: a constant offset plus a rank-1 signal is reconstructed exactly by one component only
  // if the mean is added back (the report's slip would lose the offset).
  auto gen = cpu_generator(3);
  const auto direction = torch::randn({784}, gen);
  const auto offset = torch::rand({784}, gen) + 0.5;
  const auto amounts = torch::randn({40, 1}, gen);
  const auto images = (offset + amounts * direction).reshape({40, 1, 28, 28});
  const auto model = fit_pca(images, 1);
  const auto reconstructed = model.reconstruct(images);
  EXPECT_EQ(reconstructed.sizes(), images.sizes());
  EXPECT_EQ(reconstructed.scalar_type(), torch::kFloat32);
  EXPECT_LT((reconstructed - images).abs().max().item<float>(), 1e-4f);
  EXPECT_NEAR(model.explained_variance_ratio[0].item<double>(), 1.0, 1e-6);
}

TEST(Pca, RejectsComponentCountsOutsideTheDimension) {
  const auto data = torch::rand({10, 4});
  EXPECT_THROW(fit_pca(data, 0), UsageError);
  EXPECT_THROW(fit_pca(data, 5), UsageError);
  EXPECT_THROW(fit_pca(torch::rand({1, 4}), 1), UsageError);
  EXPECT_THROW(fit_pca(data, 2).project(torch::rand({3, 5})), UsageError);
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

// ------------------------------------------------------------------------------------- latent

TEST(Latent, InterpolationRunsFromZ2ToZ1) {
  const auto z1 = torch::tensor({1.0f, -2.0f, 3.0f, 0.25f});
  const auto z2 = torch::tensor({-0.5f, 4.0f, 0.0f, 1.0f});
  const auto path = interpolate_codes(z1, z2);
  ASSERT_EQ(path.sizes(), (std::vector<int64_t>{11, 4}));
  EXPECT_TRUE(torch::equal(path[0], z2));   // a = 0
  EXPECT_TRUE(torch::equal(path[10], z1));  // a = 1
  EXPECT_TRUE(torch::allclose(path[5], 0.5 * (z1 + z2)));
  EXPECT_TRUE(torch::allclose(path[3], 0.3 * z1 + 0.7 * z2));
  EXPECT_THROW(interpolate_codes(z1, z2, 1), UsageError);
}

TEST(Latent, SamplesComeFromTheSeededGenerator) {
  auto gen_a = cpu_generator(13);
  auto gen_b = cpu_generator(13);
  const auto uniform = sample_uniform_codes(9, 4, gen_a);
  EXPECT_EQ(uniform.sizes(), (std::vector<int64_t>{9, 4}));
  EXPECT_TRUE(torch::equal(uniform, sample_uniform_codes(9, 4, gen_b)));
  EXPECT_GE(uniform.min().item<float>(), 0.0f);
  EXPECT_LT(uniform.max().item<float>(), 1.0f);
  const auto normal = sample_normal_codes(5000, 2, gen_a);
  EXPECT_NEAR(normal.mean().item<float>(), 0.0, 0.05);
  EXPECT_NEAR(normal.std().item<float>(), 1.0, 0.05);
  const auto z = torch::ones({2000, 8});
  EXPECT_TRUE(torch::equal(add_latent_noise(z, 0.0, gen_a), z));
  EXPECT_NEAR((add_latent_noise(z, 0.5, gen_a) - z).std().item<float>(), 0.5, 0.02);
}

TEST(Latent, ManifoldAscentConvergesToAPerfectReconstruction) {
  auto gen = cpu_generator(14);
  const auto target = torch::rand({1, 28, 28}, gen);
  const auto start = torch::rand({3, 1, 28, 28}, gen);
  const TensorMap reconstruct = [&](const torch::Tensor& x) { return target.expand_as(x); };
  ManifoldAscentOptions options;
  options.iterations = 20;  // 2^-20: still above float32 rounding, so the fall is strict
  const auto result = manifold_ascent(start, reconstruct, options);
  ASSERT_EQ(result.iterates.sizes(), (std::vector<int64_t>{21, 3, 1, 28, 28}));
  ASSERT_EQ(result.residual_norms.sizes(), (std::vector<int64_t>{21, 3}));
  EXPECT_TRUE(torch::equal(result.iterates[0], start));
  EXPECT_LT((result.iterates[20] - target).abs().max().item<float>(), 1e-5f);
  const auto r = result.residual_norms;
  EXPECT_TRUE((r.narrow(0, 1, 20) < r.narrow(0, 0, 20)).all().item<bool>());
  // η = 0.5 halves the residual each step.
  EXPECT_TRUE(torch::allclose(r[1], 0.5 * r[0], 1e-5));
}

TEST(Latent, ManifoldAscentRescalesEachImageToTheUnitRangeWhenAsked) {
  auto gen = cpu_generator(16);
  const auto start = torch::randn({3, 1, 4, 4}, gen) * 5;
  const TensorMap reconstruct = [](const torch::Tensor& x) { return 3 * x + 1; };
  ManifoldAscentOptions options;
  options.step = 1.0;
  options.iterations = 2;
  options.rescale_each_step = true;
  const auto result = manifold_ascent(start, reconstruct, options);
  for (int64_t t = 1; t <= 2; ++t) {
    const auto flat = result.iterates[t].reshape({3, -1});
    EXPECT_TRUE(torch::allclose(std::get<0>(flat.min(1)), torch::zeros({3}), 1e-6, 1e-6));
    EXPECT_TRUE(torch::allclose(std::get<0>(flat.max(1)), torch::ones({3}), 1e-6, 1e-6));
  }
}

TEST(Latent, ManifoldAscentAsMadeStepsAlongTheReconstructionMinusTheAnchors) {
  // S3.9 as made: x ← x + η·(r(x) − r(x̄)). With r(x) = x / 2 and η = 1 every step adds
  // (x − x̄) / 2: x_t − x̄ grows by 3/2 per step instead of converging.
  auto gen = cpu_generator(15);
  const auto start = torch::rand({2, 4}, gen);
  const auto anchor = torch::rand({1, 4}, gen);
  const TensorMap reconstruct = [](const torch::Tensor& x) { return x / 2; };
  ManifoldAscentOptions options;
  options.step = 1.0;
  options.iterations = 3;
  options.anchor = anchor;
  const auto result = manifold_ascent(start, reconstruct, options);
  const auto expected = anchor + (start - anchor) * std::pow(1.5, 3);
  EXPECT_TRUE(torch::allclose(result.iterates[3], expected, 1e-5, 1e-5));
  // The residual is still ‖r(x) − x‖ = ‖x‖ / 2.
  EXPECT_TRUE(torch::allclose(result.residual_norms[3].to(torch::kFloat32),
                              result.iterates[3].norm(2, 1) / 2, 1e-5, 1e-5));
}

}  // namespace
}  // namespace aerepro::analysis
