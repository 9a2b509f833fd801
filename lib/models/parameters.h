// Parameter counting, to check every model against its source's PyTorch definition.
#pragma once
#include <torch/torch.h>

#include <cstdint>

namespace aerepro::models {

// The number of trainable scalars (requires_grad) in `module` and its submodules; buffers such
// as BatchNorm's running statistics are not parameters and are not counted.
int64_t count_parameters(const torch::nn::Module& module);

}  // namespace aerepro::models
