#include "results/seed_plan.h"

#include "claims/profile.h"
#include "claims/share_test.h"
#include "claims/verdict.h"
#include "common/atomic_file.h"
#include "common/error.h"
#include "results/artifacts_csv.h"
#include "results/csv_fields.h"
#include "results/csv_reading.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace aerepro::results {

std::filesystem::path seed_plan_file(const std::filesystem::path& records_root,
                                     const std::string& profile) {
  return records_root / profile / "seed_plan.csv";
}

std::vector<SeedPlanRow> plan_seeds(const std::filesystem::path& records_root,
                                    const std::string& profile) {
  const auto folder = records_root / profile;
  std::vector<std::filesystem::path> summaries;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (name.size() > 12 && name.substr(name.size() - 12) == ".summary.csv")
      summaries.push_back(it->path());
  }
  if (summaries.empty()) {
    throw UsageError(
        fmt::format("no summaries in {}: a plan needs a pilot record", folder.string()));
  }
  std::sort(summaries.begin(), summaries.end());
  std::vector<SeedPlanRow> plan;
  for (const auto& file : summaries) {
    const auto rows = read_summary_csv(file);
    if (rows.empty()) continue;
    SeedPlanRow p;
    p.claim = rows.front().claim;
    p.pilot_seeds = p.planned_seeds = rows.front().n;
    const auto& verdict = rows.front().verdict;
    if (verdict.rfind("interim", 0) == 0) {  // not a pilot: its declared sample is still running
      p.planned_seeds = std::max(p.pilot_seeds, rows.front().declared_seeds);
      p.reason = verdict + ": its declared sample has not all run; no new plan";
      plan.push_back(p);
      continue;
    }
    if (verdict != "inconclusive") {
      p.reason = fmt::format("{} at {} seeds: no more needed", verdict, p.pilot_seeds);
      plan.push_back(p);
      continue;
    }
    std::vector<std::string> undecidable;
    bool any_inconclusive = false;
    for (const auto& r : rows) {
      if (r.metric_verdict != "inconclusive") continue;
      any_inconclusive = true;
      if (r.n < 2) {
        if (p.planned_seeds < 5) {
          p.planned_seeds = 5;
          p.deciding_metric = r.metric;
        }
        continue;
      }
      const bool by_share = r.judged_by == "share";
      const auto needed =
          by_share
              // The share by Laplace's rule, (k + 1) / (n + 2): a pilot's 5 of 5 is no sure thing.
              ? claims::seeds_for_share_power((r.seeds_met + 1.0) / (r.n + 2.0), r.declared_share,
                                              claims::kLookAlpha, kSeedPlanCap)
              : claims::seeds_for_power(r.mean, r.std, r.threshold, kSeedPlanCap);
      if (!needed) {
        undecidable.push_back(r.metric);
      } else if (*needed > p.planned_seeds) {
        p.planned_seeds = *needed;
        p.deciding_metric = r.metric;
      }
    }
    if (!any_inconclusive) {
      p.reason = fmt::format(
          "inconclusive by its profile's departures, not by its spread ({}): more seeds do not "
          "decide it",
          rows.front().verdict_note.empty() ? "see the record" : rows.front().verdict_note);
    } else if (p.pilot_seeds < 2) {
      p.reason = "one seed has no spread: a 5-seed pilot first, then a plan from it";
    } else {
      std::vector<std::string> parts;
      if (p.planned_seeds > p.pilot_seeds) {
        // The final sample: new seeds after the pilot's, independent of it.
        p.first_seed = p.pilot_seeds;
        parts.push_back(fmt::format(
            "{} new seeds ({}..{}, independent of the pilot's) give 80 % power to "
            "settle {} at the pilot's estimate",
            p.planned_seeds, p.first_seed, p.first_seed + p.planned_seeds - 1, p.deciding_metric));
      }
      if (!undecidable.empty()) {
        std::string names;
        for (const auto& m : undecidable) names += (names.empty() ? "" : ", ") + m;
        parts.push_back(
            fmt::format("{} cannot be settled by a practical number of seeds (up to {}): its "
                        "estimate sits on its threshold or its spread is too large",
                        names, kSeedPlanCap));
      }
      for (const auto& part : parts) p.reason += (p.reason.empty() ? "" : "; ") + part;
    }
    plan.push_back(p);
  }
  return plan;
}

void write_seed_plan(const std::filesystem::path& file, const std::vector<SeedPlanRow>& rows) {
  std::ostringstream out;
  out << "claim,pilot_seeds,planned_seeds,first_seed,deciding_metric,reason\n";
  for (const auto& r : rows) {
    out << csv_quoted(r.claim) << ',' << r.pilot_seeds << ',' << r.planned_seeds << ','
        << r.first_seed << ',' << csv_quoted(r.deciding_metric) << ',' << csv_quoted(r.reason)
        << '\n';
  }
  write_text_atomically(file, out.str());
}

std::vector<SeedPlanRow> read_seed_plan(const std::filesystem::path& file) {
  return guarded(file, "seed plan", [&] {
    std::vector<SeedPlanRow> rows;
    CsvReader<6> reader(file.string());
    // first_seed (issue 34) is optional: a plan without it starts every sample at seed 0.
    reader.read_header(io::ignore_no_column | io::ignore_missing_column, "claim", "pilot_seeds",
                       "planned_seeds", "first_seed", "deciding_metric", "reason");
    require_columns(file, {"claim", "pilot_seeds", "planned_seeds", "deciding_metric", "reason"},
                    [&](const std::string& name) { return reader.has_column(name); });
    SeedPlanRow r;
    std::string pilot, planned, first;
    while (reader.read_row(r.claim, pilot, planned, first, r.deciding_metric, r.reason)) {
      const unsigned line = reader.get_file_line();
      require_text(r.claim, file, line, "claim");
      r.pilot_seeds = parse_csv_int(pilot, file, line, "pilot_seeds");
      r.planned_seeds = parse_csv_int(planned, file, line, "planned_seeds");
      r.first_seed = first.empty() ? 0 : parse_csv_int(first, file, line, "first_seed");
      first.clear();
      if (r.first_seed < 0) {
        throw ArtifactError(
            fmt::format("{}:{}: first_seed {} is not a seed", file.string(), line, r.first_seed));
      }
      if (r.planned_seeds < 1 || r.planned_seeds > 1000) {
        throw ArtifactError(fmt::format("{}:{}: planned_seeds {} is not a seed count",
                                        file.string(), line, r.planned_seeds));
      }
      rows.push_back(r);
    }
    return rows;
  });
}

std::vector<SeedPlanRow> keep_declared(const std::vector<SeedPlanRow>& declared,
                                       const std::vector<SeedPlanRow>& fresh) {
  std::vector<SeedPlanRow> out;
  const auto find = [](const std::vector<SeedPlanRow>& rows, const std::string& claim) {
    return std::find_if(rows.begin(), rows.end(),
                        [&](const SeedPlanRow& r) { return r.claim == claim; });
  };
  for (const auto& row : fresh) {
    const auto old = find(declared, row.claim);
    out.push_back(old == declared.end() ? row : *old);
  }
  for (const auto& row : declared) {
    if (find(fresh, row.claim) == fresh.end()) out.push_back(row);
  }
  return out;
}

std::map<std::string, int> planned_seeds(const std::filesystem::path& records_root,
                                         const std::string& profile) {
  std::map<std::string, int> out;
  const auto file = seed_plan_file(records_root, profile);
  if (!std::filesystem::exists(file)) return out;
  for (const auto& r : read_seed_plan(file)) out[r.claim] = r.planned_seeds;
  return out;
}

}  // namespace aerepro::results

namespace aerepro::results {

std::optional<DeclaredSample> declared_sample(const std::filesystem::path& records_root,
                                              const std::string& profile,
                                              const std::string& claim_id) {
  const auto p = claims::parse_profile(profile);
  if (p == claims::Profile::smoke) return std::nullopt;
  DeclaredSample out{0, claims::default_seeds(p)};
  const auto file = seed_plan_file(records_root, profile);
  if (!std::filesystem::exists(file)) return out;
  for (const auto& r : read_seed_plan(file)) {
    if (r.claim == claim_id) return DeclaredSample{r.first_seed, r.planned_seeds};
  }
  return out;
}

}  // namespace aerepro::results
