#include "common/atomic_file.h"

#include "common/error.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
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
  const auto temporary =
      folder / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                std::to_string(random()));
  try {
    write(temporary);
    sync_file(temporary);
    std::filesystem::rename(temporary, target);
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
    if (!out) throw ArtifactError(target.string() + ": cannot open " + temporary.string() +
                                  " for writing (folder not writable?)");
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) throw ArtifactError(target.string() + ": write failed (disk full?)");
  });
}

}  // namespace aerepro
