#include "analysis/pca.h"

#include "common/error.h"

#include <fmt/format.h>
#include <Eigen/Dense>

namespace aerepro::analysis {
namespace {

using RowMajorMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// (N, D) view of a batch of vectors or images.
torch::Tensor as_rows(const torch::Tensor& x, const char* what) {
  if (!x.defined() || x.dim() < 2) {
    throw UsageError(fmt::format("{}: expected (N, D) or (N, 1, H, W) data, got {} dimensions",
                                 what, x.defined() ? x.dim() : 0));
  }
  return x.reshape({x.size(0), -1});
}

void check_dimension(const PcaModel& model, const torch::Tensor& rows, const char* what) {
  if (!model.components.defined()) throw UsageError(fmt::format("{}: the PCA is not fitted", what));
  if (rows.size(1) != model.dimension()) {
    throw UsageError(fmt::format("{}: inputs have {} features, the PCA was fitted on {}", what,
                                 rows.size(1), model.dimension()));
  }
}

// The input's floating dtype (float32 for integer inputs).
torch::ScalarType result_dtype(const torch::Tensor& x) {
  return at::isFloatingType(x.scalar_type()) ? x.scalar_type() : torch::kFloat32;
}

}  // namespace

PcaModel fit_pca(const torch::Tensor& data, int64_t components) {
  auto rows = as_rows(data, "fit_pca");
  const int64_t n = rows.size(0);
  const int64_t d = rows.size(1);
  if (n < 2) throw UsageError(fmt::format("fit_pca: needs at least 2 samples, got {}", n));
  if (components < 1 || components > d) {
    throw UsageError(fmt::format(
        "fit_pca: components must lie in [1, {}] (the data's dimension), got {}", d, components));
  }
  torch::NoGradGuard no_grad;
  // S2.1: centre, then the D×D covariance. OpenBLAS's float64 GEMM on the data's device does the
  // N·D² work (Eigen's own GEMM is several times slower at 60,000×784). Row blocks go through one
  // reused float64 buffer rather than a full float64 copy of the data (page faults on fresh
  // memory cost more than the arithmetic on the CI machine).
  const auto float64 = torch::TensorOptions().dtype(torch::kFloat64).device(rows.device());
  const auto mean = rows.sum(0, /*keepdim=*/false, torch::kFloat64).div_(static_cast<double>(n));
  auto covariance = torch::zeros({d, d}, float64);
  const int64_t block_rows = std::min<int64_t>(n, 4096);
  auto block = torch::empty({block_rows, d}, float64);
  for (int64_t start = 0; start < n; start += block_rows) {
    const int64_t len = std::min(block_rows, n - start);
    auto centred = block.narrow(0, 0, len);
    centred.copy_(rows.narrow(0, start, len)).sub_(mean);
    covariance.addmm_(centred.t(), centred);
  }
  covariance = covariance.div_(static_cast<double>(n - 1)).cpu().contiguous();

  // Symmetric: the row-major buffer is the same matrix read column-major.
  Eigen::Map<const Eigen::MatrixXd> cov(covariance.data_ptr<double>(), d, d);
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(cov, Eigen::ComputeEigenvectors);
  if (solver.info() != Eigen::Success) {
    throw Error("fit_pca: the eigen-decomposition of the covariance did not converge");
  }
  const Eigen::VectorXd& values = solver.eigenvalues();  // ascending
  const Eigen::MatrixXd& vectors = solver.eigenvectors();
  const double total_variance = values.cwiseMax(0.0).sum();

  RowMajorMatrix kept(d, components);
  Eigen::VectorXd kept_values(components);
  for (int64_t j = 0; j < components; ++j) {
    const int64_t source = d - 1 - j;  // descending eigenvalue
    Eigen::VectorXd v = vectors.col(source);
    Eigen::Index largest = 0;
    v.cwiseAbs().maxCoeff(&largest);
    if (v(largest) < 0) v = -v;
    kept.col(j) = v;
    kept_values(j) = std::max(values(source), 0.0);
  }

  PcaModel model;
  model.mean = mean.cpu();
  model.components = torch::from_blob(kept.data(), {d, components}, torch::kFloat64).clone();
  model.eigenvalues = torch::from_blob(kept_values.data(), {components}, torch::kFloat64).clone();
  model.explained_variance_ratio = total_variance > 0 ? model.eigenvalues / total_variance
                                                      : torch::zeros_like(model.eigenvalues);
  return model;
}

torch::Tensor PcaModel::project(const torch::Tensor& x) const {
  auto rows = as_rows(x, "PcaModel::project");
  check_dimension(*this, rows, "PcaModel::project");
  torch::NoGradGuard no_grad;
  const auto options = torch::TensorOptions().dtype(torch::kFloat64).device(x.device());
  auto centred = rows.to(torch::kFloat64) - mean.to(options);
  return centred.mm(components.to(options)).to(result_dtype(x));
}

torch::Tensor PcaModel::reconstruct(const torch::Tensor& x) const {
  auto rows = as_rows(x, "PcaModel::reconstruct");
  check_dimension(*this, rows, "PcaModel::reconstruct");
  torch::NoGradGuard no_grad;
  const auto options = torch::TensorOptions().dtype(torch::kFloat64).device(x.device());
  const auto v = components.to(options);
  const auto mu = mean.to(options);
  auto coded = (rows.to(torch::kFloat64) - mu).mm(v);
  return (coded.mm(v.t()) + mu).to(result_dtype(x)).reshape(x.sizes());  // S2.1, with the mean
}

}  // namespace aerepro::analysis
