#include "results/claim_runner.h"

#include "common/environment.h"
#include "common/error.h"
#include "results/results_csv.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>

namespace aerepro::results {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

std::filesystem::path resolve_results_root(const RunOptions& options) {
  if (!options.results_root.empty()) return options.results_root;
  if (const char* env = std::getenv("AEREPRO_RESULTS_DIR"); env && *env) return env;
  return std::filesystem::path(AEREPRO_SOURCE_DIR) / "results";
}

std::filesystem::path results_file(const RunOptions& options, const std::string& claim_id) {
  return resolve_results_root(options) / claims::to_string(options.profile) / (claim_id + ".csv");
}

std::string ClaimOutcome::verdict() const {
  if (!error.empty()) return "error";
  if (profile == claims::Profile::smoke) return "ran (smoke profile: wiring only, no verdict)";
  return reproduced ? "reproduced" : "not reproduced";
}

ClaimOutcome run_claim(const claims::Claim& claim, const RunOptions& options) {
  ClaimOutcome outcome;
  outcome.claim = &claim;
  outcome.profile = options.profile;
  outcome.expected = claim.expectation(options.profile);
  outcome.file = results_file(options, claim.id);
  const int seeds = options.seeds > 0 ? options.seeds : claims::default_seeds(options.profile);
  const auto env = current_environment(options.device);
  const auto start = std::chrono::steady_clock::now();

  ResultRow base;
  base.profile = claims::to_string(options.profile);
  base.claim = claim.id;
  base.source = claim.source;
  base.git_revision = env.git_revision;
  base.torch_version = env.torch_version;
  base.device = env.device;
  base.threads = env.threads;
  base.deterministic = !options.device.is_cuda() || options.deterministic_algorithms;

  const auto cache = options.cache ? options.cache : std::make_shared<claims::DataCache>();
  std::vector<std::string> order;                       // metrics in first-seen order
  std::map<std::string, std::vector<double>> values;
  std::map<std::string, claims::Measurement> definition;
  for (int i = 0; i < seeds; ++i) {
    claims::ClaimContext context;
    context.profile = options.profile;
    context.seed = options.first_seed + static_cast<uint64_t>(i);
    context.device = options.device;
    context.data = options.data;
    context.checkpoints = options.checkpoints;
    context.progress = options.progress;
    context.cache = cache;
    const auto seed_start = std::chrono::steady_clock::now();
    std::vector<claims::Measurement> measurements;
    std::string failure;
    try {
      measurements = claim.evaluate(context);
    } catch (const Error& e) {
      failure = e.what();
    } catch (const c10::Error& e) {
      failure = std::string("LibTorch: ") + e.what_without_backtrace();
    }
    const double seconds = seconds_since(seed_start);
    ResultRow row = base;
    row.seed = static_cast<long long>(context.seed);
    row.dataset_checksum = context.dataset_checksum;
    row.seconds = seconds;
    if (!failure.empty()) {
      if (outcome.error.empty()) outcome.error = fmt::format("seed {}: {}", context.seed, failure);
      row.metric = "error";
      row.value = std::nan("");
      row.threshold = std::nan("");
      row.source_figure = std::nan("");
      row.verdict = "error";
      row.note = failure;
      outcome.rows.push_back(row);
      if (options.log) *options.log << fmt::format("  {} seed {}: error: {}\n", claim.id, context.seed, failure);
      continue;
    }
    for (const auto& m : measurements) {
      if (!values.count(m.metric)) {
        order.push_back(m.metric);
        definition[m.metric] = m;
      }
      values[m.metric].push_back(m.value);
      row.metric = m.metric;
      row.value = m.value;
      row.comparison = m.comparison;
      row.threshold = m.threshold;
      row.source_figure = m.source_figure;
      row.verdict = m.comparison.empty() ? "info"
                    : claims::meets(m.value, m.comparison, m.threshold) ? "pass" : "fail";
      outcome.rows.push_back(row);
    }
    if (options.log) {
      std::string line = fmt::format("  {} seed {} ({:.1f} s):", claim.id, context.seed, seconds);
      for (const auto& m : measurements) {
        if (!m.comparison.empty()) {
          line += fmt::format(" {}={:.4g} ({} {:.4g})", m.metric, m.value, m.comparison, m.threshold);
        }
      }
      *options.log << line << "\n";
    }
  }

  outcome.reproduced = outcome.error.empty() && !order.empty();
  for (const auto& metric : order) {
    const auto& m = definition[metric];
    MetricSummary summary;
    summary.metric = metric;
    summary.comparison = m.comparison;
    summary.threshold = m.threshold;
    summary.source_figure = m.source_figure;
    summary.summary = claims::summarize(values[metric]);
    summary.met = m.comparison.empty() ||
                  claims::meets(summary.summary.mean, m.comparison, m.threshold);
    if (!summary.met) outcome.reproduced = false;
    outcome.metrics.push_back(summary);
  }
  outcome.seconds = seconds_since(start);
  write_results_csv(outcome.file, outcome.rows);
  if (options.log) {
    *options.log << fmt::format("{} [{}] {}: {} ({:.1f} s, {} seeds){}\n", claim.id, claim.source,
                                claims::to_string(options.profile), outcome.verdict(),
                                outcome.seconds, seeds,
                                outcome.as_expected() ? "" : "  <-- differs from the claim record");
  }
  return outcome;
}

}  // namespace aerepro::results
