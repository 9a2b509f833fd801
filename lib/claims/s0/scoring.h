// S0's own way of scoring k-means clusters (000:638-665), replayed as the report's code ran it.
#pragma once
#include <torch/torch.h>

#include <cstdint>

namespace aerepro::claims::s0 {

// S0.7 as made: starting from the raw cluster ids read as labels, for each of the first
// `visited` points whose current id differs from its label, the two ids are swapped throughout
// (every tried swap is kept: the report's temp_label aliases the array), and the accuracy over
// all points is scored after each swap. Returns the best accuracy seen, the number the report
// prints — a one-to-one accuracy, never above the Hungarian one. `clusters` and `labels` are
// (N) integer tensors with values in [0, classes); UsageError otherwise.
double greedy_swap_accuracy(const torch::Tensor& clusters, const torch::Tensor& labels,
                            int64_t visited, int64_t classes = 10);

}  // namespace aerepro::claims::s0
