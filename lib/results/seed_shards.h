// Seed shards: one seed of one claim run by itself (`aerepro run --seed K`), so that seeds run
// in parallel processes, on several machines or over several sittings. A shard is
//   results/<profile>/shards/<claim>/seed-<K>.csv          its rows (written last: complete)
//   results/<profile>/shards/<claim>/seed-<K>.series.csv   its figure data (if any)
//   results/<profile>/shards/<claim>/seed-<K>.images.csv   its image grids (if any)
// each written atomically; rerunning a seed replaces its shard. merge_shards joins a claim's
// shards into its results as if its seeds had run in one process.
#pragma once
#include "results/claim_runner.h"

#include <filesystem>
#include <string>

namespace aerepro::results {

std::filesystem::path shard_folder(const RunOptions& options, const std::string& claim_id);

// Writes the shard of `results` (one seed's rows and artifacts); returns its rows file.
std::filesystem::path write_shard(const RunOptions& options, const std::string& claim_id,
                                  const SeedResults& results);

// Every shard of the claim, in seed order, and the sum of their seeds' times. UsageError when
// there is none; ArtifactError naming the shard when a file is damaged, holds another claim,
// profile or seed than its name says, or comes from another revision, LibTorch, device, thread
// count, determinism or dataset than the first shard (shards of different set-ups do not mix).
SeedResults read_shards(const RunOptions& options, const std::string& claim_id, double* seconds);

// read_shards, then conclude_claim: the claim's rows, summary, verdict and record comparison.
ClaimOutcome merge_shards(const claims::Claim& claim, const RunOptions& options);

}  // namespace aerepro::results
