#include "results/record.h"
#include "claims/assertion.h"

#include "claims/statistics.h"
#include "common/atomic_file.h"
#include "common/enum_names.h"
#include "common/error.h"
#include "results/artifacts_csv.h"
#include "results/record_figures.h"
#include "results/results_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

namespace aerepro::results {
namespace {

struct RecordedMetric {
  std::vector<std::pair<long long, double>> values;  // (seed, value)
};

std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ArtifactError("cannot read " + file.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool same_value(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || a == b;
}

RecordStatus worse(RecordStatus a, RecordStatus b) {
  return static_cast<int>(a) > static_cast<int>(b) ? a : b;
}

std::string refresh_command(const std::string& profile, const std::string& claim) {
  return fmt::format(
      "build/ci/aerepro run --claim {0} --profile {1} && build/ci/aerepro record --profile {1} "
      "--claim {0}",
      claim, profile);
}

}  // namespace

std::filesystem::path resolve_records_root(const std::filesystem::path& explicit_root) {
  if (!explicit_root.empty()) return explicit_root;
  if (const char* env = std::getenv("AEREPRO_RECORDS_DIR"); env && *env) return env;
  return std::filesystem::path(AEREPRO_SOURCE_DIR) / "records";
}

constexpr EnumName<RecordStatus> kRecordStatusNames[] = {
    {RecordStatus::not_compared, "not compared"},
    {RecordStatus::missing, "no record"},
    {RecordStatus::agrees, "agrees"},
    {RecordStatus::not_comparable, "cannot be compared"},
    {RecordStatus::warning, "warning"},
    {RecordStatus::differs, "differs"}};
static_assert(enum_names_complete(kRecordStatusNames, RecordStatus::differs));

std::string to_string(RecordStatus status) {
  return std::string(enum_name(kRecordStatusNames, status));
}

std::string RecordComparison::evidence() const {
  if (status == RecordStatus::missing || status == RecordStatus::not_compared) return "";
  std::string out = fmt::format("record of {} (revision {}, {} seeds, {}): {}", record_date,
                                record_revision, record_seeds, record_device, record_verdict);
  for (const auto& m : metrics) {
    out += fmt::format("; {} {:.4g} ± {:.2g}{}", m.metric, m.record_mean, m.record_std,
                       m.record_verdict ? " (" + claims::to_string(*m.record_verdict) + ")" : "");
  }
  return out;
}

std::string RecordComparison::describe() const {
  if (status == RecordStatus::not_compared) return "  record: not compared (smoke profile)\n";
  if (status == RecordStatus::missing) {
    return fmt::format("  record: none at {}; to make it: {}\n", file.string(), refresh_command);
  }
  std::string out = fmt::format("  record: {} — {}\n", to_string(status), evidence());
  for (const auto& m : metrics) {
    out += fmt::format(
        "    {:<40} record {:.6g} ± {:.2g} (n={}), now {:.6g} ± {:.2g} (n={}), {} p={:.3g}: "
        "{}{}\n",
        m.metric, m.record_mean, m.record_std, m.record_n, m.fresh_mean, m.fresh_std, m.fresh_n,
        m.paired_seeds >= 2 ? fmt::format("paired t over {} seeds", m.paired_seeds) : "Welch",
        m.p_value, to_string(m.status), m.message.empty() ? "" : " — " + m.message);
  }
  out += fmt::format("  values {} bit-identical to the record ({} environment){}\n",
                     bit_identical ? "are" : "are not", same_environment ? "same" : "a different",
                     same_environment && !value_mismatches.empty()
                         ? ": a change of behaviour (the same environment computes the same "
                           "values); it differs at"
                         : "");
  if (same_environment) {
    const size_t shown = std::min<size_t>(value_mismatches.size(), 8);
    for (size_t i = 0; i < shown; ++i) out += "    " + value_mismatches[i] + "\n";
    if (value_mismatches.size() > shown)
      out += fmt::format("    ... and {} more\n", value_mismatches.size() - shown);
  }
  if (status == RecordStatus::differs)
    out += "  refresh the record (if the change is intended): " + refresh_command + "\n";
  return out;
}

RecordComparison compare_with_record(const std::filesystem::path& records_root,
                                     const std::string& profile, const std::string& claim,
                                     const std::vector<ResultRow>& fresh_rows,
                                     const std::vector<FreshMetric>& fresh) {
  RecordComparison out;
  out.refresh_command = refresh_command(profile, claim);
  if (profile == "smoke") return out;
  out.file = records_root / profile / (claim + ".csv");
  if (!std::filesystem::exists(out.file)) {
    out.status = RecordStatus::missing;
    return out;
  }
  const auto rows = read_results_csv(out.file);
  std::map<std::string, RecordedMetric> recorded;
  std::vector<long long> seeds;
  for (const auto& r : rows) {
    recorded[r.metric].values.emplace_back(r.seed, r.value);
    if (std::find(seeds.begin(), seeds.end(), r.seed) == seeds.end()) seeds.push_back(r.seed);
    out.record_date = std::max(out.record_date, r.date);
  }
  out.record_seeds = static_cast<int>(seeds.size());
  std::map<std::string, claims::MetricVerdict> recorded_verdicts;
  const auto summary = summary_file(out.file.parent_path(), claim);
  if (std::filesystem::exists(summary)) {
    for (const auto& s : read_summary_csv(summary)) {
      out.record_verdict = s.verdict;
      if (!s.metric_verdict.empty())
        recorded_verdicts[s.metric] = claims::parse_metric_verdict(s.metric_verdict);
    }
  }
  if (!rows.empty()) {
    out.record_revision = rows.front().git_revision;
    out.record_device = rows.front().device;
  }
  // Environment and bit-identity.
  const ResultRow* now = nullptr;
  for (const auto& r : fresh_rows) {
    if (r.metric != "error") {
      now = &r;
      break;
    }
  }
  if (now && !rows.empty()) {
    // Every record row must come from this environment: a record merged from shards run on
    // different hosts has no one environment to reproduce bit for bit.
    // CPU rows only: a CUDA row does not name its GPU model, and kernels differ between them.
    out.same_environment = !now->host.empty() && now->device.rfind("cpu", 0) == 0;
    for (const auto& then : rows) {
      out.same_environment = out.same_environment && now->torch_version == then.torch_version &&
                             now->device == then.device && now->host == then.host &&
                             now->threads == then.threads &&
                             now->dataset_checksum == then.dataset_checksum &&
                             now->deterministic == then.deterministic;
    }
  }
  // Bit-identity over the (seed, metric) values that both runs have.
  out.bit_identical = !fresh_rows.empty() && fresh_rows.size() == rows.size();
  for (const auto& r : fresh_rows) {
    if (r.metric == "error") continue;
    const auto it = recorded.find(r.metric);
    if (it == recorded.end()) {
      out.bit_identical = false;
      continue;
    }
    const auto then = std::find_if(it->second.values.begin(), it->second.values.end(),
                                   [&](const auto& sv) { return sv.first == r.seed; });
    if (then == it->second.values.end()) {
      out.bit_identical = false;
      continue;
    }
    if (!same_value(then->second, r.value)) {
      out.bit_identical = false;
      out.value_mismatches.push_back(fmt::format("seed {} {}: record {:.17g}, now {:.17g}", r.seed,
                                                 r.metric, then->second, r.value));
    }
  }
  // Asserted metrics: means within Welch's test, no verdict crossing holds <-> fails.
  out.status = RecordStatus::agrees;
  for (const auto& f : fresh) {
    if (!f.verdict) continue;
    MetricComparison m;
    m.metric = f.metric;
    m.fresh_verdict = f.verdict;
    const auto fs = claims::summarize(f.values);
    m.fresh_n = fs.n;
    m.fresh_mean = fs.mean;
    m.fresh_std = fs.std;
    const auto it = recorded.find(f.metric);
    if (it == recorded.end() && claims::is_control_metric(f.metric)) {
      m.status = RecordStatus::warning;
      m.message = "the record has no value of this negative control (recorded before it ran)";
    } else if (it == recorded.end()) {
      m.status = RecordStatus::differs;
      m.message = "the record has no value of this metric (a new assertion?)";
    } else {
      std::vector<double> values, differences;
      for (const auto& sv : it->second.values) values.push_back(sv.second);
      // The seeds both runs have: their per-seed differences (the same seed's draws on both).
      for (size_t i = 0; i < f.seeds.size() && i < f.values.size(); ++i) {
        for (const auto& [seed, value] : it->second.values) {
          if (seed == f.seeds[i]) differences.push_back(f.values[i] - value);
        }
      }
      m.paired_seeds = static_cast<int>(differences.size());
      const auto rs = claims::summarize(values);
      m.record_n = rs.n;
      m.record_mean = rs.mean;
      m.record_std = rs.std;
      const double floor = 1e-12 * std::max({1.0, std::abs(rs.mean), std::abs(fs.mean)});
      m.p_value = m.paired_seeds >= 2
                      ? claims::paired_t_p_value(differences, floor)
                      : claims::welch_p_value(rs.mean, rs.std, rs.n, fs.mean, fs.std, fs.n, floor);
      if (const auto v = recorded_verdicts.find(f.metric); v != recorded_verdicts.end())
        m.record_verdict = v->second;
      using claims::MetricVerdict;
      const bool crossed =
          m.record_verdict &&
          ((*m.record_verdict == MetricVerdict::holds && *f.verdict == MetricVerdict::fails) ||
           (*m.record_verdict == MetricVerdict::fails && *f.verdict == MetricVerdict::holds));
      const bool no_spread = rs.n == 1 && fs.n == 1;
      if (!no_spread && (std::isnan(m.p_value) || m.p_value < kRecordAlpha)) {
        m.status = RecordStatus::differs;
        m.message = fmt::format("the {} beyond the tolerance ({} p < {})",
                                m.paired_seeds >= 2 ? "per-seed values moved" : "mean moved",
                                m.paired_seeds >= 2      ? "paired t"
                                : rs.n == 1 || fs.n == 1 ? "prediction-interval"
                                                         : "Welch",
                                kRecordAlpha);
      } else if (crossed || (m.record_verdict && (*m.record_verdict == MetricVerdict::error) !=
                                                     (*f.verdict == MetricVerdict::error))) {
        m.status = RecordStatus::differs;
        m.message =
            fmt::format("verdict {} in the record, {} now", claims::to_string(*m.record_verdict),
                        claims::to_string(*f.verdict));
      } else if (m.record_verdict && *m.record_verdict != *f.verdict) {
        m.status = RecordStatus::warning;
        m.message =
            fmt::format("verdict {} in the record, {} now (means compatible)",
                        claims::to_string(*m.record_verdict), claims::to_string(*f.verdict));
      } else if (no_spread) {
        // Two single runs: no spread to test a difference with. Never "agrees"; on the record's
        // own environment bit-identity decides below.
        m.status = RecordStatus::not_comparable;
        m.message = "one seed on each side: cannot be compared (no spread to test a difference)";
      }
    }
    out.status = worse(out.status, m.status);
    out.metrics.push_back(m);
  }
  // In the record's own environment a run computes the same numbers: any other value is a
  // change of behaviour, however small next to the seeds' spread (Welch's test at 3 seeds only
  // sees large moves).
  if (out.same_environment && !out.value_mismatches.empty()) out.status = RecordStatus::differs;
  // ... and the same values: two single runs that are bit-identical do agree.
  if (out.same_environment && out.bit_identical && out.status == RecordStatus::not_comparable)
    out.status = RecordStatus::agrees;
  return out;
}

std::vector<std::string> write_records(const std::filesystem::path& results_root,
                                       const std::filesystem::path& records_root,
                                       const std::string& profile,
                                       const std::vector<std::string>& claim_ids,
                                       bool allow_interim) {
  const auto from = results_root / profile;
  const auto to = records_root / profile;
  std::vector<std::string> recorded;
  std::vector<std::pair<std::filesystem::path, std::string>> files;
  std::vector<std::pair<std::filesystem::path, std::vector<SummaryRow>>> summaries;
  for (const auto& id : claim_ids) {
    const auto rows_file = from / (id + ".csv");
    const auto summary = summary_file(from, id);
    if (!std::filesystem::exists(rows_file)) continue;
    const auto rows = read_results_csv(rows_file);  // checks the file
    for (const auto& r : rows) {
      if (r.metric == "error") {
        throw ArtifactError(
            fmt::format("{}: seed {} of {} ended in an error ({}); an error is "
                        "not recorded: fix it and rerun",
                        rows_file.string(), r.seed, id, r.note));
      }
    }
    const auto summary_rows = read_summary_csv(summary);
    if (!summary_rows.empty() && summary_rows.front().verdict == "error") {
      throw ArtifactError(summary.string() + ": the run ended in an error; not recorded");
    }
    if (!allow_interim && !summary_rows.empty() &&
        summary_rows.front().verdict.rfind("interim", 0) == 0) {
      throw ArtifactError(fmt::format(
          "{}: {} is {} — fewer seeds than declared (records/{}/seed_plan.csv) give no verdict "
          "and are not recorded; run the missing seeds, or record the interim state on purpose "
          "with `aerepro record --interim`",
          summary.string(), id, summary_rows.front().verdict, profile));
    }
    files.emplace_back(to / rows_file.filename(), read_bytes(rows_file));
    summaries.emplace_back(to / summary.filename(), summary_rows);  // rewritten: compact form
    recorded.push_back(id);
  }
  if (recorded.empty()) {
    throw ArtifactError(
        fmt::format("no claim results in {}: run the claims first (aerepro run "
                    "--profile {})",
                    from.string(), profile));
  }
  std::filesystem::create_directories(to);
  for (const auto& [file, text] : files) write_text_atomically(file, text);
  for (const auto& [file, rows] : summaries) write_summary_csv(file, rows);
  for (const auto& id : recorded) record_figure_data(from, to, id);  // the report draws them
  if (std::filesystem::exists(index_file(from))) {
    read_index_csv(index_file(from));
    write_text_atomically(index_file(to), read_bytes(index_file(from)));
  }
  return recorded;
}

}  // namespace aerepro::results
