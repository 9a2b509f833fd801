// lib/common/atomic_file: a full disk or a killed writer never leaves a half-written file.
#include "common/atomic_file.h"
#include "common/error.h"
#include "csv_samples.h"
#include "test_files.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

namespace aerepro {
namespace {

// Every AtomicFile test writes into a temporary folder of its own (`dir`).
class AtomicFile : public aerepro::testing::InTempDir {};

std::vector<std::string> names_in(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The file size limit (RLIMIT_FSIZE) makes every write past `bytes` fail with EFBIG, as a full
// disk fails with ENOSPC; SIGXFSZ is ignored so the write returns an error instead.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    getrlimit(RLIMIT_FSIZE, &saved_);
    rlimit limited = saved_;
    limited.rlim_cur = bytes;
    setrlimit(RLIMIT_FSIZE, &limited);
    saved_handler_ = signal(SIGXFSZ, SIG_IGN);
  }
  ~FileSizeLimit() {
    setrlimit(RLIMIT_FSIZE, &saved_);
    signal(SIGXFSZ, saved_handler_);
  }

 private:
  rlimit saved_{};
  sighandler_t saved_handler_{};
};

TEST_F(AtomicFile, FullDiskIsAnErrorAndKeepsTheOldFile) {
  write_text_atomically(dir / "r.csv", "old\n");
  const std::string big(1 << 20, 'x');
  {
    FileSizeLimit limit(4096);
    aerepro::testing::expect_error<ArtifactError>(
        [&] { write_text_atomically(dir / "r.csv", big); }, {"r.csv", "disk full"});
  }
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"r.csv"});  // no temporary left
  EXPECT_EQ(aerepro::testing::read_text(dir / "r.csv"), "old\n");
}

TEST_F(AtomicFile, TemporariesOfAKilledWriterAreRemovedByTheNextWrite) {
  // A writer that died mid-write: its process is gone, its temporary file is not.
  const pid_t child = fork();
  if (child == 0) _exit(0);
  ASSERT_GT(child, 0);
  waitpid(child, nullptr, 0);
  const auto stale = dir / (".r.csv.tmp-" + std::to_string(child) + "-12345");
  aerepro::testing::write_text(stale, "half a ro");
  // One of a live process (this one's parent, for instance) is left alone: it may still finish.
  const auto live = dir / (".r.csv.tmp-" + std::to_string(getppid()) + "-1");
  aerepro::testing::write_text(live, "in progress");
  write_text_atomically(dir / "r.csv", "complete\n");
  EXPECT_FALSE(std::filesystem::exists(stale));
  EXPECT_TRUE(std::filesystem::exists(live));
  EXPECT_EQ(aerepro::testing::read_text(dir / "r.csv"), "complete\n");
}

TEST_F(AtomicFile, AFailingWriterLeavesNothing) {
  aerepro::testing::expect_error<ArtifactError>(
      [&] {
        write_atomically(dir / "model.pt", [](const std::filesystem::path& temporary) {
          std::ofstream(temporary) << "partial";
          throw std::runtime_error("serialiser failed");
        });
      },
      {"model.pt", "serialiser failed"});
  EXPECT_TRUE(names_in(dir.path()).empty());
}

}  // namespace
}  // namespace aerepro
