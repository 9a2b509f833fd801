// The readers under test take a path: each fuzz input is written to one scratch file per process
// (in /dev/shm when it exists, to keep the disk out of the loop).
#pragma once
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace aerepro::fuzz {

inline const std::filesystem::path& scratch_file(const char* suffix) {
  static const std::filesystem::path file =
      (std::filesystem::is_directory("/dev/shm") ? std::filesystem::path("/dev/shm")
                                                 : std::filesystem::temp_directory_path()) /
      ("aerepro-fuzz-" + std::to_string(::getpid()) + suffix);
  return file;
}

inline const std::filesystem::path& write_input(const uint8_t* data, size_t size,
                                                const char* suffix) {
  const auto& file = scratch_file(suffix);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return file;
}

}  // namespace aerepro::fuzz
