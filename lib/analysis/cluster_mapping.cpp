#include "analysis/cluster_mapping.h"

#include "common/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace aerepro::analysis {
namespace {

torch::Tensor as_ids(const torch::Tensor& ids, const char* what, const char* name) {
  if (!ids.defined() || ids.dim() != 1) {
    throw UsageError(fmt::format("{}: {} must be a 1-D tensor", what, name));
  }
  if (at::isFloatingType(ids.scalar_type()) || ids.scalar_type() == torch::kBool) {
    throw UsageError(fmt::format("{}: {} must hold integer ids", what, name));
  }
  return ids.to(torch::kCPU, torch::kInt64).contiguous();
}

// The confusion matrix with k / classes resolved and every argument checked.
torch::Tensor checked_confusion(const torch::Tensor& clusters_in, const torch::Tensor& labels_in,
                                int64_t k, int64_t classes, const char* what) {
  const auto clusters = as_ids(clusters_in, what, "clusters");
  const auto labels = as_ids(labels_in, what, "labels");
  if (clusters.size(0) != labels.size(0)) {
    throw UsageError(
        fmt::format("{}: {} clusters but {} labels", what, clusters.size(0), labels.size(0)));
  }
  if (clusters.numel() == 0) throw UsageError(fmt::format("{}: no points", what));
  const int64_t cluster_min = clusters.min().item<int64_t>();
  const int64_t cluster_max = clusters.max().item<int64_t>();
  const int64_t label_min = labels.min().item<int64_t>();
  const int64_t label_max = labels.max().item<int64_t>();
  if (k <= 0) k = cluster_max + 1;
  if (classes <= 0) classes = label_max + 1;
  if (cluster_min < 0 || cluster_max >= k) {
    throw UsageError(fmt::format("{}: cluster ids must lie in [0, {}), found [{}, {}]", what, k,
                                 cluster_min, cluster_max));
  }
  if (label_min < 0 || label_max >= classes) {
    throw UsageError(fmt::format("{}: labels must lie in [0, {}), found [{}, {}]", what, classes,
                                 label_min, label_max));
  }
  return torch::bincount(clusters * classes + labels, {}, k * classes).view({k, classes});
}

double accuracy_of(const torch::Tensor& confusion, const torch::Tensor& mapping) {
  const auto counts = confusion.accessor<int64_t, 2>();
  const auto map = mapping.accessor<int64_t, 1>();
  int64_t matched = 0;
  int64_t total = 0;
  for (int64_t c = 0; c < confusion.size(0); ++c) {
    for (int64_t l = 0; l < confusion.size(1); ++l) total += counts[c][l];
    if (map[c] >= 0) matched += counts[c][map[c]];
  }
  return static_cast<double>(matched) / static_cast<double>(total);
}

torch::Tensor majority_of(const torch::Tensor& confusion) {
  const auto counts = confusion.accessor<int64_t, 2>();
  auto mapping = torch::full({confusion.size(0)}, -1, torch::kInt64);
  auto map = mapping.accessor<int64_t, 1>();
  for (int64_t c = 0; c < confusion.size(0); ++c) {
    int64_t best = 0;
    for (int64_t l = 0; l < confusion.size(1); ++l) {
      if (counts[c][l] > best) {
        best = counts[c][l];
        map[c] = l;
      }
    }
  }
  return mapping;
}

torch::Tensor hungarian_of(const torch::Tensor& confusion) {
  // Maximise matches = minimise −count.
  const auto assignment = hungarian_assignment(-confusion.to(torch::kFloat64));
  return torch::tensor(assignment, torch::kInt64);
}

}  // namespace

torch::Tensor confusion_matrix(const torch::Tensor& clusters, const torch::Tensor& labels,
                               int64_t k, int64_t classes) {
  return checked_confusion(clusters, labels, k, classes, "confusion_matrix");
}

torch::Tensor majority_mapping(const torch::Tensor& clusters, const torch::Tensor& labels,
                               int64_t k, int64_t classes) {
  return majority_of(checked_confusion(clusters, labels, k, classes, "majority_mapping"));
}

double majority_accuracy(const torch::Tensor& clusters, const torch::Tensor& labels, int64_t k,
                         int64_t classes) {
  const auto confusion = checked_confusion(clusters, labels, k, classes, "majority_accuracy");
  return accuracy_of(confusion, majority_of(confusion));
}

std::vector<int64_t> hungarian_assignment(const torch::Tensor& cost_in) {
  if (!cost_in.defined() || cost_in.dim() != 2) {
    throw UsageError("hungarian_assignment: the cost must be a 2-D matrix");
  }
  const int64_t rows = cost_in.size(0);
  const int64_t cols = cost_in.size(1);
  if (rows == 0) return {};
  const int64_t n = std::max(rows, cols);
  const auto cost = cost_in.to(torch::kCPU, torch::kFloat64).contiguous();
  if (!torch::isfinite(cost).all().item<bool>()) {
    throw UsageError("hungarian_assignment: the cost matrix holds NaN or infinite entries");
  }
  const auto c = cost.accessor<double, 2>();
  auto a = [&](int64_t i, int64_t j) {  // 1-based, zero-padded to n×n
    return (i <= rows && j <= cols) ? c[i - 1][j - 1] : 0.0;
  };
  // Kuhn–Munkres with potentials (shortest augmenting paths), O(n³).
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1, 0.0), v(n + 1, 0.0);
  std::vector<int64_t> match(n + 1, 0), way(n + 1, 0);  // match[j]: row of column j
  for (int64_t i = 1; i <= n; ++i) {
    match[0] = i;
    int64_t j0 = 0;
    std::vector<double> min_reduced(n + 1, inf);
    std::vector<char> used(n + 1, 0);
    do {
      used[j0] = 1;
      const int64_t i0 = match[j0];
      double delta = inf;
      int64_t j1 = 0;
      for (int64_t j = 1; j <= n; ++j) {
        if (used[j]) continue;
        const double reduced = a(i0, j) - u[i0] - v[j];
        if (reduced < min_reduced[j]) {
          min_reduced[j] = reduced;
          way[j] = j0;
        }
        if (min_reduced[j] < delta) {
          delta = min_reduced[j];
          j1 = j;
        }
      }
      for (int64_t j = 0; j <= n; ++j) {
        if (used[j]) {
          u[match[j]] += delta;
          v[j] -= delta;
        } else {
          min_reduced[j] -= delta;
        }
      }
      j0 = j1;
    } while (match[j0] != 0);
    do {
      const int64_t j1 = way[j0];
      match[j0] = match[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  std::vector<int64_t> assignment(rows, -1);
  for (int64_t j = 1; j <= n; ++j) {
    if (match[j] >= 1 && match[j] <= rows && j <= cols) assignment[match[j] - 1] = j - 1;
  }
  return assignment;
}

torch::Tensor hungarian_mapping(const torch::Tensor& clusters, const torch::Tensor& labels,
                                int64_t k, int64_t classes) {
  return hungarian_of(checked_confusion(clusters, labels, k, classes, "hungarian_mapping"));
}

double hungarian_accuracy(const torch::Tensor& clusters, const torch::Tensor& labels, int64_t k,
                          int64_t classes) {
  const auto confusion = checked_confusion(clusters, labels, k, classes, "hungarian_accuracy");
  return accuracy_of(confusion, hungarian_of(confusion));
}

double normalized_mutual_information(const torch::Tensor& clusters, const torch::Tensor& labels) {
  const auto confusion = checked_confusion(clusters, labels, 0, 0, "normalized_mutual_information")
                             .to(torch::kFloat64);
  const double n = confusion.sum().item<double>();
  const auto joint = confusion / n;
  const auto p_cluster = joint.sum(1);
  const auto p_label = joint.sum(0);
  const int64_t used_clusters = (p_cluster > 0).sum().item<int64_t>();
  const int64_t used_labels = (p_label > 0).sum().item<int64_t>();
  if (used_clusters == 1 && used_labels == 1) return 1.0;  // scikit-learn's convention
  auto entropy = [](const torch::Tensor& p) {
    const auto nz = p.masked_select(p > 0);
    return -(nz * nz.log()).sum().item<double>();
  };
  const auto outer = p_cluster.unsqueeze(1) * p_label.unsqueeze(0);
  const auto nonzero = joint > 0;
  const auto pj = joint.masked_select(nonzero);
  const double mutual = (pj * (pj / outer.masked_select(nonzero)).log()).sum().item<double>();
  if (mutual <= 0) return 0.0;
  const double normaliser = std::max(0.5 * (entropy(p_cluster) + entropy(p_label)),
                                     std::numeric_limits<double>::epsilon());
  return std::min(mutual / normaliser, 1.0);
}

}  // namespace aerepro::analysis
