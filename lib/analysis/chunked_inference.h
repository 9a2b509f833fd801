// A large set through a model a chunk of images at a time, without gradients: the evaluation
// passes of the claims (codes of a training set, per-image errors, test accuracy) hold one
// chunk's activations at once instead of the whole set's.
#pragma once
#include <torch/torch.h>

#include <cstdint>
#include <functional>

namespace aerepro::analysis {

// Calls visit(start, count) for consecutive chunks [start, start + count) of at most `chunk`
// of the `n` items, in order, under a NoGradGuard. `chunk` must be positive.
void for_each_chunk(int64_t n, int64_t chunk,
                    const std::function<void(int64_t start, int64_t count)>& visit);

// map(inputs[start : start + count]) for each chunk of `inputs`' first dimension, concatenated
// along it (no gradients): the same values as one map(inputs) pass would give up to the
// kernels' per-size choices.
torch::Tensor map_in_chunks(const std::function<torch::Tensor(const torch::Tensor&)>& map,
                            const torch::Tensor& inputs, int64_t chunk);

}  // namespace aerepro::analysis
