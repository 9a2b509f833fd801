#include "analysis/kmeans.h"

#include "common/compat.h"
#include "common/error.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

namespace aerepro::analysis {
namespace {

// Squared distances up to the per-point constant ‖x‖²: ‖c‖² − 2·x·cᵀ, one addmm. (N, k)
torch::Tensor partial_squared_distances(const torch::Tensor& x, const torch::Tensor& centroids) {
  const auto centroid_norms = centroids.pow(2).sum(1).unsqueeze(0);
  return torch::addmm(centroid_norms, x, centroids.t(), /*beta=*/1, /*alpha=*/-2);
}

// Per-cluster sums of the points, (k, D).
torch::Tensor cluster_sums(const torch::Tensor& x, const torch::Tensor& labels, int64_t k) {
  return torch::zeros({k, x.size(1)}, x.options()).index_add_(0, labels, x);
}

// scikit-learn's greedy k-means++ (_kmeans_plusplus): the first centre uniformly at random, then
// each next one the best (lowest potential) of 2 + floor(ln k) candidates sampled with
// probability ∝ squared distance to the nearest chosen centre. No host synchronisation.
torch::Tensor kmeans_plus_plus(const torch::Tensor& x, const torch::Tensor& x_norms, int64_t k,
                               at::Generator& gen) {
  const int64_t n = x.size(0);
  const int64_t trials = 2 + static_cast<int64_t>(std::log(static_cast<double>(k)));
  const auto index_options = torch::TensorOptions().dtype(torch::kInt64).device(x.device());
  auto chosen = torch::empty({k}, index_options);
  auto first = torch::randint(n, {1}, gen, index_options);
  chosen.narrow(0, 0, 1).copy_(first);
  auto closest = (x - x.index_select(0, first)).pow(2).sum(1);  // (N)
  for (int64_t c = 1; c < k; ++c) {
    auto cumulative = closest.cumsum(0);
    auto thresholds = torch::rand({trials}, gen, x.options()) * cumulative.narrow(0, n - 1, 1);
    auto candidates = torch::searchsorted(cumulative, thresholds).clamp_max_(n - 1);
    auto candidate_points = x.index_select(0, candidates);  // (trials, D)
    auto distances = partial_squared_distances(x, candidate_points)
                         .add_(x_norms.unsqueeze(1))
                         .clamp_min_(0);                      // (N, trials)
    auto updated = torch::minimum(distances, closest.unsqueeze(1));  // (N, trials)
    auto best = updated.sum(0).argmin().reshape({1});
    closest = updated.index_select(1, best).squeeze(1);
    chosen.narrow(0, c, 1).copy_(candidates.index_select(0, best));
  }
  return x.index_select(0, chosen);
}

struct Run {
  torch::Tensor labels;
  torch::Tensor centroids;
  double inertia = 0;
  int64_t iterations = 0;
};

// Lloyd iterations from `centroids` until the squared centroid shift is <= tolerance.
Run lloyd(const torch::Tensor& x, const torch::Tensor& x_norms, torch::Tensor centroids,
          const KMeansOptions& options, double tolerance) {
  const int64_t k = options.k;
  Run run;
  for (run.iterations = 1; run.iterations <= options.max_iterations; ++run.iterations) {
    auto [partial, labels] = partial_squared_distances(x, centroids).min(1);
    auto counts = torch::bincount(labels, {}, k);
    auto sums = cluster_sums(x, labels, k);
    const auto empty = counts == 0;
    const int64_t empty_count = empty.sum().item<int64_t>();
    if (empty_count > 0) {
      // scikit-learn's relocation: each empty cluster takes one of the points farthest from
      // their centroids, which leave their old clusters.
      auto farthest = std::get<1>((partial + x_norms).topk(empty_count));
      auto moved = x.index_select(0, farthest);
      auto old = labels.index_select(0, farthest);
      sums.index_add_(0, old, -moved);
      counts.index_add_(0, old, -torch::ones_like(old));
      auto empty_ids = empty.nonzero().squeeze(1);
      sums.index_copy_(0, empty_ids, moved);
      counts.index_fill_(0, empty_ids, 1);
    }
    auto updated = sums / counts.clamp_min(1).unsqueeze(1).to(x.scalar_type());
    const double shift = (updated - centroids).pow(2).sum().item<double>();
    centroids = updated;
    if (shift <= tolerance) break;
  }
  run.iterations = std::min(run.iterations, options.max_iterations);
  // Labels and inertia consistent with the final centroids (as scikit-learn does).
  auto [partial, labels] = partial_squared_distances(x, centroids).min(1);
  run.inertia = (partial + x_norms).clamp_min_(0).sum().item<double>();
  run.labels = labels;
  run.centroids = centroids;
  return run;
}

}  // namespace

KMeansResult kmeans_cluster(const torch::Tensor& points, const KMeansOptions& options) {
  if (!points.defined() || points.dim() < 2) {
    throw UsageError("kmeans_cluster: points must be (N, D) (or images, flattened)");
  }
  if (!at::isFloatingType(points.scalar_type())) {
    throw UsageError(fmt::format("kmeans_cluster: points must be floating point, got {}",
                                 c10::toString(points.scalar_type())));
  }
  const int64_t n = points.size(0);
  if (options.k < 1 || options.k > n) {
    throw UsageError(fmt::format("kmeans_cluster: k must lie in [1, N = {}], got {}", n, options.k));
  }
  if (options.n_init < 1) throw UsageError("kmeans_cluster: n_init must be at least 1");
  if (options.max_iterations < 1) throw UsageError("kmeans_cluster: max_iterations must be >= 1");
  if (!(options.tolerance >= 0)) throw UsageError("kmeans_cluster: tolerance must be >= 0");

  torch::NoGradGuard no_grad;
  auto x = points.reshape({n, -1});
  // Centre the points as scikit-learn does: the ‖x‖² − 2x·c + ‖c‖² expansion loses less precision.
  const auto mean = x.mean(0);
  x = (x - mean).contiguous();
  const auto x_norms = x.pow(2).sum(1);
  const double tolerance = options.tolerance * x.var(0, /*unbiased=*/false).mean().item<double>();

  auto gen = compat::make_generator(x.device(), options.seed);
  Run best;
  best.inertia = std::numeric_limits<double>::infinity();
  for (int64_t init = 0; init < options.n_init; ++init) {
    auto seeds = kmeans_plus_plus(x, x_norms, options.k, gen);
    Run run = lloyd(x, x_norms, seeds, options, tolerance);
    if (run.inertia < best.inertia || !best.labels.defined()) best = std::move(run);
  }
  return {best.labels, best.centroids + mean, best.inertia, best.iterations};
}

}  // namespace aerepro::analysis
