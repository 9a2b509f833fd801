// Every row records whether the run used deterministic algorithms: CPU rows always, CUDA rows
// only when the run asked for them (--deterministic). Recording needs no GPU: the made-up claim
// never touches the device.
#include "results/claim_runner.h"
#include "results/results_csv.h"
#include "test_files.h"

#include <gtest/gtest.h>

namespace aerepro::results {
namespace {

claims::Claim constant_claim() {
  claims::Claim claim;
  claim.id = "test.constant";
  claim.source = "S9.9";
  claim.sentence = "one is one";
  claim.evaluate = [](claims::ClaimContext& context) {
    context.dataset_checksum = "none";
    return std::vector<claims::Measurement>{{"one", 1.0, 1.0}};
  };
  claim.assertions = {{"one", claims::Comparison::greater, 0.5, 0.5, 1.0, ""}};
  return claim;
}

bool recorded_deterministic(const torch::Device& device, bool deterministic_algorithms) {
  aerepro::testing::TempDir dir;
  RunOptions options;
  options.results_root = dir.path();
  options.seeds = 1;
  options.device = device;
  options.deterministic_algorithms = deterministic_algorithms;
  const auto rows = read_results_csv(run_claim(constant_claim(), options).file);
  EXPECT_EQ(rows.size(), 1u);
  return !rows.empty() && rows[0].deterministic;
}

TEST(DeterministicRecord, CpuRowsAreDeterministic) {
  EXPECT_TRUE(recorded_deterministic(torch::kCPU, false));
}

TEST(DeterministicRecord, CudaRowsAreDeterministicOnlyWhenAsked) {
  EXPECT_FALSE(recorded_deterministic(torch::Device("cuda:0"), false));
  EXPECT_TRUE(recorded_deterministic(torch::Device("cuda:0"), true));
}

}  // namespace
}  // namespace aerepro::results
