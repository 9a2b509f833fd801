// An exclusive lock between processes on one file (flock), held for the object's lifetime:
// two runs that need the same checkpoint train it once; the second waits, then loads it.
#pragma once
#include <filesystem>
#include <functional>

namespace aerepro {

class FileLock {
 public:
  // Creates `file` (and its folder) if needed and locks it, waiting for another holder;
  // `on_wait` is called once, before waiting, when the lock is held elsewhere. ArtifactError
  // naming the file when it cannot be created or locked. The lock dies with the process.
  explicit FileLock(const std::filesystem::path& file, const std::function<void()>& on_wait = {});
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace aerepro
