#include "analysis/chunked_inference.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace aerepro::analysis {

void for_each_chunk(int64_t n, int64_t chunk,
                    const std::function<void(int64_t start, int64_t count)>& visit) {
  if (chunk <= 0) {
    throw std::invalid_argument("for_each_chunk: chunk must be positive, got " +
                                std::to_string(chunk));
  }
  torch::NoGradGuard no_grad;
  for (int64_t start = 0; start < n; start += chunk) visit(start, std::min(chunk, n - start));
}

torch::Tensor map_in_chunks(const std::function<torch::Tensor(const torch::Tensor&)>& map,
                            const torch::Tensor& inputs, int64_t chunk) {
  if (inputs.size(0) == 0) {  // nothing to chunk: the map's own answer for no images
    torch::NoGradGuard no_grad;
    return map(inputs);
  }
  std::vector<torch::Tensor> parts;
  for_each_chunk(inputs.size(0), chunk, [&](int64_t start, int64_t count) {
    parts.push_back(map(inputs.narrow(0, start, count)));
  });
  return torch::cat(parts);
}

}  // namespace aerepro::analysis
