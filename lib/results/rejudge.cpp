#include "results/rejudge.h"

#include "common/environment.h"
#include "common/error.h"
#include "results/artifacts_csv.h"
#include "results/claim_runner.h"
#include "results/results_csv.h"
#include "results/seed_plan.h"

#include <fmt/format.h>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>

namespace aerepro::results {

Rejudgement rejudge_record(const claims::Claim& claim, claims::Profile profile,
                           const std::filesystem::path& records_root) {
  const auto profile_name = claims::to_string(profile);
  const auto folder = records_root / profile_name;
  const auto rows_file = folder / (claim.id + ".csv");
  const auto summary = summary_file(folder, claim.id);
  if (!std::filesystem::exists(rows_file) || !std::filesystem::exists(summary)) {
    throw ArtifactError(
        fmt::format("no record of {} in {} (rows and summary needed)", claim.id, folder.string()));
  }
  const auto old_rows = read_summary_csv(summary);
  if (old_rows.empty()) throw ArtifactError(summary.string() + ": an empty summary");
  const auto& old = old_rows.front();

  // Judge in a scratch folder, compared with no record (a record is not its own reference).
  const auto scratch = std::filesystem::temp_directory_path() /
                       fmt::format("aerepro-rejudge-{}-{}", ::getpid(), claim.id);
  std::filesystem::remove_all(scratch);
  RunOptions options;
  options.profile = profile;
  options.results_root = scratch / "results";
  options.records_root = scratch / "records";
  options.declared = declared_sample(records_root, profile_name, claim.id);
  SeedResults results;
  results.rows = read_results_csv(rows_file);
  Rejudgement out{claim.id, old.verdict, "", ""};
  try {
    const auto outcome = conclude_claim(claim, options, results, old.claim_seconds);
    out.after = outcome.verdict_text();
    out.note = outcome.verdict_note;
    auto rows = read_summary_csv(summary_file(options.results_root / profile_name, claim.id));
    for (auto& r : rows) {  // what the run measured stays the run's
      r.claim_seconds = old.claim_seconds;
      r.date = old.date;
      r.record_status = old.record_status;
      r.record_note = old.record_note;
      r.verdict_note = fmt::format(
          "{}{}(re-judged from the recorded values under the rules of "
          "revision {})",
          r.verdict_note, r.verdict_note.empty() ? "" : " ", git_revision());
    }
    write_summary_csv(summary, rows);
  } catch (...) {
    std::filesystem::remove_all(scratch);
    throw;
  }
  std::filesystem::remove_all(scratch);
  return out;
}

}  // namespace aerepro::results
