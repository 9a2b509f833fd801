#include "results/seed_shards.h"

#include "common/error.h"
#include "results/artifacts_csv.h"
#include "results/claim_files.h"
#include "results/results_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <regex>

namespace aerepro::results {
namespace {

std::filesystem::path rows_file(const std::filesystem::path& folder, long long seed) {
  return folder / fmt::format("seed-{}.csv", seed);
}

// The environment a shard's rows share; shards of one claim must agree on all of it. Their
// revisions may differ where nothing that defines the claim changed between them
// (check_revisions).
std::string setup_of(const ResultRow& r) {
  return fmt::format("LibTorch {}, device {}, {} threads, deterministic {}", r.torch_version,
                     r.device, r.threads, r.deterministic);
}

// Shards of several revisions merge when no file that defines the claim (claim_files.h)
// changed between the first shard's revision and each other's; a dirty tree never mixes.
void check_revisions(const std::string& claim_id, const std::filesystem::path& source_dir,
                     const std::map<std::string, std::filesystem::path>& revisions) {
  if (revisions.size() < 2) return;
  const auto& [first, first_file] = *revisions.begin();
  const auto advice = [&](const std::filesystem::path& file) {
    return fmt::format("rerun the odd shard ({}: aerepro run --claim {} --seed K) or all of them",
                       file.filename().string(), claim_id);
  };
  for (const auto& [revision, file] : revisions) {
    if (revision == first) continue;
    const bool dirty =
        revision.find("-dirty") != std::string::npos || first.find("-dirty") != std::string::npos;
    if (dirty) {
      throw ArtifactError(fmt::format(
          "{}: revision {}, but {} has {}: a shard from a tree with uncommitted changes does not "
          "mix with another revision's; {}",
          file.string(), revision, first_file.filename().string(), first, advice(file)));
    }
    std::string why;
    const auto changed = changed_lib_files(source_dir, first, revision, &why);
    if (!changed) {
      throw ArtifactError(fmt::format("{}: revision {}, but {} has {}, and {}; {}", file.string(),
                                      revision, first_file.filename().string(), first, why,
                                      advice(file)));
    }
    std::string defining;
    for (const auto& f : *changed) {
      if (defines_claim(f, claim_id)) defining += (defining.empty() ? "" : ", ") + f;
    }
    if (!defining.empty()) {
      throw ArtifactError(fmt::format(
          "{}: revision {}, but {} has {}, and files that define {} changed between them ({}): "
          "shards of different definitions cannot be merged; {}",
          file.string(), revision, first_file.filename().string(), first, claim_id, defining,
          advice(file)));
    }
  }
}

}  // namespace

std::filesystem::path shard_folder(const RunOptions& options, const std::string& claim_id) {
  return resolve_results_root(options) / claims::to_string(options.profile) / "shards" / claim_id;
}

std::filesystem::path write_shard(const RunOptions& options, const std::string& claim_id,
                                  const SeedResults& results) {
  if (results.rows.empty()) throw UsageError(claim_id + ": a shard needs the rows of one seed");
  const auto seed = results.rows.front().seed;
  for (const auto& r : results.rows) {
    if (r.seed != seed) throw UsageError(claim_id + ": a shard holds exactly one seed");
  }
  const auto folder = shard_folder(options, claim_id);
  const auto rows = rows_file(folder, seed);
  // Artifacts first, rows last: a shard without its rows file does not exist for the merge.
  write_figure_data(folder, fmt::format("seed-{}", seed), results.series, results.images);
  write_results_csv(rows, results.rows);
  return rows;
}

SeedResults read_shards(const RunOptions& options, const std::string& claim_id, double* seconds) {
  const auto folder = shard_folder(options, claim_id);
  const auto profile = claims::to_string(options.profile);
  std::map<long long, std::filesystem::path> files;
  static const std::regex name("seed-([0-9]+)\\.csv");
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::smatch m;
    const auto filename = it->path().filename().string();
    if (std::regex_match(filename, m, name)) files[std::stoll(m[1].str())] = it->path();
  }
  if (files.empty()) {
    throw UsageError(
        fmt::format("no shards of {} ({} profile) in {}: run them first (aerepro run "
                    "--claim {} --profile {} --seed K)",
                    claim_id, profile, folder.string(), claim_id, profile));
  }
  SeedResults out;
  double total = 0;
  std::string first_setup, first_dataset;
  std::filesystem::path first_file;
  std::map<std::string, std::filesystem::path> revisions;  // each revision's first shard
  for (const auto& [seed, file] : files) {
    const auto rows = read_results_csv(file);
    if (rows.empty()) throw ArtifactError(file.string() + ": the shard has no rows");
    for (const auto& r : rows) {
      if (r.claim != claim_id || r.profile != profile || r.seed != seed) {
        throw ArtifactError(
            fmt::format("{}: holds claim {}, profile {}, seed {} (expected {}, {}, "
                        "{}): not a shard of this claim",
                        file.string(), r.claim, r.profile, r.seed, claim_id, profile, seed));
      }
      revisions.emplace(r.git_revision, file);
      const auto setup = setup_of(r);
      if (first_setup.empty()) {
        first_setup = setup;
        first_file = file;
      } else if (setup != first_setup) {
        throw ArtifactError(
            fmt::format("{}: {}, but {} has {}: shards of different set-ups cannot "
                        "be merged; rerun the odd one (aerepro run --claim {} "
                        "--profile {} --seed {})",
                        file.string(), setup, first_file.filename().string(), first_setup, claim_id,
                        profile, seed));
      }
      if (r.metric != "error" && !r.dataset_checksum.empty()) {
        if (first_dataset.empty()) first_dataset = r.dataset_checksum;
        if (r.dataset_checksum != first_dataset) {
          throw ArtifactError(
              fmt::format("{}: dataset {}, other shards {}: shards of different "
                          "data cannot be merged",
                          file.string(), r.dataset_checksum, first_dataset));
        }
      }
    }
    total += rows.front().seconds;
    out.rows.insert(out.rows.end(), rows.begin(), rows.end());
    const auto stem = fmt::format("seed-{}", seed);
    if (std::filesystem::exists(series_file(folder, stem))) {
      const auto points = read_series_csv(series_file(folder, stem));
      out.series.insert(out.series.end(), points.begin(), points.end());
    }
    if (out.images.empty() && std::filesystem::exists(images_file(folder, stem))) {
      out.images = read_images_csv(images_file(folder, stem));
    }
  }
  check_revisions(
      claim_id,
      options.source_dir.empty() ? std::filesystem::path(AEREPRO_SOURCE_DIR) : options.source_dir,
      revisions);
  if (seconds) *seconds = total;
  return out;
}

ClaimOutcome merge_shards(const claims::Claim& claim, const RunOptions& options) {
  double seconds = 0;
  const auto results = read_shards(options, claim.id, &seconds);
  return conclude_claim(claim, options, results, seconds);
}

}  // namespace aerepro::results
