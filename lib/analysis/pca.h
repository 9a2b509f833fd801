// Principal component analysis, the linear baseline of S2.1: fit on training pixels, project and
// reconstruct with the top-k eigenvectors of the covariance.
#pragma once
#include <torch/torch.h>

#include <cstdint>

namespace aerepro::analysis {

// A fitted PCA (S2.1). Tensors are float64 on the CPU; project/reconstruct move them to the
// input's device and return the input's floating dtype.
struct PcaModel {
  torch::Tensor mean;                      // (D) per-pixel training mean
  torch::Tensor components;                // (D, k) eigenvectors, by descending eigenvalue
  torch::Tensor eigenvalues;               // (k) covariance eigenvalues (variances), descending
  torch::Tensor explained_variance_ratio;  // (k) eigenvalue / total variance

  int64_t dimension() const { return components.size(0); }
  int64_t component_count() const { return components.size(1); }

  // (N, k) coordinates of (x - mean) in the component basis; x is (N, D) or (N, 1, 28, 28).
  torch::Tensor project(const torch::Tensor& x) const;
  // mean + (x - mean)·V·Vᵀ, in the input's shape. S2.1's slip drops the mean; we keep it.
  torch::Tensor reconstruct(const torch::Tensor& x) const;
};

// Fits PCA to `data` ((N, D) or (N, 1, 28, 28), any device): centre, covariance (a float64
// BLAS matmul on the data's device), eigen-decomposition with Eigen's SelfAdjointEigenSolver,
// keep the top `components`. Signs are fixed so that each component's largest-magnitude entry
// is positive (deterministic output). Throws UsageError on N < 2 or components outside [1, D].
PcaModel fit_pca(const torch::Tensor& data, int64_t components = 30);

}  // namespace aerepro::analysis
