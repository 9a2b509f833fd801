#include "results/claim_runner.h"

#include "claims/share_test.h"
#include "common/environment.h"
#include "common/error.h"
#include "common/figure_catalog.h"
#include "results/artifacts_csv.h"
#include "results/host_cpu.h"
#include "results/readings.h"
#include "results/results_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <map>

namespace aerepro::results {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string utc_now() {
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

std::string assertions_text(const claims::Claim& claim, claims::Profile profile) {
  std::string out;
  for (const auto& a : claim.assertions) out += (out.empty() ? "" : "; ") + a.describe(profile);
  return out;
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
  base.departure = claim.departure(outcome.profile).described();
  base.bias = claim.departure(outcome.profile).bias_text();
  base.verdict = outcome.verdict_text();
  base.verdict_note = outcome.verdict_note;
  base.error = outcome.error;
  base.claim_seconds = outcome.seconds;
  base.record_status = to_string(outcome.record.status);
  base.record_note = outcome.record.evidence();
  base.date = utc_now();
  base.judged_revision = git_revision();
  if (!outcome.rows.empty()) {
    const auto& r = outcome.rows.front();
    base.git_revision = r.git_revision;
    base.torch_version = r.torch_version;
    base.device = r.device;
    base.host = r.host;
    base.threads = r.threads;
    base.deterministic = r.deterministic;
    for (const auto& row : outcome.rows) {
      if (!row.dataset_checksum.empty()) base.dataset_checksum = row.dataset_checksum;
    }
  }
  const double nan = std::nan("");
  std::vector<SummaryRow> rows;
  for (const auto& m : outcome.metrics) {
    SummaryRow r = base;
    r.metric = m.metric;
    r.comparison = m.asserted() ? claims::to_string(m.assertion->comparison) : "";
    r.threshold = m.threshold;
    r.source_figure = m.source_figure;
    r.source_caveat = m.asserted() ? m.assertion->source_figure_caveat : "";
    r.n = m.summary.n;
    r.mean = m.summary.mean;
    r.std = m.summary.std;
    r.min = m.summary.min;
    r.max = m.summary.max;
    r.ci95_low = m.summary.ci95_low;
    r.ci95_high = m.summary.ci95_high;
    r.met = m.met();
    r.metric_verdict = m.asserted() ? claims::to_string(m.judgement.verdict) : "";
    r.bound = m.asserted() ? m.judgement.bound : nan;
    r.opposite_bound = m.asserted() ? m.judgement.opposite_bound : nan;
    r.seeds_met = m.asserted() ? m.judgement.seeds_met : 0;
    r.seeds_to_settle = m.asserted() ? m.judgement.seeds_to_settle.value_or(0) : 0;
    r.judged_by = m.asserted() ? claims::to_string(m.assertion->judged_by) : "";
    r.declared_share = m.asserted() && m.assertion->judged_by == claims::JudgedBy::share
                           ? m.assertion->share
                           : nan;
    r.share_low = m.asserted() ? m.judgement.share_low : nan;
    r.share_high = m.asserted() ? m.judgement.share_high : nan;
    r.declared_seeds = outcome.declared_seeds;
    r.pi_kind = !m.prediction ? "" : m.prediction->range ? "range" : "t";
    r.pi95_low = m.prediction ? m.prediction->low : nan;
    r.pi95_high = m.prediction ? m.prediction->high : nan;
    r.figure_position = m.figure_position;
    rows.push_back(r);
  }
  if (rows.empty()) {  // every seed failed: one row carries the verdict and the error
    SummaryRow r = base;
    r.metric = "error";
    r.threshold = r.source_figure = r.mean = r.std = r.min = r.max = r.ci95_low = r.ci95_high =
        r.bound = r.opposite_bound = nan;
    r.met = false;
    rows.push_back(r);
  }
  write_summary_csv(summary_file(dir, claim.id), rows);
  write_figure_data(dir, claim.id, series, images);
  write_index_csv(index_file(dir), claim_index(outcome.profile));
}

}  // namespace

std::filesystem::path resolve_results_root(const RunOptions& options) {
  if (!options.results_root.empty()) return options.results_root;
  if (const char* env = std::getenv("AEREPRO_RESULTS_DIR"); env && *env) return env;
  return std::filesystem::path(AEREPRO_SOURCE_DIR) / "results";
}

std::vector<ClaimIndexRow> claim_index(claims::Profile profile) {
  std::vector<ClaimIndexRow> index;
  for (const auto& c : claims::all_claims()) {
    const auto& d = c.departure(profile);
    index.push_back({c.id, c.source, c.sentence, d.described(), d.bias_text(),
                     assertions_text(c, profile), claims::to_string(c.origin), c.reading.name,
                     c.reading.of});
  }
  return index;
}

std::string ClaimOutcome::verdict_text() const {
  if (verdict == claims::ClaimVerdict::interim)
    return fmt::format("interim ({} of {} declared)", seeds_in_sample, declared_seeds);
  return claims::to_string(verdict);
}

bool MetricSummary::met() const {
  return !asserted() || std::isnan(threshold) ||
         claims::meets(summary.mean, assertion->comparison, threshold);
}

std::filesystem::path results_file(const RunOptions& options, const std::string& claim_id) {
  return resolve_results_root(options) / claims::to_string(options.profile) / (claim_id + ".csv");
}

namespace {

// The assertions in force in `profile`, by metric.
std::map<std::string, const claims::Assertion*> assertions_in_force(const claims::Claim& claim,
                                                                    claims::Profile profile) {
  std::map<std::string, const claims::Assertion*> asserted;
  for (const auto& a : claim.assertions) {
    if (a.threshold(profile)) asserted[a.metric] = &a;
  }
  return asserted;
}

// The assertion `metric` is judged by: its own, or for a control's value ("control.<m>") that of
// the metric it controls; null when neither is asserted in this profile.
const claims::Assertion* assertion_for(
    const std::map<std::string, const claims::Assertion*>& asserted, const std::string& metric) {
  const auto it = asserted.find(claims::controlled_metric(metric));
  return it == asserted.end() ? nullptr : it->second;
}

// Throws when `measurements` lack a metric the claim asserts (`what`: "evaluation" / "control").
void require_asserted(const std::map<std::string, const claims::Assertion*>& asserted,
                      const std::vector<claims::Measurement>& measurements, const char* what) {
  for (const auto& [metric, assertion] : asserted) {
    const bool measured = std::any_of(measurements.begin(), measurements.end(),
                                      [&](const auto& m) { return m.metric == metric; });
    if (!measured) {
      throw UsageError(
          fmt::format("the claim record asserts '{}' but its {} did not measure it", metric, what));
    }
  }
}

// Whether every value is 0 or 1 (a per-seed flag: its mean is a rate).
bool is_binary(const std::vector<double>& values) {
  return !values.empty() &&
         std::all_of(values.begin(), values.end(), [](double v) { return v == 0.0 || v == 1.0; });
}

}  // namespace

SeedResults evaluate_seeds(const claims::Claim& claim, const RunOptions& options) {
  const int seeds = options.seeds > 0 ? options.seeds : claims::default_seeds(options.profile);
  const auto env = current_environment(options.device);
  const auto asserted = assertions_in_force(claim, options.profile);

  ResultRow base;
  base.profile = claims::to_string(options.profile);
  base.claim = claim.id;
  base.source = claim.source;
  base.git_revision = env.git_revision;
  base.torch_version = env.torch_version;
  base.device = env.device;
  base.host = host_cpu();
  base.threads = env.threads;
  base.deterministic = !options.device.is_cuda() || options.deterministic_algorithms;

  const auto cache = options.cache ? options.cache : std::make_shared<claims::DataCache>();
  SeedResults out;
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
      if (!options.controls_only) {
        measurements = claim.evaluate(context);
        require_asserted(asserted, measurements, "evaluation");
      }
      if (claim.control.runs()) {  // the negative control: the asserted metrics only
        const auto control = claim.control.evaluate(context);
        require_asserted(asserted, control, "negative control");
        for (const auto& m : control) {
          if (asserted.count(m.metric))
            measurements.push_back({claims::control_metric(m.metric), m.value, std::nan("")});
        }
      }
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
    row.date = utc_now();
    if (!failure.empty()) {
      row.metric = "error";
      row.value = std::nan("");
      row.threshold = std::nan("");
      row.source_figure = std::nan("");
      row.verdict = "error";
      row.note = failure;
      out.rows.push_back(row);
      if (options.log)
        *options.log << fmt::format("  {} seed {}: error: {}\n", claim.id, context.seed, failure);
      continue;
    }
    for (const auto& p : context.artifacts.points()) {
      out.series.push_back(
          {claim.id, row.seed, std::string(figure_name(p.figure)), p.series, p.x, p.y});
    }
    if (out.images.empty()) {
      for (const auto& im : context.artifacts.images()) {
        out.images.push_back({claim.id, row.seed, std::string(figure_name(im.figure)), im.row,
                              im.col, im.row_label, im.height, im.width, im.pixels});
      }
    }
    std::string line = fmt::format("  {} seed {} ({:.1f} s):", claim.id, context.seed, seconds);
    for (const auto& m : measurements) {
      const auto* a = assertion_for(asserted, m.metric);
      const bool control = claims::is_control_metric(m.metric);
      row.metric = m.metric;
      row.value = m.value;
      row.source_figure = m.source_figure;
      row.comparison = "";
      row.threshold = std::nan("");
      row.verdict = "info";
      if (a) {
        const double threshold = *a->threshold(options.profile);
        row.comparison = claims::to_string(a->comparison);
        row.threshold = threshold;
        row.source_figure = control ? std::nan("") : a->source_figure.value_or(m.source_figure);
        row.verdict = claims::meets(m.value, a->comparison, threshold) ? "pass" : "fail";
        line += fmt::format(" {}={:.4g} ({} {:.4g})", m.metric, m.value, row.comparison, threshold);
      }
      out.rows.push_back(row);
    }
    if (options.log) *options.log << line << "\n";
  }
  return out;
}

namespace {

// "  readings: …; the statement: depends on the reading" for a claim that runs one reading of an
// ambiguous report (claims::Reading): this run's verdict, and the others' from the results beside
// it (`profile_dir`).
std::string readings_line(const claims::Claim& claim, const std::string& verdict,
                          const std::filesystem::path& profile_dir) {
  const auto& made = claim.reading.is_variant() ? claims::find_claim(claim.reading.of) : claim;
  std::vector<const claims::Claim*> readings{&made};
  for (const auto* v : claims::readings_of(made.id)) readings.push_back(v);
  std::vector<ReadingVerdict> verdicts;
  for (const auto* r : readings) {
    verdicts.push_back({r->id, r->reading.name,
                        r->id == claim.id ? verdict : summary_verdict(profile_dir, r->id)});
  }
  const auto across = across_readings(verdicts);
  return fmt::format("  readings: {}; the statement: {}\n", across.listing(), across.verdict);
}

}  // namespace

ClaimOutcome conclude_claim(const claims::Claim& claim, const RunOptions& options,
                            const SeedResults& results, double seconds) {
  ClaimOutcome outcome;
  outcome.claim = &claim;
  outcome.profile = options.profile;
  outcome.file = results_file(options, claim.id);
  outcome.rows = sample_rows(results.rows, options.declared, &outcome.verdict_note);
  outcome.seconds = seconds;
  const auto asserted = assertions_in_force(claim, options.profile);

  std::vector<std::string> order;  // metrics in first-seen order
  std::map<std::string, std::vector<double>> values;
  std::map<std::string, std::vector<long long>> metric_seeds;
  std::map<std::string, double> source_figures;
  std::vector<long long> seeds;
  for (const auto& row : outcome.rows) {
    if (std::find(seeds.begin(), seeds.end(), row.seed) == seeds.end()) seeds.push_back(row.seed);
    if (row.metric == "error") {
      if (outcome.error.empty()) outcome.error = fmt::format("seed {}: {}", row.seed, row.note);
      continue;
    }
    if (!values.count(row.metric)) order.push_back(row.metric);
    values[row.metric].push_back(row.value);
    metric_seeds[row.metric].push_back(row.seed);
    if (!std::isnan(row.source_figure)) source_figures[row.metric] = row.source_figure;
  }

  std::vector<claims::MetricVerdict> verdicts;
  std::vector<FreshMetric> fresh;
  for (const auto& metric : order) {
    MetricSummary summary;
    summary.metric = metric;
    summary.values = values[metric];
    summary.summary = claims::summarize(summary.values);
    if (const auto f = source_figures.find(metric); f != source_figures.end())
      summary.source_figure = f->second;
    FreshMetric f{metric, summary.values, std::nullopt, metric_seeds[metric]};
    if (const auto* a = assertion_for(asserted, metric)) {
      summary.assertion = *a;
      summary.threshold = *a->threshold(options.profile);
      summary.judgement = claims::judge(summary.values, *a, summary.threshold);
      if (summary.control()) summary.assertion->source_figure.reset();
    } else if (is_binary(summary.values)) {  // a rate (e.g. collapses): its exact interval
      const auto k =
          static_cast<int>(std::count(summary.values.begin(), summary.values.end(), 1.0));
      const auto exact = claims::clopper_pearson(k, summary.summary.n, claims::kLookAlpha);
      summary.summary.ci95_low = exact.low;
      summary.summary.ci95_high = exact.high;
    }
    // The report's number is compared with the method as made: the full profile only; a
    // metric judged by the share is not taken as normal: the seeds' range stands for one run.
    if (options.profile == claims::Profile::full && !summary.control())
      summary.prediction =
          summary.asserted() && summary.assertion->judged_by == claims::JudgedBy::share
              ? claims::seeds_range(summary.values)
              : claims::prediction_interval_95(summary.values);
    summary.figure_position =
        options.profile != claims::Profile::full ? ""
        : summary.asserted() && !summary.assertion->source_figure_caveat.empty() &&
                !std::isnan(summary.source_figure)
            ? "not comparable"
            : claims::figure_position(summary.prediction, summary.summary.n, summary.source_figure);
    fresh.push_back(f);
    outcome.metrics.push_back(summary);
  }
  // Holm's correction on the failing side over the claim's asserted metrics, then the verdict.
  std::vector<claims::MetricJudgement*> family;
  std::vector<claims::MetricJudgement*> control_family;
  for (auto& m : outcome.metrics) {
    if (m.asserted()) (m.control() ? control_family : family).push_back(&m.judgement);
  }
  claims::judge_family(family);
  claims::judge_family(control_family);
  outcome.seeds_in_sample =
      static_cast<int>(std::count_if(seeds.begin(), seeds.end(), [&](long long seed) {
        return !options.declared || options.declared->contains(seed);
      }));
  outcome.declared_seeds = options.declared ? options.declared->seeds : 0;
  const bool interim = options.declared && outcome.seeds_in_sample < options.declared->seeds &&
                       options.profile != claims::Profile::smoke;
  std::vector<claims::MetricVerdict> control_verdicts;
  for (size_t i = 0; i < outcome.metrics.size(); ++i) {
    auto& m = outcome.metrics[i];
    if (interim && m.asserted() && m.judgement.verdict != claims::MetricVerdict::error) {
      m.judgement.verdict = claims::MetricVerdict::interim;
      m.judgement.declared_seeds = options.declared->seeds;
    }
    if (!m.asserted()) continue;
    (m.control() ? control_verdicts : verdicts).push_back(m.judgement.verdict);
    fresh[i].verdict = m.judgement.verdict;
  }
  if (!control_verdicts.empty()) outcome.control_verdict = claims::combine(control_verdicts);
  const auto& departure = claim.departure(options.profile);
  if (!outcome.error.empty()) {
    outcome.verdict = claims::ClaimVerdict::error;
  } else if (options.profile == claims::Profile::smoke) {
    outcome.verdict = claims::ClaimVerdict::no_verdict;
  } else if (interim) {
    outcome.verdict = claims::ClaimVerdict::interim;
    outcome.verdict_note = fmt::format(
        "interim: {} of the {} declared seeds ({}) have run; the values are shown, no verdict "
        "yet{}",
        outcome.seeds_in_sample, options.declared->seeds, options.declared->describe(),
        outcome.verdict_note.empty() ? "" : " (" + outcome.verdict_note + ")");
  } else {
    std::string bias_note, control_note;
    auto verdict = claims::combine(verdicts);
    if (outcome.control_verdict) {
      verdict = claims::limit_by_control(verdict, *outcome.control_verdict, claim.control.stands_in,
                                         &control_note);
    }
    outcome.verdict = claims::limit_by_bias(verdict, departure.bias, &bias_note);
    if (!control_note.empty()) bias_note = control_note;
    outcome.verdict_note = bias_note.empty()              ? outcome.verdict_note
                           : outcome.verdict_note.empty() ? bias_note
                                                          : bias_note + "; " + outcome.verdict_note;
  }
  if (outcome.error.empty()) {
    outcome.record =
        compare_with_record(resolve_records_root(options.records_root),
                            claims::to_string(options.profile), claim.id, outcome.rows, fresh);
  }
  write_results_csv(outcome.file, outcome.rows);
  write_claim_artifacts(outcome, results.series, results.images);
  if (options.log) {
    *options.log << fmt::format("{} [{}] {}: {} ({:.1f} s, {} seeds){}\n", claim.id, claim.source,
                                claims::to_string(options.profile), outcome.verdict_text(),
                                outcome.seconds, seeds.size(),
                                outcome.verdict_note.empty() ? "" : " — " + outcome.verdict_note);
    for (const auto& m : outcome.metrics) {
      if (m.asserted()) {
        *options.log << fmt::format("  {:<40} {} {} {:.4g}: {}\n", m.metric, m.summary.describe(),
                                    claims::to_string(m.assertion->comparison), m.threshold,
                                    m.judgement.explain());
      }
    }
    *options.log << outcome.record.describe();
    if (claim.reading.declared())
      *options.log << readings_line(claim, outcome.verdict_text(), outcome.file.parent_path());
  }
  return outcome;
}

ClaimOutcome run_claim(const claims::Claim& claim, const RunOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const auto results = evaluate_seeds(claim, options);
  return conclude_claim(claim, options, results, seconds_since(start));
}

}  // namespace aerepro::results
