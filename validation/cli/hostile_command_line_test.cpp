// The `aerepro` command against hostile command lines and environments: each stops with a
// non-zero exit code and one clear message saying what is wrong, before any training, and
// leaves no file behind.
#include "cli_runner.h"
#include "test_files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace aerepro::testing {
namespace {

using ::testing::HasSubstr;

constexpr const char* kSmokeClaim = "s0.kmeans_codes_above_70";

// A run that must fail: non-zero exit, `fragments` in stderr, nothing written to `results`.
void expect_refused(const std::vector<std::string>& args, const std::vector<std::string>& fragments,
                    const std::vector<std::string>& env = {}, const std::string& prefix = "") {
  TempDir results;
  auto full_args = args;
  full_args.insert(full_args.begin() + 1, {"--results", (results / "out").string()});
  const auto run = run_cli(full_args, env, prefix);
  EXPECT_NE(run.exit_code, 0) << run.all();
  for (const auto& fragment : fragments) EXPECT_THAT(run.err, HasSubstr(fragment)) << run.all();
  EXPECT_TRUE(temporary_files(results.path()).empty());
  const auto out = results / "out";
  if (std::filesystem::exists(out)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(out)) {
      EXPECT_TRUE(entry.is_directory()) << "left behind: " << entry.path();
    }
  }
}

TEST(HostileCommandLine, UnknownClaimIsNamedWithTheKnownOnes) {
  expect_refused({"run", "--claim", "s9.no_such_claim", "--profile", "smoke"},
                 {"unknown claim 's9.no_such_claim'", kSmokeClaim});
}

TEST(HostileCommandLine, UnknownProfileIsNamed) {
  expect_refused({"run", "--claim", kSmokeClaim, "--profile", "turbo"},
                 {"unknown profile 'turbo'", "smoke, ci or full"});
}

TEST(HostileCommandLine, UnknownSourceIsNamed) {
  expect_refused({"run", "--source", "S9", "--profile", "smoke"}, {"unknown source 'S9'"});
  expect_refused({"run", "--source", "S44", "--profile", "smoke"}, {"unknown source 'S44'"});
}

TEST(HostileCommandLine, UnknownDeviceIsNamed) {
  expect_refused({"run", "--claim", kSmokeClaim, "--profile", "smoke", "--device", "tpu"},
                 {"unknown device 'tpu'"});
}

TEST(HostileCommandLine, CudaOnAMachineWithoutCudaSaysWhatToDo) {
  TempDir results;
  const auto run = run_cli({"run", "--results", results.path().string(), "--claim",
                            "s9.no_such_claim", "--profile", "smoke", "--device", "cuda"});
  if (run.err.find("unknown claim") != std::string::npos) {
    GTEST_SKIP() << "CUDA is available here: this test needs a machine or build without it";
  }
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.err, HasSubstr("device 'cuda' requested"));
  EXPECT_THAT(run.err, HasSubstr("--device cpu"));
}

TEST(HostileCommandLine, UnknownOptionAndBadNumbersAreRefused) {
  expect_refused({"run", "--claim", kSmokeClaim, "--frobnicate"}, {"frobnicate"});
  expect_refused({"run", "--claim", kSmokeClaim, "--seeds", "0"}, {"--seeds"});
  expect_refused({"run", "--claim", kSmokeClaim, "--threads", "lots"}, {"--threads"});
  expect_refused({"run", "--claim", kSmokeClaim, "--profile", "smoke"}, {"AEREPRO_THREADS='-2'"},
                 {"AEREPRO_THREADS=-2"});
}

TEST(HostileCommandLine, ResultsFolderBelowAFileIsRefusedBeforeTraining) {
  TempDir dir;
  write_file(dir / "plain-file", {'x'});
  const auto folder = (dir / "plain-file" / "results").string();
  const auto run =
      run_cli({"run", "--results", folder, "--claim", kSmokeClaim, "--profile", "smoke"});
  EXPECT_EQ(run.exit_code, 2) << run.all();
  EXPECT_THAT(run.err, HasSubstr(folder));
  EXPECT_THAT(run.err, HasSubstr("cannot write results here"));
  EXPECT_THAT(run.out, ::testing::Not(HasSubstr("seed 0")));  // nothing was trained
}

TEST(HostileCommandLine, ResultsFolderInProcIsRefused) {
  const auto run = run_cli(
      {"run", "--results", "/proc/aerepro-results", "--claim", kSmokeClaim, "--profile", "smoke"});
  EXPECT_EQ(run.exit_code, 2) << run.all();
  EXPECT_THAT(run.err, HasSubstr("/proc/aerepro-results"));
}

TEST(HostileCommandLine, FullDiskIsRefusedAndLeavesNothing) {
  // No file may grow past 0 bytes: every write fails as on a full disk.
  TempDir results;
  const auto run = run_cli_with_file_size_limit(
      {"run", "--results", results.path().string(), "--claim", kSmokeClaim, "--profile", "smoke"},
      0);
  EXPECT_EQ(run.exit_code, 2) << run.all();
  EXPECT_THAT(run.out, HasSubstr("disk full"));
  EXPECT_THAT(run.out, HasSubstr(results.path().string()));
  EXPECT_THAT(run.out, ::testing::Not(HasSubstr("seed 0")));  // refused before any training
  for (const auto& entry : std::filesystem::recursive_directory_iterator(results.path())) {
    EXPECT_TRUE(entry.is_directory()) << "left behind: " << entry.path();
  }
}

TEST(HostileCommandLine, MissingDatasetFailsTheClaimNamingTheFile) {
  TempDir results, data;
  const auto run =
      run_cli({"run", "--results", results.path().string(), "--data", data.path().string(),
               "--claim", kSmokeClaim, "--profile", "smoke", "--no-checkpoints"});
  EXPECT_NE(run.exit_code, 0) << run.all();
  EXPECT_THAT(run.all(), HasSubstr(data.path().string()));
  EXPECT_THAT(run.all(), HasSubstr("datasets/fetch"));
}

}  // namespace
}  // namespace aerepro::testing
