// lib/results/seed_shards: seeds run one by one as shards, joined by merge_shards.
#include "results/seed_shards.h"
#include "common/error.h"
#include "results/artifacts_csv.h"
#include "results/results_csv.h"
#include "test_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include <fstream>

namespace aerepro::results {
namespace {

using aerepro::testing::TempDir;
using aerepro::testing::write_text;
using ::testing::HasSubstr;

claims::Claim shardable_claim() {
  claims::Claim claim;
  claim.id = "test.sharded";
  claim.source = "S9.9";
  claim.sentence = "the value exceeds one half";
  claim.departures[claims::Profile::ci] = {"none", claims::Bias::none};
  claim.assertions = {{"value", claims::Comparison::greater, 0.5, 0.5, std::nullopt, ""}};
  claim.evaluate = [](claims::ClaimContext& context) {
    context.dataset_checksum = "none";
    const double value = 0.8 + 0.01 * static_cast<double>(context.seed);
    context.artifacts.add_point(FigureId::loss_curve, "value", "x", value);
    return std::vector<claims::Measurement>{{"value", value}, {"evidence", 2.0 * value}};
  };
  return claim;
}

RunOptions options_in(const std::filesystem::path& root) {
  RunOptions options;
  options.results_root = root;
  options.records_root = root / "records";
  options.progress = false;
  return options;
}

void run_shard(const claims::Claim& claim, RunOptions options, uint64_t seed) {
  options.seeds = 1;
  options.first_seed = seed;
  write_shard(options, claim.id, evaluate_seeds(claim, options));
}

// Every SeedShards test shards the made-up claim, in a temporary folder of its own (`dir`).
class SeedShards : public aerepro::testing::InTempDir {
 protected:
  const claims::Claim claim = shardable_claim();
};

TEST_F(SeedShards, MergedShardsGiveTheValuesOfOneRunOverTheSameSeeds) {
  TempDir whole, sharded;
  auto options = options_in(whole.path());
  options.seeds = 3;
  const auto reference = run_claim(claim, options);

  const auto shards = options_in(sharded.path());
  for (const uint64_t seed : {2, 0, 1, 1})
    run_shard(claim, shards, seed);  // out of order, seed 1 twice
  // A shard killed before its rows were written does not count.
  std::ofstream(shard_folder(shards, claim.id) / "seed-7.series.csv") << "half-written";
  const auto merged = merge_shards(claim, shards);

  EXPECT_EQ(merged.verdict, reference.verdict);
  ASSERT_EQ(merged.rows.size(), reference.rows.size());
  for (size_t i = 0; i < merged.rows.size(); ++i) {
    EXPECT_EQ(merged.rows[i].seed, reference.rows[i].seed);
    EXPECT_EQ(merged.rows[i].metric, reference.rows[i].metric);
    EXPECT_EQ(merged.rows[i].value, reference.rows[i].value);
  }
  ASSERT_EQ(merged.metrics.size(), 2u);
  EXPECT_EQ(merged.metrics[0].summary.n, 3);
  EXPECT_EQ(merged.metrics[0].summary.mean, reference.metrics[0].summary.mean);
  EXPECT_EQ(read_results_csv(sharded / "ci" / "test.sharded.csv").size(), 6u);
  EXPECT_EQ(read_series_csv(series_file(sharded / "ci", claim.id)).size(), 3u);
  EXPECT_EQ(read_summary_csv(summary_file(sharded / "ci", claim.id)).front().verdict,
            claims::to_string(reference.verdict));
}

TEST_F(SeedShards, ShardsOfDifferentSetUpsAreRefusedByName) {
  const auto options = options_in(dir.path());
  run_shard(claim, options, 0);
  run_shard(claim, options, 1);
  const auto odd = shard_folder(options, claim.id) / "seed-1.csv";
  auto rows = read_results_csv(odd);
  for (auto& r : rows) r.threads = 7;
  write_results_csv(odd, rows);
  try {
    merge_shards(claim, options);
    FAIL() << "expected an ArtifactError";
  } catch (const ArtifactError& e) {
    EXPECT_THAT(e.what(), HasSubstr("seed-1.csv"));
    EXPECT_THAT(e.what(), HasSubstr("7 threads"));
    EXPECT_THAT(e.what(), HasSubstr("different set-ups"));
  }
}

// Seeds accumulate across sittings: shards of two revisions merge when no file that defines the
// claim changed between them, and are refused, naming the file, when one did. A small git
// history made here: a shared library file, then another source's claim file, then the library.
TEST_F(SeedShards, ShardsOfTwoRevisionsMergeOnlyWhenNothingDefiningTheClaimChanged) {
  const auto repo = dir.path() / "repo";
  std::filesystem::create_directories(repo / "lib" / "claims" / "s2");
  const auto git = [&](const std::string& args) {
    const std::string command = "git -C '" + repo.string() + "' -c user.name=t -c user.email=t@t " +
                                args + " >/dev/null 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
  };
  const auto revision = [&] {
    std::string out;
    FILE* pipe = ::popen(("git -C '" + repo.string() + "' rev-parse --short=12 HEAD").c_str(), "r");
    char buffer[64] = {};
    if (pipe && std::fgets(buffer, sizeof buffer, pipe)) out = buffer;
    if (pipe) ::pclose(pipe);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
  };
  git("init -q");
  write_text(repo / "lib" / "claims" / "artifacts.cpp", "// 1\n");
  write_text(repo / "lib" / "claims" / "s2" / "pca_claims.cpp", "// 1\n");
  git("add -A");
  git("commit -q -m one");
  const auto first = revision();
  write_text(repo / "lib" / "claims" / "s2" / "pca_claims.cpp", "// 2\n");  // S2's own file
  git("commit -q -am two");
  const auto second = revision();
  write_text(repo / "lib" / "claims" / "artifacts.cpp", "// 3\n");  // shared: defines every claim
  git("commit -q -am three");
  const auto third = revision();

  auto options = options_in(dir.path());
  options.source_dir = repo;
  run_shard(claim, options, 0);
  run_shard(claim, options, 1);
  const auto folder = shard_folder(options, claim.id);
  const auto set_revision = [&](long long seed, const std::string& rev) {
    const auto file = folder / ("seed-" + std::to_string(seed) + ".csv");
    auto rows = read_results_csv(file);
    for (auto& r : rows) r.git_revision = rev;
    write_results_csv(file, rows);
  };
  set_revision(0, first);
  set_revision(1, second);
  EXPECT_EQ(merge_shards(claim, options).metrics.front().summary.n, 2);
  set_revision(1, third);
  try {
    merge_shards(claim, options);
    FAIL() << "expected an ArtifactError";
  } catch (const ArtifactError& e) {
    EXPECT_THAT(e.what(), HasSubstr("lib/claims/artifacts.cpp"));
    EXPECT_THAT(e.what(), HasSubstr("changed between them"));
  }
  set_revision(1, first + "-dirty");
  EXPECT_THROW(merge_shards(claim, options), ArtifactError);  // a dirty tree never mixes
}

TEST_F(SeedShards, AShardOfAnotherSeedThanItsNameIsRefused) {
  const auto options = options_in(dir.path());
  run_shard(claim, options, 0);
  const auto folder = shard_folder(options, claim.id);
  std::filesystem::copy_file(folder / "seed-0.csv", folder / "seed-4.csv");
  EXPECT_THROW(merge_shards(claim, options), ArtifactError);
}

TEST_F(SeedShards, NoShardsIsAClearError) {
  try {
    merge_shards(claim, options_in(dir.path()));
    FAIL() << "expected a UsageError";
  } catch (const UsageError& e) {
    EXPECT_THAT(e.what(), HasSubstr("no shards of test.sharded"));
    EXPECT_THAT(e.what(), HasSubstr("--seed K"));
  }
}

// Issue 34: a merge judges the declared sample only. Fewer of its seeds than declared: interim
// (values, no verdict); seeds outside it (a pilot's, when the final sample is new seeds) are set
// aside.
TEST_F(SeedShards, AMergeShortOfTheDeclaredSeedsIsInterimAndThePilotsSeedsAreSetAside) {
  auto options = options_in(dir.path());
  for (const uint64_t seed : {0, 1}) run_shard(claim, options, seed);
  options.declared = DeclaredSample{0, 5};
  const auto short_merge = merge_shards(claim, options);
  EXPECT_EQ(short_merge.verdict, claims::ClaimVerdict::interim);
  EXPECT_EQ(short_merge.verdict_text(), "interim (2 of 5 declared)");
  ASSERT_FALSE(short_merge.metrics.empty());
  EXPECT_EQ(short_merge.metrics[0].summary.n, 2);  // the values are shown
  // The final sample: new seeds 5..7, independent of the pilot's 0 and 1.
  options.declared = DeclaredSample{5, 3};
  for (const uint64_t seed : {5, 6}) run_shard(claim, options, seed);
  EXPECT_EQ(merge_shards(claim, options).verdict_text(), "interim (2 of 3 declared)");
  run_shard(claim, options, 7);
  const auto final_merge = merge_shards(claim, options);
  EXPECT_EQ(final_merge.verdict, claims::ClaimVerdict::reproduced);
  EXPECT_EQ(final_merge.metrics[0].summary.n, 3);
  for (const auto& row : final_merge.rows) EXPECT_GE(row.seed, 5);
  EXPECT_NE(final_merge.verdict_note.find("outside the declared sample"), std::string::npos);
}

}  // namespace
}  // namespace aerepro::results
