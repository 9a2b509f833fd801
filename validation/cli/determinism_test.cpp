// Determinism (issue 7): the same smoke claim, seed, profile and thread count gives
// bit-identical result values across runs, whether the models are trained, loaded from their
// checkpoints, or retrained after the checkpoints are deleted.
#include "smoke_run.h"
#include "test_files.h"

#include <gtest/gtest.h>

namespace aerepro::testing {
namespace {

TEST(ReliabilityDeterminism, SmokeClaimIsBitIdenticalAcrossRerunsLoadingAndRetraining) {
  TempDir dir;
  const SmokeRun trained{dir / "results-1", dir / "checkpoints"};
  const SmokeRun loaded{dir / "results-2", dir / "checkpoints"};
  const SmokeRun retrained{dir / "results-3", dir / "checkpoints"};

  const auto first = trained.run();
  ASSERT_EQ(first.exit_code, 0) << first.all();
  ASSERT_FALSE(std::filesystem::is_empty(dir / "checkpoints")) << "the claim saved no model";
  const auto reference = trained.rows();
  ASSERT_FALSE(reference.empty());
  for (const auto& row : reference) {
    EXPECT_TRUE(row.deterministic) << "CPU rows are recorded as deterministic";
    EXPECT_EQ(row.threads, 1);
    EXPECT_TRUE(row.note.empty()) << row.note;
  }

  const auto second = loaded.run();  // same checkpoints: the models are loaded
  ASSERT_EQ(second.exit_code, 0) << second.all();
  EXPECT_EQ(compare_rows(reference, loaded.rows()), "");

  // Retrained from scratch, with --deterministic (LibTorch's deterministic algorithms: a no-op
  // for these CPU operations, so the values must not move either).
  std::filesystem::remove_all(dir / "checkpoints");
  auto args = retrained.args();
  args.push_back("--deterministic");
  const auto third = run_cli(args, retrained.env());
  ASSERT_EQ(third.exit_code, 0) << third.all();
  ASSERT_FALSE(std::filesystem::is_empty(dir / "checkpoints"));
  EXPECT_EQ(compare_rows(reference, retrained.rows()), "");
}

}  // namespace
}  // namespace aerepro::testing
