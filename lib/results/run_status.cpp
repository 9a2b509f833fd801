#include "results/run_status.h"

#include "results/results_csv.h"
#include "results/seed_plan.h"
#include "results/seed_shards.h"
#include "train/epoch_state.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <regex>

namespace aerepro::results {
namespace {

// "seed-12.csv" -> 12; none for anything else (series and image files included).
std::optional<long long> shard_seed(const std::filesystem::path& file) {
  static const std::regex pattern(R"(seed-([0-9]+)\.csv)");
  std::smatch match;
  const auto name = file.filename().string();
  if (!std::regex_match(name, match, pattern)) return std::nullopt;
  return std::stoll(match[1].str());
}

// A number after `key` in a description ("seed=3" -> 3), or -1.
long long number_after(const std::string& text, const std::string& key) {
  const auto at = text.find(key);
  if (at == std::string::npos) return -1;
  try {
    return std::stoll(text.substr(at + key.size()));
  } catch (const std::exception&) {
    return -1;
  }
}

std::string hours(double seconds) {
  if (!std::isfinite(seconds)) return "unknown (no seed done yet)";
  return fmt::format("{:.2f}", seconds / 3600.0);
}

}  // namespace

double ClaimSeedStatus::seconds_left() const {
  if (!declared) return 0;
  const auto missing =
      std::max<long long>(0, declared->seeds - static_cast<long long>(done.size()));
  if (missing == 0) return 0;
  if (done.empty()) return std::nan("");
  return static_cast<double>(missing) * mean_seed_seconds;
}

double TrainingInProgress::seconds_left() const {
  if (epochs_done <= 0 || epochs <= 0) return std::nan("");
  return static_cast<double>(epochs - epochs_done) * seconds / static_cast<double>(epochs_done);
}

std::vector<ClaimSeedStatus> claim_seed_status(const RunOptions& options,
                                               const std::vector<std::string>& claim_ids) {
  std::vector<ClaimSeedStatus> out;
  const auto profile = claims::to_string(options.profile);
  for (const auto& id : claim_ids) {
    ClaimSeedStatus status;
    status.claim = id;
    status.declared = declared_sample(options.records_root, profile, id);
    const auto folder = shard_folder(options, id);
    double seconds = 0;
    if (std::filesystem::is_directory(folder)) {
      for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const auto seed = shard_seed(entry.path());
        if (!seed) continue;
        if (status.declared && !status.declared->contains(*seed)) {
          status.outside.push_back(*seed);
          continue;
        }
        status.done.push_back(*seed);
        const auto rows = read_results_csv(entry.path());
        if (!rows.empty()) seconds += rows.front().seconds;
      }
    }
    std::sort(status.done.begin(), status.done.end());
    std::sort(status.outside.begin(), status.outside.end());
    if (!status.done.empty()) status.mean_seed_seconds = seconds / status.done.size();
    out.push_back(status);
  }
  return out;
}

std::vector<TrainingInProgress> trainings_in_progress(const train::CheckpointStore& store) {
  std::vector<TrainingInProgress> out;
  const auto folder = store.resolved_root();
  if (!store.enabled || !std::filesystem::is_directory(folder)) return out;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const auto name = entry.path().filename().string();
    if (name.size() < 9 || name.substr(name.size() - 9) != ".epoch.pt") continue;
    TrainingInProgress t;
    t.file = entry.path();
    try {
      const auto summary = train::read_epoch_state_summary(entry.path());
      const auto& d = summary.description;
      const auto model_end = d.find(" | training: ");
      t.model = d.substr(0, model_end).substr(d.rfind("model: ", 0) == 0 ? 7 : 0);
      const auto training = model_end == std::string::npos ? d : d.substr(model_end);
      t.seed = number_after(training, " seed=");
      t.epochs = number_after(training, " epochs=");
      t.epochs_done = summary.state.epochs_done;
      for (const auto& e : summary.state.history.epochs) t.seconds += e.seconds;
    } catch (const std::exception& e) {
      t.problem = e.what();
    }
    out.push_back(t);
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.file.filename() < b.file.filename(); });
  return out;
}

void print_status(std::ostream& out, const std::vector<ClaimSeedStatus>& claims,
                  const std::vector<TrainingInProgress>& trainings) {
  out << fmt::format("{:<52} {:>14} {:>16} {:>15}\n", "claim", "seeds done", "declared",
                     "core-hours left");
  double total = 0;
  bool total_known = true;
  for (const auto& c : claims) {
    const auto declared = c.declared ? c.declared->describe() : std::string("(no plan)");
    const auto left = c.seconds_left();
    if (std::isfinite(left))
      total += left;
    else
      total_known = false;
    out << fmt::format("{:<52} {:>14} {:>16} {:>15}\n", c.claim,
                       c.declared ? fmt::format("{} of {}", c.done.size(), c.declared->seeds)
                                  : std::to_string(c.done.size()),
                       declared, hours(left));
    if (!c.outside.empty())
      out << fmt::format("    {} shard(s) outside the declared sample (not judged)\n",
                         c.outside.size());
  }
  out << fmt::format("core-hours left for the missing seeds: {}{}\n", hours(total),
                     total_known ? "" : " (and the claims with no seed done yet)");
  if (trainings.empty()) {
    out << "no training stopped part-way (no epoch states)\n";
    return;
  }
  out << "trainings stopped part-way (a rerun of their claim resumes them):\n";
  for (const auto& t : trainings) {
    if (!t.problem.empty()) {
      out << "  " << t.problem << "\n";
      continue;
    }
    out << fmt::format(
        "  {} seed {}: epoch {} of {} done ({:.0f} s an epoch), {} core-hours left\n", t.model,
        t.seed, t.epochs_done, t.epochs, t.epochs_done > 0 ? t.seconds / t.epochs_done : 0.0,
        hours(t.seconds_left()));
  }
}

}  // namespace aerepro::results
