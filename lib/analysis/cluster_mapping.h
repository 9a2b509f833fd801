// From cluster ids to class labels (S0.7, S1.3): confusion matrix, per-cluster majority vote,
// the one-to-one Hungarian assignment, and normalised mutual information.
#pragma once
#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace aerepro::analysis {

// Arguments shared below: `clusters` and `labels` are (N) integer tensors (any device) with
// values in [0, k) and [0, classes); k or classes <= 0 means "max value + 1". Out-of-range ids or
// a length mismatch throw UsageError.

// (k, classes) int64 on the CPU: entry (c, l) counts the points of cluster c with label l.
torch::Tensor confusion_matrix(const torch::Tensor& clusters, const torch::Tensor& labels,
                               int64_t k = 0, int64_t classes = 0);

// S1.3: each cluster → its most frequent label (many-to-one; ties → smaller label; a cluster
// with no points → -1). (k) int64 on the CPU.
torch::Tensor majority_mapping(const torch::Tensor& clusters, const torch::Tensor& labels,
                               int64_t k = 0, int64_t classes = 0);
// Fraction of points whose cluster's majority label is their label.
double majority_accuracy(const torch::Tensor& clusters, const torch::Tensor& labels, int64_t k = 0,
                         int64_t classes = 0);

// Kuhn–Munkres (Hungarian) assignment in O(n³) minimising the total cost of a (rows, cols)
// float cost matrix; a non-square matrix is padded with zero-cost dummies to square. Returns,
// for each row, its column, or -1 where the row got a dummy column (rows > cols).
std::vector<int64_t> hungarian_assignment(const torch::Tensor& cost);

// S0.7 done exactly: the one-to-one cluster → label assignment maximising the matched points
// (Hungarian on the confusion matrix). (k) int64 on the CPU; -1 for clusters left unmatched
// when k > classes.
torch::Tensor hungarian_mapping(const torch::Tensor& clusters, const torch::Tensor& labels,
                                int64_t k = 0, int64_t classes = 0);
// Fraction of points whose cluster is assigned their label by hungarian_mapping.
double hungarian_accuracy(const torch::Tensor& clusters, const torch::Tensor& labels, int64_t k = 0,
                          int64_t classes = 0);

// Mutual information normalised by the arithmetic mean of the two entropies (scikit-learn's
// default normalized_mutual_info_score): 1 for identical partitions up to renaming, ≈0 for
// independent ones; 1 when both are a single cluster.
double normalized_mutual_information(const torch::Tensor& clusters, const torch::Tensor& labels);

}  // namespace aerepro::analysis
