#include "results/claim_runner.h"

#include "common/environment.h"
#include "common/error.h"
#include "results/artifacts_csv.h"
#include "results/results_csv.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <cstdlib>

namespace aerepro::results {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Beside <claim>.csv: the summary over seeds, the figure data and the image grids (a file this
// run has nothing for is removed, so no stale figure outlives its claim's rerun), and the
// profile's index of every claim.
void write_claim_artifacts(const ClaimOutcome& outcome, const std::vector<SeriesPoint>& series,
                           const std::vector<ImageCell>& images) {
  const auto dir = outcome.file.parent_path();
  const auto& claim = *outcome.claim;
  SummaryRow base;
  base.profile = claims::to_string(outcome.profile);
  base.claim = claim.id;
  base.source = claim.source;
  base.sentence = claim.sentence;
  base.departure = claim.departure(outcome.profile);
  base.expected = outcome.expected.reproduced ? "reproduced" : "not reproduced";
  base.evidence = outcome.expected.evidence;
  base.verdict = outcome.verdict();
  base.as_expected = outcome.as_expected();
  base.error = outcome.error;
  base.claim_seconds = outcome.seconds;
  if (!outcome.rows.empty()) {
    const auto& r = outcome.rows.front();
    base.git_revision = r.git_revision;
    base.torch_version = r.torch_version;
    base.device = r.device;
    base.threads = r.threads;
    base.deterministic = r.deterministic;
    for (const auto& row : outcome.rows) {
      if (!row.dataset_checksum.empty()) base.dataset_checksum = row.dataset_checksum;
    }
  }
  std::vector<SummaryRow> rows;
  for (const auto& m : outcome.metrics) {
    SummaryRow r = base;
    r.metric = m.metric;
    r.comparison = m.comparison;
    r.threshold = m.threshold;
    r.source_figure = m.source_figure;
    r.n = m.summary.n;
    r.mean = m.summary.mean;
    r.std = m.summary.std;
    r.min = m.summary.min;
    r.max = m.summary.max;
    r.ci95_low = m.summary.ci95_low;
    r.ci95_high = m.summary.ci95_high;
    r.met = m.met;
    rows.push_back(r);
  }
  if (rows.empty()) {  // every seed failed: one row carries the verdict and the error
    SummaryRow r = base;
    r.metric = "error";
    r.threshold = r.source_figure = r.mean = r.std = r.min = r.max = r.ci95_low = r.ci95_high =
        std::nan("");
    r.met = false;
    rows.push_back(r);
  }
  write_summary_csv(summary_file(dir, claim.id), rows);
  const auto write_or_remove = [](const std::filesystem::path& file, bool empty, auto&& write) {
    if (!empty) return write(file);
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
  };
  write_or_remove(series_file(dir, claim.id), series.empty(),
                  [&](const auto& file) { write_series_csv(file, series); });
  write_or_remove(images_file(dir, claim.id), images.empty(),
                  [&](const auto& file) { write_images_csv(file, images); });

  std::vector<ClaimIndexRow> index;
  for (const auto& c : claims::all_claims()) {
    const auto expectation = c.expectation(outcome.profile);
    index.push_back({c.id, c.source, c.sentence, c.departure(outcome.profile),
                     expectation.reproduced ? "reproduced" : "not reproduced",
                     expectation.evidence});
  }
  write_index_csv(index_file(dir), index);
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
  std::vector<SeriesPoint> series;
  std::vector<ImageCell> images;  // of the first seed that produced any
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
    for (const auto& p : context.artifacts.points()) {
      series.push_back({claim.id, row.seed, p.figure, p.series, p.x, p.y});
    }
    if (images.empty()) {
      for (const auto& im : context.artifacts.images()) {
        images.push_back({claim.id, row.seed, im.figure, im.row, im.col, im.row_label, im.height,
                          im.width, im.pixels});
      }
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
  write_claim_artifacts(outcome, series, images);
  if (options.log) {
    *options.log << fmt::format("{} [{}] {}: {} ({:.1f} s, {} seeds){}\n", claim.id, claim.source,
                                claims::to_string(options.profile), outcome.verdict(),
                                outcome.seconds, seeds,
                                outcome.as_expected() ? "" : "  <-- differs from the claim record");
  }
  return outcome;
}

}  // namespace aerepro::results
