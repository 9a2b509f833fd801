#include "analysis/chunked_inference.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace aerepro::analysis {
namespace {

TEST(ChunkedInference, VisitsEveryItemOnceInOrderWithoutGradients) {
  std::vector<std::pair<int64_t, int64_t>> chunks;
  bool grad_enabled = true;
  for_each_chunk(10, 4, [&](int64_t start, int64_t count) {
    chunks.emplace_back(start, count);
    grad_enabled = grad_enabled && torch::GradMode::is_enabled();
  });
  EXPECT_EQ(chunks, (std::vector<std::pair<int64_t, int64_t>>{{0, 4}, {4, 4}, {8, 2}}));
  EXPECT_FALSE(grad_enabled);
  EXPECT_TRUE(torch::GradMode::is_enabled());  // restored after
  int visits = 0;
  for_each_chunk(0, 4, [&](int64_t, int64_t) { ++visits; });
  EXPECT_EQ(visits, 0);
}

TEST(ChunkedInference, MapInChunksGivesTheOnePassValues) {
  const auto inputs = torch::arange(0, 7 * 3, torch::kFloat32).reshape({7, 3});
  const auto map = [](const torch::Tensor& x) { return (x * 2 + 1).sum(1); };
  const auto chunked = map_in_chunks(map, inputs, 3);
  EXPECT_TRUE(torch::equal(chunked, map(inputs)));
  EXPECT_FALSE(chunked.requires_grad());
  EXPECT_EQ(map_in_chunks(map, inputs.narrow(0, 0, 0), 3).size(0), 0);
}

TEST(ChunkedInference, ANonPositiveChunkIsAnError) {
  EXPECT_THROW(for_each_chunk(5, 0, [](int64_t, int64_t) {}), std::invalid_argument);
  EXPECT_THROW(map_in_chunks([](const torch::Tensor& x) { return x; }, torch::zeros({2}), -1),
               std::invalid_argument);
}

}  // namespace
}  // namespace aerepro::analysis
