#include "analysis/metrics.h"

#include "common/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace aerepro::analysis {
namespace {

void check_same_shape(const torch::Tensor& a, const torch::Tensor& b, const char* what) {
  if (!a.defined() || !b.defined()) throw UsageError(fmt::format("{}: undefined tensor", what));
  if (a.sizes() != b.sizes()) {
    throw UsageError(
        fmt::format("{}: shapes differ, {} vs {}", what, c10::str(a.sizes()), c10::str(b.sizes())));
  }
}

}  // namespace

torch::Tensor per_image_squared_error(const torch::Tensor& a, const torch::Tensor& b) {
  check_same_shape(a, b, "per_image_squared_error");
  if (a.dim() < 1) throw UsageError("per_image_squared_error: expected a batch (N, ...)");
  torch::NoGradGuard no_grad;
  return (a - b).pow(2).reshape({a.size(0), -1}).sum(1);
}

double mean_squared_error(const torch::Tensor& a, const torch::Tensor& b) {
  check_same_shape(a, b, "mean_squared_error");
  if (a.numel() == 0) throw UsageError("mean_squared_error: empty tensors");
  torch::NoGradGuard no_grad;
  return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).pow(2).mean().item<double>();
}

double active_fraction(const torch::Tensor& hidden, double threshold) {
  if (!hidden.defined() || hidden.numel() == 0) {
    throw UsageError("active_fraction: no activations");
  }
  torch::NoGradGuard no_grad;
  return (hidden > threshold).to(torch::kFloat64).mean().item<double>();  // S2.6
}

torch::Tensor filter_images(const torch::Tensor& weight, int64_t count) {
  if (!weight.defined() || weight.dim() != 2) {
    throw UsageError("filter_images: the weight must be a (H, D) matrix");
  }
  const int64_t side = static_cast<int64_t>(std::lround(std::sqrt(weight.size(1))));
  if (side * side != weight.size(1)) {
    throw UsageError(
        fmt::format("filter_images: rows of {} values are not square images", weight.size(1)));
  }
  if (count < 1 || count > weight.size(0)) {
    throw UsageError(
        fmt::format("filter_images: count must lie in [1, {}], got {}", weight.size(0), count));
  }
  torch::NoGradGuard no_grad;
  auto rows = weight.narrow(0, 0, count).to(torch::kFloat32);  // S2.5
  const auto low = std::get<0>(rows.min(1, /*keepdim=*/true));
  const auto range = std::get<0>(rows.max(1, /*keepdim=*/true)) - low;
  auto scaled =
      torch::where(range > 0, (rows - low) / range.clamp_min(1e-30), torch::zeros_like(rows));
  return scaled.reshape({count, 1, side, side});
}

torch::Tensor nearest_neighbour_distance(const torch::Tensor& queries,
                                         const torch::Tensor& reference, int64_t chunk_elements) {
  if (!queries.defined() || !reference.defined() || queries.dim() < 1 || reference.dim() < 1) {
    throw UsageError("nearest_neighbour_distance: expected batches (M, ...) and (N, ...)");
  }
  if (reference.size(0) == 0) throw UsageError("nearest_neighbour_distance: empty reference");
  torch::NoGradGuard no_grad;
  const auto dtype =
      at::isFloatingType(reference.scalar_type()) ? reference.scalar_type() : torch::kFloat32;
  const auto ref = reference.reshape({reference.size(0), -1}).to(dtype);
  const auto q = queries.reshape({queries.size(0), -1}).to(ref.device(), dtype);
  if (q.size(1) != ref.size(1)) {
    throw UsageError(
        fmt::format("nearest_neighbour_distance: queries have {} values each, the "
                    "reference {}",
                    q.size(1), ref.size(1)));
  }
  const int64_t m = q.size(0);
  const auto ref_norms = ref.pow(2).sum(1).unsqueeze(0);  // (1, N)
  const int64_t chunk = std::max<int64_t>(1, chunk_elements / ref.size(0));
  auto nearest = torch::empty({m}, torch::TensorOptions().dtype(torch::kInt64).device(q.device()));
  for (int64_t start = 0; start < m; start += chunk) {
    const int64_t len = std::min(chunk, m - start);
    const auto block = q.narrow(0, start, len);
    // ‖q‖² is constant per row: the argmin needs only ‖r‖² − 2 q·rᵀ.
    const auto partial = torch::addmm(ref_norms, block, ref.t(), /*beta=*/1, /*alpha=*/-2);
    nearest.narrow(0, start, len).copy_(partial.argmin(1));
  }
  // The exact distance to the neighbour found.
  return (q - ref.index_select(0, nearest)).pow(2).sum(1).sqrt();
}

}  // namespace aerepro::analysis
