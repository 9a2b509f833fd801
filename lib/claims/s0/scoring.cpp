#include "claims/s0/scoring.h"

#include "analysis/cluster_mapping.h"
#include "common/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace aerepro::claims::s0 {

double greedy_swap_accuracy(const torch::Tensor& clusters, const torch::Tensor& labels,
                            int64_t visited, int64_t classes) {
  return replay_greedy_swaps(clusters, labels, visited, classes).best;
}

SwapReplay replay_greedy_swaps(const torch::Tensor& clusters_in, const torch::Tensor& labels_in,
                               int64_t visited, int64_t classes) {
  // Checks the arguments (ranges, lengths) and counts the points of each (cluster, label).
  const auto confusion = analysis::confusion_matrix(clusters_in, labels_in, classes, classes);
  const auto clusters = clusters_in.to(torch::kCPU, torch::kInt64).contiguous();
  const auto labels = labels_in.to(torch::kCPU, torch::kInt64).contiguous();
  const auto ids = clusters.accessor<int64_t, 1>();
  const auto truth = labels.accessor<int64_t, 1>();
  const auto counts = confusion.accessor<int64_t, 2>();
  const int64_t n = clusters.size(0);
  if (visited < 0) throw UsageError(fmt::format("replay_greedy_swaps: visited {} < 0", visited));
  // The current label of every point is current[its original cluster id]: a swap of two ids
  // throughout the array is a swap of two values of `current`.
  std::vector<int64_t> current(classes);
  for (int64_t c = 0; c < classes; ++c) current[c] = c;
  const auto accuracy = [&] {
    int64_t matched = 0;
    for (int64_t c = 0; c < classes; ++c) matched += counts[c][current[c]];
    return static_cast<double>(matched) / static_cast<double>(n);
  };
  SwapReplay replay;
  replay.best = accuracy();
  replay.visited = std::min(visited, n);
  for (int64_t i = 0; i < replay.visited; ++i) {
    const int64_t predicted = current[ids[i]];
    const int64_t correct = truth[i];
    if (predicted == correct) continue;
    for (auto& id : current) {
      if (id == predicted) {
        id = correct;
      } else if (id == correct) {
        id = predicted;
      }
    }
    const double after = accuracy();
    if (after > replay.best) {  // 000:658-661: a better score is printed, "Swap Occured!"
      replay.best = after;
      ++replay.improving_swaps;
      replay.last_improving_swap = i + 1;
    }
  }
  return replay;
}

}  // namespace aerepro::claims::s0
