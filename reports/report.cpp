#include "reports/report.h"

#include "common/atomic_file.h"
#include "common/error.h"
#include "reports/card_evidence.h"
#include "reports/compare.h"
#include "reports/gnuplot_figures.h"
#include "reports/html_page.h"
#include "reports/inventory.h"
#include "reports/markdown.h"
#include "reports/records_table.h"
#include "reports/report_data.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <map>
#include <ostream>
#include <random>

#ifndef AEREPRO_SOURCE_DIR
#define AEREPRO_SOURCE_DIR "."
#endif

namespace aerepro::reports {
namespace {

namespace fs = std::filesystem;

fs::path default_results_root() {
  if (const char* env = std::getenv("AEREPRO_RESULTS_DIR"); env && *env) return env;
  return fs::path(AEREPRO_SOURCE_DIR) / "records";
}

bool named_records(const fs::path& root) {
  fs::path r = root.lexically_normal();
  if (!r.has_filename()) r = r.parent_path();
  return r.filename() == "records";
}

// Why there is nothing at <root>/<profile>, and the flag that likely was meant.
std::string missing_results_hint(const fs::path& root, const std::string& profile) {
  std::string there;
  std::error_code error;
  if (fs::is_directory(root, error)) {
    for (const auto& entry : fs::directory_iterator(root, error)) {
      if (entry.is_directory(error) && entry.path().filename() != "bench")
        there += (there.empty() ? "" : ", ") + entry.path().filename().string();
    }
  }
  return fmt::format(
      "  {}: no profile '{}' here{}.\n"
      "  The committed records (the report of record): --results records --profile full (or "
      "ci).\n  A run of your own (aerepro run, ./ci/report): --results results --profile ci.\n",
      root.string(), profile,
      there.empty() ? std::string(fs::is_directory(root, error) ? " (it holds no profile)"
                                                                : " (the folder does not exist)")
                    : " (it holds: " + there + ")");
}

bool same_folder(const fs::path& a, const fs::path& b) {
  std::error_code error;
  return fs::equivalent(a, b, error);
}

// claim → verdict of the full profile's records, for a reduced profile's banner.
std::map<std::string, std::string> full_verdicts(const fs::path& records_full) {
  std::map<std::string, std::string> out;
  std::error_code error;
  if (!fs::is_directory(records_full, error)) return out;
  for (const auto& c : load_profile(records_full, {}).claims) {
    if (!c.summary.empty()) out[c.id] = c.verdict();
  }
  return out;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[64];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return text;
}

// Builds a folder with `fill` in a hidden sibling of `target`, then swaps it into place: a reader
// sees the old folder or the complete new one (and never a half-written one under that name).
// An existing folder is replaced only when it is empty or an earlier report (index.html and
// report.md): `--out` pointed at some other folder must never delete it.
void require_replaceable(const fs::path& target) {
  if (!fs::exists(target)) return;
  if (!fs::is_directory(target)) {
    throw ArtifactError(fmt::format("{}: exists and is not a folder", target.string()));
  }
  const bool empty = fs::is_empty(target);
  const bool report = fs::exists(target / "index.html") && fs::exists(target / "report.md");
  if (!empty && !report) {
    throw ArtifactError(
        fmt::format("{}: exists and is not an earlier report (no index.html and "
                    "report.md); it would be replaced: choose another --out",
                    target.string()));
  }
}

template <typename Fill>
void write_folder_atomically(const fs::path& target, Fill&& fill) {
  require_replaceable(target);
  const fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  fs::create_directories(parent);
  const auto tag = std::to_string(std::random_device{}());
  const fs::path staging = parent / ("." + target.filename().string() + ".new-" + tag);
  const fs::path old = parent / ("." + target.filename().string() + ".old-" + tag);
  try {
    fs::create_directories(staging);
    fill(staging);
    if (fs::exists(target)) fs::rename(target, old);
    fs::rename(staging, target);
  } catch (...) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    if (!fs::exists(target, ignored) && fs::exists(old, ignored)) fs::rename(old, target, ignored);
    throw;
  }
  std::error_code ignored;
  fs::remove_all(old, ignored);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int write_report(const ReportOptions& options, std::ostream& log) {
  const auto start = std::chrono::steady_clock::now();
  const fs::path root =
      options.results_root.empty() ? default_results_root() : options.results_root;
  const fs::path profile_dir = root / options.profile;
  const fs::path bench_dir = options.bench_dir.empty() ? root / "bench" : options.bench_dir;
  const fs::path source_dir =
      options.source_dir.empty() ? fs::path(AEREPRO_SOURCE_DIR) : options.source_dir;
  const std::string out_name = named_records(root) ? "records-" + options.profile : options.profile;
  const fs::path out_dir = options.out_dir.empty()
                               ? fs::path(AEREPRO_SOURCE_DIR) / "reports" / "out" / out_name
                               : options.out_dir;
  ProfileData data = load_profile(profile_dir, bench_dir);
  StalenessChecker staleness(source_dir);
  for (auto& c : data.claims) {
    if (!c.summary.empty())
      c.staleness =
          staleness.check(c.summary.front().git_revision, c.id, c.summary.front().judged_revision);
  }
  if (!data.usable()) {
    log << "aerepro-report: nothing to report in " << profile_dir.string() << ":\n";
    for (const auto& p : data.problems) log << "  " << p.message << "\n";
    log << missing_results_hint(root, options.profile);
    return 2;
  }
  PageInfo info;
  info.generated_at = utc_now();
  info.bench_dir = bench_dir;
  const fs::path records = named_records(root) ? root : source_dir / "records";
  info.results_are_records =
      named_records(root) || same_folder(profile_dir, records / options.profile);
  info.inventory =
      read_inventory(options.inventory_dir.empty() ? default_inventory_dir(root, source_dir)
                                                   : options.inventory_dir);
  if (!info.inventory.found) {
    data.problems.push_back(
        {info.inventory.dir,
         fmt::format("{}: no claims inventory found, so each report's card groups the claims by "
                     "their source column (S0 … S4) and cites no line of the report; "
                     "--inventory DIR names the folder",
                     info.inventory.dir.string())});
  }
  data.problems.insert(data.problems.end(), info.inventory.problems.begin(),
                       info.inventory.problems.end());
  // Inventory notes that name what their claims lack: the cards never show them; listed here.
  {
    const auto stale = stale_inventory_notes(grading_cards(data, info.inventory), data);
    data.problems.insert(data.problems.end(), stale.begin(), stale.end());
  }
  if (options.profile != "full") {
    info.full_records = records / "full";
    info.full_verdicts = full_verdicts(info.full_records);
  }
  std::vector<Figure> figures;
  for (const auto& c : data.claims) {
    auto s = series_figures(c.id, c.series, c.extras.loss);
    auto i = image_figures(c.id, c.images);
    figures.insert(figures.end(), s.begin(), s.end());
    figures.insert(figures.end(), i.begin(), i.end());
  }
  const auto bench = bench_figures(data.bench);
  figures.insert(figures.end(), bench.begin(), bench.end());
  try {
    write_folder_atomically(out_dir, [&](const fs::path& dir) {
      render_figures(figures, dir, options.gnuplot);
      for (const auto& page : report_site(data, figures, info))
        write_text_atomically(dir / page.file, page.html);
      write_text_atomically(dir / "report.md", report_markdown(data, figures, info));
    });
  } catch (const std::exception& e) {
    log << "aerepro-report: cannot write the report to " << out_dir.string() << ": " << e.what()
        << "\n";
    return 2;
  }
  int drawn = 0, failed = 0, run = 0, unreadable = 0;
  for (const auto& f : figures) (f.rendered ? drawn : failed) += 1;
  for (const auto& c : data.claims) {
    run += c.summary.empty() ? 0 : 1;
    unreadable += c.summary_unreadable ? 1 : 0;
  }
  for (const auto& p : data.problems) log << "problem: " << p.message << "\n";
  for (const auto& f : figures) {
    if (!f.rendered)
      log << "problem: figure " << f.name << " of " << f.claim << ": " << f.error << "\n";
  }
  log << fmt::format(
      "report: {} claims ({} run, {} not run, {} unreadable), {} figures drawn, "
      "{} problems -> {} ({:.2f} s)\n",
      data.claims.size(), run, data.claims.size() - static_cast<size_t>(run + unreadable),
      unreadable, drawn, data.problems.size() + static_cast<size_t>(failed),
      (out_dir / "index.html").string(), seconds_since(start));
  return 0;
}

int write_comparison(const CompareOptions& options, std::ostream& log) {
  const auto start = std::chrono::steady_clock::now();
  const fs::path out_dir = options.out_dir.empty()
                               ? fs::path(AEREPRO_SOURCE_DIR) / "reports" / "out" / "compare"
                               : options.out_dir;
  auto a = load_profile(options.a, {});  // benchmarks are not compared
  auto b = load_profile(options.b, {});
  for (const auto* side : {&a, &b}) {
    if (!side->usable()) {
      log << "aerepro-report: nothing to compare in " << side->dir.string() << ":\n";
      for (const auto& p : side->problems) log << "  " << p.message << "\n";
      return 2;
    }
  }
  const auto comparison = compare_profiles(std::move(a), std::move(b));
  PageInfo info;
  info.generated_at = utc_now();
  try {
    write_folder_atomically(out_dir, [&](const fs::path& dir) {
      write_text_atomically(dir / "index.html", comparison_html(comparison, info));
      write_text_atomically(dir / "report.md", comparison_markdown(comparison, info));
    });
  } catch (const std::exception& e) {
    log << "aerepro-report: cannot write the comparison to " << out_dir.string() << ": " << e.what()
        << "\n";
    return 2;
  }
  log << fmt::format(
      "comparison: {} claims, {} metric(s) beyond the spread, {} verdict change(s) "
      "-> {} ({:.2f} s)\n",
      comparison.claims.size(), comparison.flagged, comparison.verdict_changes,
      (out_dir / "index.html").string(), seconds_since(start));
  return 0;
}

void add_report_options(CLI::App& app, ReportCommand& command) {
  app.add_option("--results", command.report.results_root,
                 "Folder holding <profile>/: records (the committed records, the default unless "
                 "$AEREPRO_RESULTS_DIR is set) or results (a run's)");
  app.add_option("--profile", command.report.profile, "Profile to report: smoke | ci | full")
      ->capture_default_str();
  app.add_option("--inventory", command.report.inventory_dir,
                 "The claims inventory folder (s0.csv … s4.csv; default: inventory/ beside the "
                 "records)");
  app.add_option("--bench", command.report.bench_dir,
                 "Benchmark CSV folder (default: <results>/bench)");
  app.add_option("--out", command.out,
                 "Output folder (default: reports/out/records-<profile> for the records, "
                 "reports/out/<profile> for a run's results, reports/out/compare)");
  app.add_option("--compare", command.compare,
                 "Compare two results profile folders, e.g. results/ci /tmp/other/ci")
      ->expected(2);
  app.add_option("--gnuplot", command.report.gnuplot, "gnuplot command")->capture_default_str();
  app.add_flag("--table", command.table,
               "Print the Markdown table of the profile's verdicts (the README's table of the "
               "records: aerepro report --table --results records --profile full)");
}

int run_report_command(const ReportCommand& command, std::ostream& log) {
  if (command.table) {
    const fs::path root =
        command.report.results_root.empty() ? default_results_root() : command.report.results_root;
    const auto data = load_profile(root / command.report.profile, {});
    if (!data.usable()) {
      log << "aerepro-report: nothing to tabulate in " << (root / command.report.profile).string()
          << "\n"
          << missing_results_hint(root, command.report.profile);
      return 2;
    }
    log << records_table_markdown(data);
    return 0;
  }
  if (command.compare.size() == 2) {
    CompareOptions options;
    options.a = command.compare[0];
    options.b = command.compare[1];
    options.out_dir = command.out;
    return write_comparison(options, log);
  }
  ReportOptions options = command.report;
  options.out_dir = command.out;
  return write_report(options, log);
}

}  // namespace aerepro::reports
