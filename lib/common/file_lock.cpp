#include "common/file_lock.h"

#include "common/error.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace aerepro {

FileLock::FileLock(const std::filesystem::path& file, const std::function<void()>& on_wait) {
  std::error_code ec;
  const auto folder = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  std::filesystem::create_directories(folder, ec);
  if (ec) {
    throw ArtifactError(file.string() + ": cannot create folder " + folder.string() + " (" +
                        ec.message() + ")");
  }
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw ArtifactError(file.string() + ": cannot open the lock file (" + std::strerror(errno) +
                        ")");
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
  if (errno == EWOULDBLOCK && on_wait) on_wait();
  while (::flock(fd_, LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    const int error = errno;
    ::close(fd_);
    throw ArtifactError(file.string() + ": cannot lock (" + std::strerror(error) + ")");
  }
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

}  // namespace aerepro
