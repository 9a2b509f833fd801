// Crash safety (issue 7): a run killed (SIGKILL) at any moment leaves no corrupt results or
// checkpoints; the rerun completes, leaves no temporary file, and its results equal those of an
// uninterrupted run.
#include "smoke_run.h"
#include "test_files.h"

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <thread>

#include <gtest/gtest.h>

namespace aerepro::testing {
namespace {

using Clock = std::chrono::steady_clock;

bool any_file_named(const std::filesystem::path& folder, const std::string& fragment) {
  std::error_code ec;
  for (std::filesystem::recursive_directory_iterator it(folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().filename().string().find(fragment) != std::string::npos) return true;
  }
  return false;
}

// Starts the run, waits until `moment()` holds (or the run ends, or `limit` passes), kills it.
// Returns true if it was killed while still running.
bool kill_run_when(const SmokeRun& run, const std::filesystem::path& log,
                   const std::function<bool()>& moment, std::chrono::seconds limit) {
  const pid_t pid = start_cli(run.args(), run.env(), log);
  const auto start = Clock::now();
  int status = 0;
  while (Clock::now() - start < limit) {
    if (waitpid(pid, &status, WNOHANG) == pid) return false;  // finished first
    if (moment()) break;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  kill(-pid, SIGKILL);
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status);
}

struct KillMoment {
  std::string name;
  std::function<bool(const SmokeRun&, double elapsed, double reference_seconds)> reached;
};

// One test (ctest runs each test in its own process): the uninterrupted reference run once, then
// a run killed at each moment and rerun in the same folders.
TEST(ReliabilityCrashSafety, KilledRunsRerunToTheUninterruptedResultsAndLeaveNoTemporaries) {
  TempDir reference_dir;
  const SmokeRun reference{reference_dir / "results", reference_dir / "checkpoints"};
  const auto start = Clock::now();
  const auto first = reference.run();
  const double reference_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  ASSERT_EQ(first.exit_code, 0) << first.all();
  const auto reference_rows = reference.rows();
  ASSERT_FALSE(reference_rows.empty());

  const std::vector<KillMoment> moments = {
      {"while writing a checkpoint",
       [](const SmokeRun& run, double, double) {
         return any_file_named(run.checkpoints, ".tmp-");
       }},
      {"between a checkpoint's weights and its metadata",
       [](const SmokeRun& run, double, double) {
         return any_file_named(run.checkpoints, ".pt") && !any_file_named(run.checkpoints, ".json");
       }},
      {"half-way",
       [](const SmokeRun&, double elapsed, double total) { return elapsed > total / 2; }},
  };
  int killed_count = 0;
  for (const auto& moment : moments) {
    SCOPED_TRACE("killed " + moment.name);
    TempDir dir;
    const SmokeRun run{dir / "results", dir / "checkpoints"};
    const auto run_start = Clock::now();
    const bool killed = kill_run_when(
        run, dir / "killed.log",
        [&] {
          const double elapsed = std::chrono::duration<double>(Clock::now() - run_start).count();
          return moment.reached(run, elapsed, reference_seconds);
        },
        std::chrono::seconds(static_cast<int>(reference_seconds * 3) + 30));
    killed_count += killed;
    std::printf("killed %s: %s\n", moment.name.c_str(), killed ? "yes" : "no (finished first)");
    const auto rerun = run.run();
    ASSERT_EQ(rerun.exit_code, 0) << rerun.all();
    EXPECT_EQ(compare_rows(reference_rows, run.rows()), "");
    for (const auto& file : temporary_files(dir.path())) ADD_FAILURE() << "left behind: " << file;
  }
  EXPECT_GE(killed_count, 2) << "most runs should have been killed before they finished";
}

}  // namespace
}  // namespace aerepro::testing
