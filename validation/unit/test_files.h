// Temporary folders and files for the tests, and the small IDX files that they write
// themselves (good and deliberately broken ones).
#pragma once
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace aerepro::testing {

// A fresh, empty folder under the system temp folder, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// A fixture with a fresh temporary folder `dir` for each test. A suite whose tests each start
// from one derives a fixture named as the suite (class IdxReader : public InTempDir {};) and
// declares its tests with TEST_F: the tests keep their names.
class InTempDir : public ::testing::Test {
 protected:
  TempDir dir;
};

// The whole file as it is on disk (binary); "" when it cannot be read.
std::string read_text(const std::filesystem::path& file);
// Writes `text` to `file` (binary), creating its folder first.
void write_text(const std::filesystem::path& file, const std::string& text);

// Bytes of an IDX3 image file: magic, n, rows, cols, then n*rows*cols pixels (pixel i = i % 256).
std::vector<uint8_t> idx_images_bytes(uint32_t n, uint32_t rows = 28, uint32_t cols = 28,
                                      uint32_t magic = 0x00000803);
// Bytes of an IDX1 label file with the given labels.
std::vector<uint8_t> idx_labels_bytes(const std::vector<uint8_t>& labels,
                                      uint32_t magic = 0x00000801);
// gzip-compressed copy of `bytes`.
std::vector<uint8_t> gzip(const std::vector<uint8_t>& bytes);

void write_file(const std::filesystem::path& file, const std::vector<uint8_t>& bytes);

// Expects `call` to throw `ErrorType` whose message contains every one of `fragments`.
template <typename ErrorType, typename Call>
void expect_error(Call call, const std::vector<std::string>& fragments) {
  try {
    call();
    FAIL() << "expected an error of the expected type";
  } catch (const ErrorType& e) {
    for (const auto& fragment : fragments) EXPECT_THAT(e.what(), ::testing::HasSubstr(fragment));
  }
}

}  // namespace aerepro::testing
