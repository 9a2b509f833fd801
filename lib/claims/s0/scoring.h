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

// The same loop, with what its log shows (000:114-164): a swap "occurs" (is printed) when its
// accuracy beats the best seen so far (000:658-663).
struct SwapReplay {
  double best = 0;                  // the best accuracy seen: what greedy_swap_accuracy returns
  int64_t visited = 0;              // the points the loop visits: min(visited, N)
  int64_t improving_swaps = 0;      // the swaps that raised the best accuracy
  int64_t last_improving_swap = 0;  // 1-based index of the visited point whose swap last raised it
                                    // (0: none did)
};
SwapReplay replay_greedy_swaps(const torch::Tensor& clusters, const torch::Tensor& labels,
                               int64_t visited, int64_t classes = 10);

}  // namespace aerepro::claims::s0
