// Shared by the analysis_*_test.cpp files (lib/analysis): the seeded CPU generator each test
// draws its synthetic data from.
#pragma once
#include "common/compat.h"

#include <torch/torch.h>

#include <cstdint>

namespace aerepro::analysis::checks {

inline at::Generator cpu_generator(uint64_t seed) {
  return compat::make_generator(torch::kCPU, seed);
}

}  // namespace aerepro::analysis::checks
