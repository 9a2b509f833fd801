// k-means clustering (S0.7, S1.3): k-means++ seeding and Lloyd iterations with torch ops on the
// points' device, n_init restarts keeping the lowest inertia (scikit-learn's KMeans).
#pragma once
#include <torch/torch.h>

#include <cstdint>

namespace aerepro::analysis {

// Defaults are S0.7 / S1.3's (k = 10, n_init = 10) and scikit-learn's (300 iterations, tol 1e-4).
struct KMeansOptions {
  int64_t k = 10;
  int64_t n_init = 10;           // restarts; the lowest-inertia run is kept (S1.3)
  int64_t max_iterations = 300;  // Lloyd iterations per restart
  // scikit-learn's meaning: a run stops when the summed squared centroid shift of an iteration
  // is <= tolerance × (mean per-feature variance of the points).
  double tolerance = 1e-4;
  uint64_t seed = 0;
};

struct KMeansResult {
  torch::Tensor labels;     // (N) int64, cluster of each point, on the points' device
  torch::Tensor centroids;  // (k, D), the points' dtype and device
  double inertia = 0;       // sum of squared distances of the points to their centroids
  int64_t iterations = 0;   // Lloyd iterations of the kept run
};

// Clusters `points` ((N, D) floating, any device; images are flattened). Seeding is
// scikit-learn's greedy k-means++ (2 + floor(ln k) candidates per centre); an empty cluster is
// re-seeded at the point farthest from its centroid. All randomness comes from one private
// generator seeded with options.seed. Throws UsageError on k < 1, k > N, n_init < 1,
// max_iterations < 1, negative tolerance or non-floating points.
KMeansResult kmeans_cluster(const torch::Tensor& points, const KMeansOptions& options = {});

}  // namespace aerepro::analysis
