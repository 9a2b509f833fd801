#include "common/atomic_file.h"

#include "common/error.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>

namespace aerepro {
namespace {

void sync_file(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY);
  if (fd < 0) return;
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw ArtifactError(file.string() + ": fsync failed (disk full?)");
}

// The temporary files of earlier writes of `target` whose process is gone (killed mid-write):
// removed, so that a rerun after a crash leaves a clean folder. Names: .<target>.tmp-<pid>-<n>.
void remove_stale_temporaries(const std::filesystem::path& folder,
                              const std::filesystem::path& target) {
  const std::string prefix = "." + target.filename().string() + ".tmp-";
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid <= 0 || pid == ::getpid()) continue;
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      std::error_code ignored;
      std::filesystem::remove(it->path(), ignored);
    }
  }
}

}  // namespace

void write_atomically(const std::filesystem::path& target,
                      const std::function<void(const std::filesystem::path&)>& write) {
  std::error_code ec;
  const auto folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::filesystem::create_directories(folder, ec);
  if (ec) {
    throw ArtifactError(target.string() + ": cannot create folder " + folder.string() + " (" +
                        ec.message() + ")");
  }
  std::random_device random;
  const auto temporary = folder / ("." + target.filename().string() + ".tmp-" +
                                   std::to_string(::getpid()) + "-" + std::to_string(random()));
  try {
    write(temporary);
    sync_file(temporary);
    std::filesystem::rename(temporary, target);
    remove_stale_temporaries(folder, target);
  } catch (const Error& e) {
    std::filesystem::remove(temporary, ec);
    throw;
  } catch (const std::exception& e) {
    std::filesystem::remove(temporary, ec);
    throw ArtifactError(target.string() + ": could not be written (" + e.what() +
                        "); check that the folder is writable and the disk has space");
  }
}

void write_text_atomically(const std::filesystem::path& target, const std::string& text) {
  write_atomically(target, [&](const std::filesystem::path& temporary) {
    std::ofstream out(temporary, std::ios::binary);
    if (!out)
      throw ArtifactError(target.string() + ": cannot open " + temporary.string() +
                          " for writing (folder not writable?)");
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) throw ArtifactError(target.string() + ": write failed (disk full?)");
  });
}

void require_writable_folder(const std::filesystem::path& folder) {
  try {
    write_text_atomically(folder / ".write-probe", "\n");
  } catch (const ArtifactError& e) {
    throw ArtifactError(folder.string() + ": cannot write results here (" + e.what() +
                        "); choose another folder with --results or $AEREPRO_RESULTS_DIR");
  }
  std::error_code ignored;
  std::filesystem::remove(folder / ".write-probe", ignored);
}

}  // namespace aerepro
