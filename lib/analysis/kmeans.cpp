#include "analysis/kmeans.h"

#include "common/compat.h"
#include "common/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace aerepro::analysis {
namespace {

// Every N-sized buffer of a k-means call, allocated once and reused by all iterations and
// restarts (the `_out` ops below). Fresh multi-megabyte tensors each iteration made k-means 3–5×
// slower on the project's CI machine, where first-touch page faults are expensive.
// Distances are laid out (k, N) and (trials, N): the product centroids · xᵀ has the long
// dimension last, which OpenBLAS runs ~20× faster than the (N, k) one when D is small (4-d codes),
// and LibTorch 1.13's addmm with a broadcast bias is ~10× slower than mm + add_, so the norms are
// added separately.
struct Workspace {
  Workspace(const torch::Tensor& x, int64_t k, int64_t trials) {
    const int64_t n = x.size(0);
    const auto int_options = x.options().dtype(torch::kInt32);
    distances = torch::empty({k, n}, x.options());
    minima = torch::empty({n}, x.options());
    labels = torch::empty({n}, x.options().dtype(torch::kInt64));
    if (!x.is_cpu()) {
      hits = torch::empty({k, n}, x.options().dtype(torch::kBool));
      hit_weights = torch::empty({k, n}, int_options);
      first = torch::empty({n}, int_options);
      // (k, k−1, …, 1): the largest weight among a point's nearest centroids marks the first one.
      descending_ids = torch::arange(k, 0, -1, int_options).unsqueeze(1);
    }
    closest = torch::empty({1, n}, x.options());
    cumulative = torch::empty({n}, x.options());
    candidate_distances = torch::empty({trials, n}, x.options());
  }
  torch::Tensor distances, minima, labels;                 // assignment
  torch::Tensor hits, hit_weights, first, descending_ids;  // assignment, not on the CPU
  torch::Tensor closest, cumulative, candidate_distances;  // k-means++
};

// CPU: the nearest row of `distances` (k, N) for every column, first one on ties (argmin's rule),
// in one pass over the matrix instead of six tensor ops.
void nearest_rows_cpu(Workspace& ws) {
  const auto& d = ws.distances;
  const int64_t k = d.size(0);
  const int64_t n = d.size(1);
  AT_DISPATCH_FLOATING_TYPES(d.scalar_type(), "nearest_rows_cpu", [&] {
    const scalar_t* dist = d.data_ptr<scalar_t>();
    scalar_t* minima = ws.minima.data_ptr<scalar_t>();
    int64_t* labels = ws.labels.data_ptr<int64_t>();
    at::parallel_for(0, n, 4096, [&](int64_t begin, int64_t end) {
      for (int64_t i = begin; i < end; ++i) {
        minima[i] = dist[i];
        labels[i] = 0;
      }
      for (int64_t j = 1; j < k; ++j) {
        const scalar_t* row = dist + j * n;
        for (int64_t i = begin; i < end; ++i) {
          if (row[i] < minima[i]) {
            minima[i] = row[i];
            labels[i] = j;
          }
        }
      }
    });
  });
}

// Nearest centroid of every point into ws.labels (int64), and ws.minima = ‖c‖² − 2·x·c at that
// centroid (the squared distance less ‖x‖²). Ties go to the first centroid, as argmin's.
void assign_nearest(Workspace& ws, const torch::Tensor& x_t, const torch::Tensor& centroids) {
  const int64_t k = centroids.size(0);
  torch::mm_out(ws.distances, centroids * -2, x_t);
  ws.distances.add_(centroids.pow(2).sum(1).unsqueeze(1));
  if (ws.distances.is_cpu()) {
    nearest_rows_cpu(ws);
    return;
  }
  // Accelerators: reductions over the outer dimension, no host synchronisation.
  torch::amin_out(ws.minima, ws.distances, {0});
  torch::eq_out(ws.hits, ws.distances, ws.minima.unsqueeze(0));
  ws.hit_weights.copy_(ws.hits).mul_(ws.descending_ids);
  torch::amax_out(ws.first, ws.hit_weights, {0});
  ws.labels.copy_(ws.first).neg_().add_(k);
}

// Per-cluster sums of the points (k, D) and counts (k). CPU: one pass in double precision over
// fixed blocks of rows, added in block order, so the result does not depend on the thread count
// (index_put_ with accumulation, the generic route, is ~20× slower on 784-d rows).
std::pair<torch::Tensor, torch::Tensor> cluster_sums(const torch::Tensor& x,
                                                     const torch::Tensor& labels, int64_t k) {
  if (!x.is_cpu()) {
    return {torch::zeros({k, x.size(1)}, x.options()).index_put_({labels}, x, true),
            torch::bincount(labels, {}, k)};
  }
  constexpr int64_t block = 8192;
  const int64_t n = x.size(0);
  const int64_t dims = x.size(1);
  const int64_t blocks = (n + block - 1) / block;
  auto partial = torch::zeros({blocks, k, dims}, x.options().dtype(torch::kFloat64));
  auto partial_counts = torch::zeros({blocks, k}, x.options().dtype(torch::kInt64));
  AT_DISPATCH_FLOATING_TYPES(x.scalar_type(), "cluster_sums", [&] {
    const scalar_t* points = x.data_ptr<scalar_t>();
    const int64_t* label = labels.data_ptr<int64_t>();
    double* sums = partial.data_ptr<double>();
    int64_t* counts = partial_counts.data_ptr<int64_t>();
    at::parallel_for(0, blocks, 1, [&](int64_t first_block, int64_t last_block) {
      for (int64_t b = first_block; b < last_block; ++b) {
        double* block_sums = sums + b * k * dims;
        int64_t* block_counts = counts + b * k;
        for (int64_t i = b * block, end = std::min(n, (b + 1) * block); i < end; ++i) {
          double* to = block_sums + label[i] * dims;
          const scalar_t* from = points + i * dims;
          for (int64_t d = 0; d < dims; ++d) to[d] += static_cast<double>(from[d]);
          ++block_counts[label[i]];
        }
      }
    });
  });
  return {partial.sum(0).to(x.scalar_type()), partial_counts.sum(0)};
}

// scikit-learn's greedy k-means++ (_kmeans_plusplus): the first centre uniformly at random, then
// each next one the best (lowest potential) of `trials` = 2 + floor(ln k) candidates sampled with
// probability ∝ squared distance to the nearest chosen centre. No host synchronisation.
torch::Tensor kmeans_plus_plus(Workspace& ws, const torch::Tensor& x, const torch::Tensor& x_t,
                               const torch::Tensor& x_norms, int64_t k, at::Generator& gen) {
  const int64_t n = x.size(0);
  const int64_t trials = ws.candidate_distances.size(0);
  const auto index_options = x.options().dtype(torch::kInt64);
  // ‖x − c‖² for the candidates c (t, D) into `out` (t, N).
  auto squared_distances = [&](const torch::Tensor& candidates, torch::Tensor out) {
    torch::mm_out(out, candidates * -2, x_t);
    out.add_(candidates.pow(2).sum(1).unsqueeze(1)).add_(x_norms.unsqueeze(0)).clamp_min_(0);
  };
  auto chosen = torch::empty({k}, index_options);
  auto first = torch::randint(n, {1}, gen, index_options);
  chosen.narrow(0, 0, 1).copy_(first);
  squared_distances(x.index_select(0, first), ws.closest);
  const auto closest = ws.closest.squeeze(0);
  for (int64_t c = 1; c < k; ++c) {
    torch::cumsum_out(ws.cumulative, closest, 0);
    auto thresholds = torch::rand({trials}, gen, x.options()) * ws.cumulative.narrow(0, n - 1, 1);
    auto candidates = torch::searchsorted(ws.cumulative, thresholds).clamp_max_(n - 1);
    squared_distances(x.index_select(0, candidates), ws.candidate_distances);
    torch::minimum_out(ws.candidate_distances, ws.candidate_distances, ws.closest);
    auto best = ws.candidate_distances.sum(1).argmin().reshape({1});
    torch::index_select_out(ws.closest, ws.candidate_distances, 0, best);
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

// Lloyd iterations from `centroids` until the summed squared centroid shift is <= tolerance.
Run lloyd(Workspace& ws, const torch::Tensor& x, const torch::Tensor& x_t,
          const torch::Tensor& x_norms, torch::Tensor centroids, const KMeansOptions& options,
          double tolerance) {
  const int64_t k = options.k;
  Run run;
  for (run.iterations = 1; run.iterations <= options.max_iterations; ++run.iterations) {
    assign_nearest(ws, x_t, centroids);
    auto [sums, counts] = cluster_sums(x, ws.labels, k);
    const auto empty = counts == 0;
    // One host read per iteration (cheap on the CPU; a sync on accelerators).
    const int64_t empty_count = empty.sum().item<int64_t>();
    if (empty_count > 0) {
      // scikit-learn's relocation: each empty cluster takes one of the points farthest from
      // their centroids, which leave their old clusters.
      auto farthest = std::get<1>((ws.minima + x_norms).topk(empty_count));
      auto moved = x.index_select(0, farthest);
      auto old = ws.labels.index_select(0, farthest);
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
  assign_nearest(ws, x_t, centroids);
  run.inertia = (ws.minima + x_norms).clamp_min_(0).sum().item<double>();
  run.labels = ws.labels;  // cloned by the caller if kept
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
    throw UsageError(
        fmt::format("kmeans_cluster: k must lie in [1, N = {}], got {}", n, options.k));
  }
  if (options.n_init < 1) throw UsageError("kmeans_cluster: n_init must be at least 1");
  if (options.max_iterations < 1) throw UsageError("kmeans_cluster: max_iterations must be >= 1");
  if (!(options.tolerance >= 0)) throw UsageError("kmeans_cluster: tolerance must be >= 0");

  torch::NoGradGuard no_grad;
  const auto rows = points.reshape({n, -1});
  // Centre the points as scikit-learn does: the ‖x‖² − 2x·c + ‖c‖² expansion loses less precision.
  const auto mean = rows.mean(0);
  const auto x = (rows - mean).contiguous();
  const auto x_t = x.t();  // a transposed view: BLAS takes it as is
  // ‖x‖² without an (N, D) temporary; NaN or ±inf anywhere in a row shows here.
  const auto x_norms = at::linalg_vector_norm(x, 2, {1}, false, c10::nullopt).pow_(2);
  const double total = x_norms.sum().item<double>();
  if (!std::isfinite(total)) {
    throw UsageError("kmeans_cluster: points hold NaN or infinite (or too large) values");
  }
  // scikit-learn's tolerance: relative to the mean per-feature variance, which for centred
  // points is Σ‖x‖² / (N·D).
  const double tolerance = options.tolerance * total / static_cast<double>(x.numel());

  const int64_t trials = 2 + static_cast<int64_t>(std::log(static_cast<double>(options.k)));
  Workspace ws(x, options.k, trials);
  auto gen = compat::make_generator(x.device(), options.seed);
  Run best;
  best.inertia = std::numeric_limits<double>::infinity();
  for (int64_t init = 0; init < options.n_init; ++init) {
    auto seeds = kmeans_plus_plus(ws, x, x_t, x_norms, options.k, gen);
    Run run = lloyd(ws, x, x_t, x_norms, seeds, options, tolerance);
    if (run.inertia < best.inertia || !best.labels.defined()) {
      best = std::move(run);
      best.labels = best.labels.clone();
    }
  }
  return {best.labels, best.centroids + mean, best.inertia, best.iterations};
}

}  // namespace aerepro::analysis
