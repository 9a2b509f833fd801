#include "reports/report_data.h"

#include "claims/assertion.h"  // kControlPrefix only (header-only: no link to the claims)
#include "common/error.h"
#include "results/results_csv.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace aerepro::reports {
namespace {

namespace fs = std::filesystem;

// `message` led by "file:line: " like the harness's own errors (the CSV parser's messages name
// the file and line inside the sentence, and no line for a bad header: line 1).
std::string located(const fs::path& file, const std::string& message) {
  if (message.rfind(file.string() + ":", 0) == 0) return message;
  if (const size_t at = message.find("in line "); at != std::string::npos) {
    const size_t digits = at + 8;
    const size_t end = message.find_first_not_of("0123456789", digits);
    if (end != digits) {
      return fmt::format("{}:{}: {}", file.string(), message.substr(digits, end - digits), message);
    }
  }
  if (message.find("in header of file") != std::string::npos) {
    return fmt::format("{}:1: {}", file.string(), message);
  }
  return fmt::format("{}: {}", file.string(), message);
}

// Runs `read`; an error (ArtifactError names file and line) becomes a Problem. Returns whether
// it succeeded.
template <typename F>
bool try_read(const fs::path& file, std::vector<Problem>& problems, F&& read) {
  try {
    read();
    return true;
  } catch (const Error& e) {
    problems.push_back({file, located(file, e.what())});
  } catch (const std::exception& e) {  // filesystem errors, bad_alloc on absurd input
    problems.push_back({file, fmt::format("{}: {}", file.string(), e.what())});
  }
  return false;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Claim ids with a summary file in `dir` (claims that ran but are missing from index.csv).
std::vector<std::string> claims_with_summaries(const fs::path& dir) {
  std::vector<std::string> ids;
  std::error_code error;
  const std::string suffix = ".summary.csv";
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (ends_with(name, suffix) && name.size() > suffix.size() && name[0] != '.') {
      ids.push_back(name.substr(0, name.size() - suffix.size()));
    }
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

void add_unique(std::vector<std::string>& values, const std::string& value) {
  if (value.empty()) return;
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

}  // namespace

bool is_control_metric(const std::string& metric) {
  return metric.rfind(claims::kControlPrefix, 0) == 0;
}

std::string controlled_metric(const std::string& control) {
  return is_control_metric(control) ? control.substr(std::string(claims::kControlPrefix).size())
                                    : control;
}

std::string control_metric(const std::string& metric) {
  return claims::kControlPrefix + metric;
}

std::string ClaimData::verdict() const {
  if (summary_unreadable) return "unreadable";
  if (summary.empty()) return "not run";
  return summary.front().verdict;
}

#define AEREPRO_RECORD_FIELD(name)                     \
  std::string ClaimData::name() const {                \
    if (!summary.empty()) return summary.front().name; \
    return record ? record->name : std::string();      \
  }
AEREPRO_RECORD_FIELD(source)
AEREPRO_RECORD_FIELD(sentence)
AEREPRO_RECORD_FIELD(departure)
#undef AEREPRO_RECORD_FIELD

std::vector<results::SummaryRow> ClaimData::asserted() const {
  std::vector<results::SummaryRow> rows;
  for (const auto& s : summary) {
    if (!is_control_metric(s.metric) && !s.comparison.empty() && !std::isnan(s.threshold))
      rows.push_back(s);
  }
  return rows.empty() ? own_metrics() : rows;
}

std::vector<results::SummaryRow> ClaimData::own_metrics() const {
  std::vector<results::SummaryRow> rows;
  for (const auto& s : summary) {
    if (!is_control_metric(s.metric)) rows.push_back(s);
  }
  return rows;
}

const results::SummaryRow* ClaimData::control_of(const std::string& metric) const {
  const std::string control = control_metric(metric);
  for (const auto& s : summary) {
    if (s.metric == control) return &s;
  }
  return nullptr;
}

std::vector<results::SummaryRow> ClaimData::orphan_controls() const {
  std::vector<results::SummaryRow> rows;
  for (const auto& s : summary) {
    if (!is_control_metric(s.metric)) continue;
    const std::string metric = controlled_metric(s.metric);
    const bool controls =
        std::any_of(summary.begin(), summary.end(),
                    [&](const results::SummaryRow& m) { return m.metric == metric; });
    if (!controls) rows.push_back(s);
  }
  return rows;
}

bool ClaimData::has_control() const {
  return std::any_of(summary.begin(), summary.end(),
                     [](const results::SummaryRow& s) { return is_control_metric(s.metric); });
}

std::string ClaimData::control_verdict() const {
  bool any = false, all_hold = true, fails = false, interim = false;
  for (const auto& s : summary) {
    if (!is_control_metric(s.metric) || s.metric_verdict.empty()) continue;
    any = true;
    all_hold = all_hold && s.metric_verdict == "holds";
    fails = fails || s.metric_verdict == "fails";
    interim = interim || s.metric_verdict == "interim";
  }
  if (!any) return "";
  if (fails) return "fails";
  if (all_hold) return "holds";
  return interim ? "interim" : "inconclusive";
}

std::string ClaimData::control_stands_in() const {
  // claims::limit_by_control's note: "... holds on its negative control too (<stands_in>): ...".
  static const std::string kLead = "negative control too (";
  for (const auto& s : summary) {
    const size_t at = s.verdict_note.find(kLead);
    if (at == std::string::npos) continue;
    const size_t begin = at + kLead.size();
    int depth = 1;
    for (size_t i = begin; i < s.verdict_note.size(); ++i) {
      if (s.verdict_note[i] == '(') ++depth;
      if (s.verdict_note[i] == ')' && --depth == 0) return s.verdict_note.substr(begin, i - begin);
    }
  }
  return "";
}

Environment ProfileData::environment() const {
  Environment env;
  const auto add = [&env](const std::string& git, const std::string& torch,
                          const std::string& device, int threads, const std::string& checksum) {
    add_unique(env.git_revisions, git);
    add_unique(env.torch_versions, torch);
    add_unique(env.devices, device);
    if (threads > 0) add_unique(env.threads, std::to_string(threads));
    add_unique(env.dataset_checksums, checksum);
  };
  for (const auto& claim : claims) {
    for (const auto& s : claim.summary) {
      add(s.git_revision, s.torch_version, s.device, s.threads, s.dataset_checksum);
    }
    for (const auto& r : claim.rows) {
      add(r.git_revision, r.torch_version, r.device, r.threads, r.dataset_checksum);
    }
  }
  return env;
}

bool ProfileData::usable() const {
  if (index_found) return true;
  return std::any_of(claims.begin(), claims.end(),
                     [](const ClaimData& c) { return !c.summary.empty(); });
}

ProfileData load_profile(const fs::path& profile_dir, const fs::path& bench_dir) {
  ProfileData data;
  data.dir = profile_dir;
  data.profile = profile_dir.filename().string();
  if (data.profile.empty()) data.profile = profile_dir.parent_path().filename().string();
  std::error_code error;
  if (!fs::is_directory(profile_dir, error)) {
    data.problems.push_back(
        {profile_dir, fmt::format("{}: results folder not found", profile_dir.string())});
  } else {
    // index.csv first: it fixes the order and lists the claims that were not run; then claims
    // with a summary but no index entry.
    std::vector<results::ClaimIndexRow> index;
    data.index_found = try_read(results::index_file(profile_dir), data.problems, [&] {
      index = results::read_index_csv(results::index_file(profile_dir));
    });
    std::map<std::string, size_t> position;
    for (const auto& record : index) {
      if (position.count(record.claim)) continue;
      position[record.claim] = data.claims.size();
      ClaimData claim;
      claim.id = record.claim;
      claim.record = record;
      data.claims.push_back(std::move(claim));
    }
    for (const auto& id : claims_with_summaries(profile_dir)) {
      if (position.count(id)) continue;
      position[id] = data.claims.size();
      ClaimData claim;
      claim.id = id;
      data.claims.push_back(std::move(claim));
    }
    const auto planned = read_planned_seeds(profile_dir / "seed_plan.csv");
    for (auto& claim : data.claims) {
      const auto summary = results::summary_file(profile_dir, claim.id);
      const auto rows = profile_dir / (claim.id + ".csv");
      const auto series = results::series_file(profile_dir, claim.id);
      const auto images = results::images_file(profile_dir, claim.id);
      const bool has_summary = fs::exists(summary, error);
      if (has_summary) {
        claim.summary_unreadable = !try_read(
            summary, data.problems, [&] { claim.summary = results::read_summary_csv(summary); });
        if (!claim.summary_unreadable) {
          claim.positions = read_figure_positions(summary);
          claim.extras = read_claim_extras(summary);
        }
        if (!claim.summary_unreadable && claim.summary.empty()) {
          claim.summary_unreadable = true;
          data.problems.push_back(
              {summary, fmt::format("{}: no rows after the header", summary.string())});
        }
      }
      if (claim.extras.declared_seeds == 0 && planned.count(claim.id))
        claim.extras.declared_seeds = planned.at(claim.id);
      if (fs::exists(rows, error)) {
        try_read(rows, data.problems, [&] { claim.rows = results::read_results_csv(rows); });
        if (!has_summary) {
          data.problems.push_back(
              {summary, fmt::format("{}: missing, though {} exists (the run "
                                    "stopped before its summary?)",
                                    summary.string(), rows.filename().string())});
        }
      }
      if (fs::exists(series, error)) {
        try_read(series, data.problems, [&] { claim.series = results::read_series_csv(series); });
      }
      if (fs::exists(images, error)) {
        try_read(images, data.problems, [&] { claim.images = results::read_images_csv(images); });
      }
    }
  }
  // Benchmarks: every *.csv in the bench folder, in name order.
  if (fs::is_directory(bench_dir, error)) {
    std::vector<fs::path> files;
    std::set<std::string> rounds;
    for (const auto& entry : fs::directory_iterator(bench_dir, error)) {
      if (entry.path().extension() != ".csv") continue;
      // benchmarks/run --rounds N keeps each round as <name>.round<i>.csv and writes <name>.csv
      // from the fastest rounds: the rounds are counted, not shown twice.
      const std::string stem = entry.path().stem().string();
      if (const size_t at = stem.rfind(".round"); at != std::string::npos) {
        rounds.insert(stem.substr(at + 6));
        continue;
      }
      files.push_back(entry.path());
    }
    data.bench_rounds = rounds.empty() ? 1 : static_cast<int>(rounds.size());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      std::vector<results::BenchRow> rows;
      if (try_read(file, data.problems, [&] { rows = results::read_bench_csv(file); })) {
        data.bench.insert(data.bench.end(), rows.begin(), rows.end());
        data.bench_files.push_back(file);
      }
    }
  }
  if (data.bench.empty()) data.bench_rounds = 0;
  return data;
}

}  // namespace aerepro::reports
