// aerepro: list the claims of the five reports (inventory/) and run them.
//   aerepro list [--departures]
//   aerepro record [--profile ci|full] [--claim ID] [--interim] [--results DIR] [--records DIR]
//   aerepro run [--claim ID | --source S0] [--profile smoke|ci|full] [--seeds N | --seed K]
//               [--device cpu|cuda] [--deterministic] [--threads T] [--results DIR] [--data DIR]
//               [--no-checkpoints] [--controls-only]
//   aerepro merge [--claim ID | --source S0] [--profile ci|full] [--results DIR] [--records DIR]
//   aerepro status [--profile ci|full] [--claim ID | --source S0] [--results DIR] [--records DIR]
//   aerepro plan-seeds [--profile full] [--records DIR]
//   aerepro rejudge [--profile ci|full] [--claim ID | --source S0] [--records DIR]
//   aerepro report [--results records|results] [--profile full] [--out DIR] | --compare A B
//   aerepro bench [--profile smoke|short|full] [--filter REGEX] [--rounds N] [--no-python]
#include "claims/claim.h"
#include "common/atomic_file.h"
#include "common/environment.h"
#include "common/error.h"
#include "reports/report.h"
#include "results/claim_runner.h"
#include "results/record_controls.h"
#include "results/record_digest.h"
#include "results/rejudge.h"
#include "results/run_status.h"
#include "results/seed_plan.h"
#include "results/seed_shards.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace aerepro;

struct ListArguments {
  bool verbose = false, ids = false;
  std::string claim, source, seeds_of, first_seed_of;
};

int list_claims(const ListArguments& args) {
  if (!args.seeds_of.empty()) {  // for scripts (ci/slurm-submit): the profile's seed count
    const auto profile = claims::parse_profile(args.seeds_of);
    int seeds = claims::default_seeds(profile);
    if (!args.claim.empty()) {  // a claim's declared count (records/<profile>/seed_plan.csv)
      const auto plan = results::planned_seeds(results::resolve_records_root(), args.seeds_of);
      if (const auto it = plan.find(claims::find_claim(args.claim).id); it != plan.end())
        seeds = it->second;
    }
    std::cout << seeds << "\n";
    return 0;
  }
  if (!args.first_seed_of.empty()) {  // for scripts: the first seed of a claim's declared sample
    if (args.claim.empty()) throw UsageError("--declared-first-seed needs --claim ID");
    const auto declared = results::declared_sample(
        results::resolve_records_root(), args.first_seed_of, claims::find_claim(args.claim).id);
    std::cout << (declared ? declared->first_seed : 0) << "\n";
    return 0;
  }
  if (args.ids) {  // for scripts: one claim id per line
    for (const auto* claim : claims::select_claims(args.claim, args.source))
      std::cout << claim->id << "\n";
    return 0;
  }
  const bool verbose = args.verbose;
  const auto records_root = results::resolve_records_root();  // what each claim's record says
  std::cout
      << "profiles: smoke (seconds, wiring only), ci (./ci/test), full (the sources' set-up)\n"
      << "sources:  S0 S1 S2 S3 S4 (inventory/: each report's statements, and what checks them)\n"
      << "verdicts: per asserted metric, at 2.5 % per side and look (pilot, then an independent "
         "final sample: at most 5 % per side in all), the one-sided 97.5 % t bound of the mean "
         "or, for a metric judged by the share, the exact binomial test of the share of seeds "
         "meeting it (holds / fails / inconclusive); a claim is reproduced when all hold, not "
         "reproduced when one fails after Holm's correction over its metrics; departures biased "
         "easier cannot say reproduced, harder cannot say not reproduced; fewer seeds than "
         "declared (records/<profile>/seed_plan.csv): interim, no verdict; a claim that holds on "
         "its "
         "negative control too (the same procedure where the statement must not hold): "
         "vacuous; where a report's method is ambiguous, each plausible reading is a claim "
         "(the as-made claim and its reading variants): the statement is reproduced only if "
         "every reading is, not reproduced only if every one is not, else it depends on the "
         "reading\n"
      << "origin:   report (a report's own statement), brief (a headline check of the brief), "
         "harness (our own check; counted in no report's tally)\n\nclaims:\n";
  for (const auto& claim : claims::all_claims()) {
    std::cout << fmt::format("  {:<48} {:<22} [{}] {}\n", claim.id, claim.source,
                             claims::to_string(claim.origin), claim.sentence);
    std::cout << (claim.control.runs()
                      ? fmt::format("      control: {}\n", claim.control.stands_in)
                      : fmt::format("      no control: {}\n", claim.control.none_because));
    if (claim.reading.is_variant()) {  // a plausible reading of an ambiguous report (issue 33)
      std::cout << fmt::format("      reading of {}: {} ({})\n", claim.reading.of,
                               claim.reading.name, claim.reading.differs);
    } else if (claim.reading.declared()) {
      std::string variants;
      for (const auto* v : claims::readings_of(claim.id))
        variants += fmt::format("{}{} ({})", variants.empty() ? "" : "; ", v->id, v->reading.name);
      std::cout << fmt::format(
          "      reading: {} (as made); other readings: {}; the statement's verdict is taken "
          "across them\n",
          claim.reading.name, variants.empty() ? "none" : variants);
    }
    for (const auto profile : {claims::Profile::ci, claims::Profile::full}) {
      for (const auto& a : claim.assertions) {
        if (a.threshold(profile)) {
          std::cout << fmt::format("      {:<4} asserts {}\n", claims::to_string(profile),
                                   a.describe(profile));
        }
      }
      const auto& d = claim.departure(profile);
      std::cout << fmt::format("      {:<4} departures (bias: {}){}\n", claims::to_string(profile),
                               d.bias_text(), verbose ? ": " + d.described() : "");
      std::cout << fmt::format(
          "      {:<4} {}\n", claims::to_string(profile),
          results::record_digest(records_root / claims::to_string(profile), claim));
    }
  }
  if (claims::all_claims().empty()) std::cout << "  (none registered yet)\n";
  return 0;
}

struct RunArguments {
  std::string claim, source, profile = "ci", device = "cpu", results, records, data;
  int seeds = 0;
  int threads = 0;
  uint64_t first_seed = 0;
  std::optional<uint64_t> shard_seed;  // --seed K: one seed, written as a shard
  bool no_checkpoints = false;
  bool deterministic = false;
  bool controls_only = false;  // --controls-only: the record's seeds gain their controls
};

int run_claims(const RunArguments& args) {
  results::RunOptions options;
  options.profile = claims::parse_profile(args.profile);
  if (args.deterministic) use_deterministic_algorithms();  // before any CUDA work
  options.deterministic_algorithms = args.deterministic;
  options.device = parse_device(args.device);
  options.seeds = args.shard_seed ? 1 : args.seeds;
  options.first_seed = args.shard_seed.value_or(args.first_seed);
  options.results_root = args.results;
  options.records_root = args.records;
  options.data.root = args.data;
  options.checkpoints.enabled = !args.no_checkpoints;
  options.log = &std::cout;
  options.cache = std::make_shared<claims::DataCache>();
  const int threads = pin_threads(args.threads > 0 ? args.threads : default_threads());
  const auto selected = claims::select_claims(args.claim, args.source);
  if (selected.empty()) {
    std::cout << "no claims selected (none registered yet for this selection)\n";
    return 0;
  }
  // An unwritable results folder or a full disk stops the run before any training.
  require_writable_folder(results::resolve_results_root(options) / args.profile);
  if (const auto warning = slow_blas_kernel_warning()) std::cerr << "aerepro: " << *warning << "\n";
  std::cout << fmt::format(
      "running {} claim(s), profile {}, device {}, {} threads, results in {}\n", selected.size(),
      args.profile, current_environment(options.device).device, threads,
      results::resolve_results_root(options).string());
  int unexpected = 0;
  for (const auto* claim : selected) {
    if (args.controls_only) {  // the record's rows stay; each seed's control is measured now
      if (!claim->control.runs()) {
        std::cout << fmt::format("  {}: no negative control ({})\n", claim->id,
                                 claim->control.none_because);
        continue;
      }
      const auto record =
          results::resolve_records_root(args.records) / args.profile / (claim->id + ".csv");
      if (!std::filesystem::exists(record)) {
        std::cout << fmt::format("  {}: no record to add its control to ({})\n", claim->id,
                                 record.string());
        continue;
      }
      auto claim_options = options;
      claim_options.declared = results::declared_sample(results::resolve_records_root(args.records),
                                                        args.profile, claim->id);
      const auto outcome = results::add_controls_to_record(*claim, claim_options);
      if (!outcome.error.empty()) ++unexpected;
      continue;
    }
    if (args.shard_seed) {  // one seed: a shard, judged when the claim's shards are merged
      const auto seed_results = results::evaluate_seeds(*claim, options);
      const auto file = results::write_shard(options, claim->id, seed_results);
      std::cout << fmt::format("  shard of {} seed {} written: {}\n", claim->id, *args.shard_seed,
                               file.string());
      for (const auto& row : seed_results.rows) {
        if (row.metric == "error") ++unexpected;
      }
      continue;
    }
    auto claim_options = options;
    // The sample declared for it before it ran (its seed plan, else the profile's count): run
    // by default; --seeds/--first-seed run other seeds, judged against it (interim when short).
    claim_options.declared = results::declared_sample(results::resolve_records_root(args.records),
                                                      args.profile, claim->id);
    if (args.seeds == 0 && claim_options.declared) {
      claim_options.seeds = claim_options.declared->seeds;
      if (args.first_seed == 0) claim_options.first_seed = claim_options.declared->first_seed;
    }
    const auto outcome = results::run_claim(*claim, claim_options);
    if (!outcome.ok()) ++unexpected;
  }
  if (args.shard_seed && unexpected == 0) {
    std::cout << fmt::format("when every seed has run: aerepro merge --profile {}{}\n",
                             args.profile,
                             !args.claim.empty()    ? " --claim " + args.claim
                             : !args.source.empty() ? " --source " + args.source
                                                    : "");
  }
  if (unexpected > 0) {
    std::cout << unexpected << " claim(s) ended in an error or differ from their record\n";
    return 1;
  }
  return 0;
}

struct MergeArguments {
  std::string claim, source, profile = "ci", results, records;
};

// `aerepro merge`: each selected claim's seed shards become its results, judged and compared
// with its record as one run over those seeds would be.
int merge_claims(const MergeArguments& args) {
  results::RunOptions options;
  options.profile = claims::parse_profile(args.profile);
  options.results_root = args.results;
  options.records_root = args.records;
  options.log = &std::cout;
  int merged = 0, unexpected = 0;
  for (const auto* claim : claims::select_claims(args.claim, args.source)) {
    if (args.claim.empty() && !std::filesystem::exists(results::shard_folder(options, claim->id)))
      continue;
    // The declared sample (its seed plan, else the profile's count): fewer of its seeds merged
    // give an interim result, never a verdict.
    auto claim_options = options;
    claim_options.declared = results::declared_sample(results::resolve_records_root(args.records),
                                                      args.profile, claim->id);
    const auto outcome = results::merge_shards(*claim, claim_options);
    ++merged;
    if (!outcome.ok()) ++unexpected;
    if (!claim_options.declared) continue;
    const auto& declared = *claim_options.declared;
    std::string missing;
    int count = 0;
    for (long long seed = declared.first_seed; seed < declared.first_seed + declared.seeds;
         ++seed) {
      const bool have = std::any_of(outcome.rows.begin(), outcome.rows.end(),
                                    [&](const auto& row) { return row.seed == seed; });
      if (!have) {
        missing += (missing.empty() ? "" : " ") + std::to_string(seed);
        ++count;
      }
    }
    std::cout << (count == 0 ? fmt::format("  {}: all {} declared seeds merged ({})\n", claim->id,
                                           declared.seeds, declared.describe())
                             : fmt::format("  {}: interim — {} of {} declared seeds ({}) still "
                                           "missing: {}\n",
                                           claim->id, count, declared.seeds, declared.describe(),
                                           missing));
  }
  if (merged == 0) {
    throw UsageError(fmt::format(
        "no shards to merge in {} (run some first: aerepro run --claim ID "
        "--profile {} --seed K)",
        (results::resolve_results_root(options) / args.profile / "shards").string(), args.profile));
  }
  if (unexpected > 0) {
    std::cout << unexpected << " claim(s) ended in an error or differ from their record\n";
    return 1;
  }
  return 0;
}

struct StatusArguments {
  std::string claim, source, profile = "full", results, records;
};

// `aerepro status`: per claim, the declared seeds done as shards and the core-hours the rest
// need; the trainings stopped part-way (epoch states) and what they need. Runs nothing.
int show_status(const StatusArguments& args) {
  results::RunOptions options;
  options.profile = claims::parse_profile(args.profile);
  options.results_root = args.results;
  options.records_root = results::resolve_records_root(args.records);
  std::vector<std::string> ids;
  for (const auto* claim : claims::select_claims(args.claim, args.source)) ids.push_back(claim->id);
  results::print_status(std::cout, results::claim_seed_status(options, ids),
                        results::trainings_in_progress(options.checkpoints));
  return 0;
}

struct RecordArguments {
  std::string profile = "ci", claim, results, records;
  bool interim = false;
};

// `aerepro record`: the results of a run become the profile's record (records/<profile>/).
int record_results(const RecordArguments& args) {
  const auto profile = claims::parse_profile(args.profile);
  if (profile == claims::Profile::smoke)
    throw UsageError("the smoke profile gives no verdicts: nothing to record");
  std::vector<std::string> ids;
  for (const auto* claim : claims::select_claims(args.claim, "")) ids.push_back(claim->id);
  results::RunOptions where;
  where.results_root = args.results;
  const auto root = results::resolve_records_root(args.records);
  const auto recorded = results::write_records(results::resolve_results_root(where), root,
                                               args.profile, ids, args.interim);
  for (const auto& id : recorded) std::cout << "recorded " << id << "\n";
  std::cout << recorded.size() << " claim(s) recorded in " << (root / args.profile).string()
            << "\n";
  if (recorded.size() < ids.size()) {
    std::cout << ids.size() - recorded.size()
              << " claim(s) had no results and keep their old record (if any)\n";
  }
  return 0;
}

struct PlanArguments {
  std::string profile = "full", records;
};

// `aerepro plan-seeds`: from the profile's record (the pilot), each claim's seed count, declared
// before the further seeds run (records/<profile>/seed_plan.csv).
int plan_claim_seeds(const PlanArguments& args) {
  const auto root = results::resolve_records_root(args.records);
  const auto file = results::seed_plan_file(root, args.profile);
  // A count already declared stands: the seeds run since must not move it.
  const auto declared = std::filesystem::exists(file) ? results::read_seed_plan(file)
                                                      : std::vector<results::SeedPlanRow>{};
  const auto plan = results::keep_declared(declared, results::plan_seeds(root, args.profile));
  results::write_seed_plan(file, plan);
  for (const auto& p : plan) {
    const bool kept =
        std::any_of(declared.begin(), declared.end(),
                    [&](const results::SeedPlanRow& d) { return d.claim == p.claim; });
    std::cout << fmt::format("{:<58} {:>3} -> {:>3}  {}{}\n", p.claim, p.pilot_seeds,
                             p.planned_seeds, kept ? "(declared before, kept) " : "", p.reason);
  }
  std::cout << fmt::format("seed plan written: {} (commit it before running the seeds)\n",
                           file.string());
  return 0;
}

struct RejudgeArguments {
  std::string profile = "full", claim, source, records;
};

// `aerepro rejudge`: the records' values judged again under the current verdict rules (nothing
// runs); prints each claim's verdict before and after.
int rejudge_records(const RejudgeArguments& args) {
  const auto profile = claims::parse_profile(args.profile);
  if (profile == claims::Profile::smoke)
    throw UsageError("the smoke profile gives no verdicts: nothing to re-judge");
  const auto root = results::resolve_records_root(args.records);
  int judged = 0, changed = 0;
  for (const auto* claim : claims::select_claims(args.claim, args.source)) {
    const auto rows = root / args.profile / (claim->id + ".csv");
    if (args.claim.empty() && !std::filesystem::exists(rows)) {
      std::cout << fmt::format("{:<58} no record\n", claim->id);
      continue;
    }
    const auto r = results::rejudge_record(*claim, profile, root);
    ++judged;
    if (r.changed()) ++changed;
    std::cout << fmt::format("{:<58} {} -> {}{}\n", r.claim, r.before, r.after,
                             r.note.empty() ? "" : " — " + r.note);
  }
  std::cout << fmt::format("{} record(s) re-judged in {}, {} verdict(s) changed\n", judged,
                           (root / args.profile).string(), changed);
  return 0;
}

struct BenchArguments {
  std::string profile = "short";
  std::string filter = ".";
  int rounds = 1;
  bool no_python = false;
};

// `aerepro bench`: hands over to benchmarks/run (the Google Benchmark suite, then the Python
// reference; results/bench/), pointing it at the benchmark executable of this build.
int run_benchmarks(const BenchArguments& a) {
  const auto script = std::filesystem::path(AEREPRO_SOURCE_DIR) / "benchmarks" / "run";
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  const auto exe = self.parent_path() / "benchmarks" / "aerepro_benchmarks";
  if (!error && std::filesystem::exists(exe) && std::getenv("AEREPRO_BENCH_EXE") == nullptr) {
    setenv("AEREPRO_BENCH_EXE", exe.c_str(), 1);
  }
  std::vector<std::string> words = {
      "bash",     script.string(), "--profile", a.profile,
      "--filter", a.filter,        "--rounds",  std::to_string(a.rounds)};
  if (a.no_python) words.push_back("--no-python");
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  execv("/bin/bash", argv.data());
  throw Error("cannot run " + script.string() + ": " + std::strerror(errno));
}

}  // namespace

int main(int argc, char** argv) {
  // Each progress and verdict line reaches a pipe or log file when it is printed, not at exit.
  std::cout << std::unitbuf;
  CLI::App app{"aerepro: reproduce the claims of five coursework reports on autoencoders"};
  app.require_subcommand(1);
  auto* list = app.add_subcommand("list", "List the claims, their assertions per profile, sources");
  ListArguments list_args;
  list->add_flag("--departures", list_args.verbose, "Also print each profile's departures in full");
  list->add_flag("--ids", list_args.ids, "Print only the claim ids, one per line");
  auto* list_claim = list->add_option("--claim", list_args.claim, "With --ids: this claim only");
  list->add_option("--source", list_args.source, "With --ids: the claims of one source: S0 … S4")
      ->excludes(list_claim);
  list->add_option("--default-seeds", list_args.seeds_of,
                   "Print the seed count a profile runs by default (smoke | ci | full); with "
                   "--claim, that claim's declared count (its seed plan)");
  list->add_option("--declared-first-seed", list_args.first_seed_of,
                   "With --claim: the first seed of the claim's declared sample in this profile "
                   "(its seed plan; 0 without one)");
  RunArguments args;
  auto* run =
      app.add_subcommand("run", "Run claims over seeds and write results/<profile>/<claim>.csv");
  auto* claim_option = run->add_option("--claim", args.claim, "One claim id (see `aerepro list`)");
  run->add_option("--source", args.source, "All claims of one source report: S0 … S4")
      ->excludes(claim_option);
  run->add_option("--profile", args.profile, "smoke | ci | full")->capture_default_str();
  run->add_option("--seeds", args.seeds, "Seeds per claim (default: the profile's)")
      ->check(CLI::Range(1, 100));
  auto* first_seed =
      run->add_option("--first-seed", args.first_seed, "First seed")->capture_default_str();
  run->add_option("--seed", args.shard_seed,
                  "Run this one seed as a shard (results/<profile>/shards/<claim>/); join the "
                  "shards with `aerepro merge`")
      ->excludes(first_seed)
      ->excludes("--seeds");
  run->add_option("--device", args.device, "cpu | cuda | cuda:N")->capture_default_str();
  run->add_option("--threads", args.threads,
                  "LibTorch threads (default: $AEREPRO_THREADS or 1, the pinned count)")
      ->check(CLI::Range(1, 1024));
  run->add_option("--results", args.results,
                  "Results folder (default: $AEREPRO_RESULTS_DIR or ./results)");
  run->add_option("--records", args.records,
                  "Records compared with (default: $AEREPRO_RECORDS_DIR or ./records)");
  run->add_option("--data", args.data, "Dataset folder (default: $AEREPRO_DATA_DIR or datasets/)");
  run->add_flag("--deterministic", args.deterministic,
                "LibTorch's deterministic algorithms (CUDA; CPU runs are deterministic anyway); "
                "recorded in every row");
  run->add_flag("--no-checkpoints", args.no_checkpoints,
                "Retrain everything; read and write no checkpoints");
  run->add_flag("--controls-only", args.controls_only,
                "Measure only the negative controls (no training), for the seeds of each claim's "
                "record, beside the record's own rows; then `aerepro record` makes it the record")
      ->excludes("--seed")
      ->excludes("--seeds");
  MergeArguments merge_args;
  auto* merge = app.add_subcommand(
      "merge",
      "Join the seed shards of `aerepro run --seed K` into each claim's results and verdict");
  auto* merge_claim = merge->add_option("--claim", merge_args.claim, "One claim id");
  merge
      ->add_option("--source", merge_args.source,
                   "All claims of one source report with shards: S0 … S4")
      ->excludes(merge_claim);
  merge->add_option("--profile", merge_args.profile, "smoke | ci | full")->capture_default_str();
  merge->add_option("--results", merge_args.results,
                    "Results folder (default: $AEREPRO_RESULTS_DIR or ./results)");
  merge->add_option("--records", merge_args.records,
                    "Records compared with (default: $AEREPRO_RECORDS_DIR or ./records)");
  StatusArguments status_args;
  auto* status = app.add_subcommand(
      "status",
      "Seeds done of each claim's declared sample, trainings stopped part-way (epoch k of N) and "
      "the core-hours left (runs nothing)");
  auto* status_claim = status->add_option("--claim", status_args.claim, "One claim id");
  status->add_option("--source", status_args.source, "One source report's claims: S0 … S4")
      ->excludes(status_claim);
  status->add_option("--profile", status_args.profile, "ci | full")->capture_default_str();
  status->add_option("--results", status_args.results,
                     "Results folder (default: $AEREPRO_RESULTS_DIR or ./results)");
  status->add_option("--records", status_args.records,
                     "Records folder (default: $AEREPRO_RECORDS_DIR or ./records)");
  RecordArguments record_args;
  auto* record = app.add_subcommand(
      "record", "Make a run's results the record of its profile (records/<profile>/, committed)");
  record->add_option("--profile", record_args.profile, "ci | full")->capture_default_str();
  record->add_option("--claim", record_args.claim,
                     "One claim id (default: every claim with results)");
  record->add_flag("--interim", record_args.interim,
                   "Also record a claim with fewer seeds than declared, as an interim state (shown "
                   "so: values, no verdict)");
  record->add_option("--results", record_args.results,
                     "Results folder (default: $AEREPRO_RESULTS_DIR or ./results)");
  record->add_option("--records", record_args.records,
                     "Records folder (default: $AEREPRO_RECORDS_DIR or ./records)");
  PlanArguments plan_args;
  auto* plan = app.add_subcommand("plan-seeds",
                                  "Declare each claim's seed count from its pilot record: 80 % "
                                  "power, a final sample of new seeds after the pilot's "
                                  "(records/<p>/seed_plan.csv)");
  plan->add_option("--profile", plan_args.profile, "ci | full")->capture_default_str();
  plan->add_option("--records", plan_args.records,
                   "Records folder (default: $AEREPRO_RECORDS_DIR or ./records)");
  RejudgeArguments rejudge_args;
  auto* rejudge = app.add_subcommand(
      "rejudge", "Judge the records' values again under the current verdict rules (runs nothing)");
  rejudge->add_option("--profile", rejudge_args.profile, "ci | full")->capture_default_str();
  auto* rejudge_claim = rejudge->add_option("--claim", rejudge_args.claim, "One claim id");
  rejudge->add_option("--source", rejudge_args.source, "One source report's claims: S0 … S4")
      ->excludes(rejudge_claim);
  rejudge->add_option("--records", rejudge_args.records,
                      "Records folder (default: $AEREPRO_RECORDS_DIR or ./records)");
  aerepro::reports::ReportCommand report_args;
  auto* report = app.add_subcommand(
      "report", "Write reports/out/<profile>/ (HTML, Markdown, figures) from a results folder");
  aerepro::reports::add_report_options(*report, report_args);
  BenchArguments bench_args;
  auto* bench = app.add_subcommand(
      "bench", "Run the benchmarks and the Python reference into results/bench/ (benchmarks/run)");
  bench->add_option("--profile", bench_args.profile, "smoke | short | full")->capture_default_str();
  bench->add_option("--filter", bench_args.filter, "Regular expression over benchmark names");
  bench
      ->add_option("--rounds", bench_args.rounds,
                   "Alternate C++ and Python N times, keep the fastest")
      ->check(CLI::Range(1, 100));
  bench->add_flag("--no-python", bench_args.no_python, "Skip the Python reference");
  CLI11_PARSE(app, argc, argv);
  try {
    if (*list) return list_claims(list_args);
    if (*record) return record_results(record_args);
    if (*run) return run_claims(args);
    if (*merge) return merge_claims(merge_args);
    if (*status) return show_status(status_args);
    if (*rejudge) return rejudge_records(rejudge_args);
    if (*plan) return plan_claim_seeds(plan_args);
    if (*report) return aerepro::reports::run_report_command(report_args, std::cout);
    if (*bench) return run_benchmarks(bench_args);
  } catch (const aerepro::Error& e) {
    std::cerr << "aerepro: error: " << e.what() << "\n";
    return 2;
  } catch (const c10::Error& e) {
    std::cerr << "aerepro: LibTorch error: " << e.what_without_backtrace() << "\n";
    return 2;
  } catch (const std::exception& e) {  // e.g. a file system error outside the artefact writers
    std::cerr << "aerepro: error: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
