// Divergence (issue 7): a claim whose training blows up (NaN/Inf loss) fails with the epoch and
// the loss in its error and saves no checkpoint, and the next claim of the same run still runs.
#include "claims/claim_support.h"
#include "common/error.h"
#include "results/claim_runner.h"
#include "results/results_csv.h"
#include "test_files.h"
#include "tiny_autoencoder.h"
#include "train/objectives.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace aerepro::results {
namespace {

using ::testing::HasSubstr;
// The tiny linear autoencoder, 8 → 3 → 8.
using LinearAutoencoder = aerepro::testing::TinyAutoencoder;

// A claim that really trains (through the checkpoint store, as the claims do) with
// `learning_rate`, and reports the final training loss.
claims::Claim training_claim(const std::string& id, double learning_rate) {
  claims::Claim claim;
  claim.id = id;
  claim.source = "S9.9";
  claim.sentence = "a linear autoencoder trains";
  claim.evaluate = [learning_rate](claims::ClaimContext& context) {
    context.dataset_checksum = "synthetic";
    train::TrainData data = aerepro::testing::low_rank_data(256, 7);
    auto model = train::seeded<LinearAutoencoder>(context.seed);
    recipes::SourceTraining source;
    source.batch_size = 32;
    source.learning_rate = learning_rate;
    auto options = claims::training_options(context, source, "linear-ae", 20);
    const auto history = claims::train_cached(
        *model, "linear-ae 8-3-8", train::reconstruction_objective(model), data, options, context);
    return std::vector<claims::Measurement>{{"final_loss", history.final_train_loss()}};
  };
  claim.assertions = {{"final_loss", claims::Comparison::less, 1e6, 1e6, std::nullopt, ""}};
  return claim;
}

TEST(Divergence, DivergedClaimFailsWithEpochAndLossAndTheNextClaimStillRuns) {
  aerepro::testing::TempDir dir;
  RunOptions options;
  options.results_root = dir / "results";
  options.checkpoints.root = dir / "checkpoints";
  options.seeds = 2;
  options.progress = false;

  const auto diverged = run_claim(training_claim("test.diverges", 1e12), options);
  EXPECT_EQ(diverged.verdict_text(), "error");
  EXPECT_THAT(diverged.error, HasSubstr("training diverged"));
  EXPECT_THAT(diverged.error,
              ::testing::ContainsRegex("loss is (-?nan|-?inf) in epoch [0-9]+ of 20"));
  const auto rows = read_results_csv(diverged.file);
  ASSERT_EQ(rows.size(), 2u);  // one error row per seed: both seeds ran
  for (const auto& row : rows) {
    EXPECT_EQ(row.verdict, "error");
    EXPECT_THAT(row.note, HasSubstr("in epoch"));
  }
  // (The store's .locks/ folder holds the training's lock file, not a checkpoint.)
  int saved = 0;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir / "checkpoints", ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_regular_file()) ++saved;
  }
  EXPECT_EQ(saved, 0) << "a diverged training must not be saved as a checkpoint";

  const auto healthy = run_claim(training_claim("test.trains", 1e-2), options);
  EXPECT_TRUE(healthy.error.empty()) << healthy.error;
  EXPECT_EQ(healthy.verdict_text(), "reproduced");
  EXPECT_EQ(read_results_csv(healthy.file).size(), 2u);
}

}  // namespace
}  // namespace aerepro::results
