// lib/analysis, PCA (S2.1's linear baseline) on small synthetic data (timings on MNIST-sized
// data: benchmarks/analysis_benchmark.cpp).
#include "analysis/pca.h"
#include "analysis_generator.h"
#include "common/error.h"

#include <tuple>
#include <vector>

#include <gtest/gtest.h>

namespace aerepro::analysis {
namespace {

using checks::cpu_generator;

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

}  // namespace
}  // namespace aerepro::analysis
