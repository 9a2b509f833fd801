// Replays the committed fuzz inputs through a libFuzzer target's entry point in the ordinary
// build (GCC, and the `asan` preset under ASan + UBSan): the seed files under fuzz/corpus/ and
// every finding made a regression input under fuzz/regressions/. The target (fuzz/<target>.cpp,
// one per test executable: validation/CMakeLists.txt) may only return; a crash, sanitizer report or
// an exception other than aerepro::Error fails the test with the input's name.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

std::vector<std::filesystem::path> inputs_in(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  if (!std::filesystem::is_directory(folder)) return files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<uint8_t> bytes_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

size_t replay_folder(const std::filesystem::path& folder) {
  const auto files = inputs_in(folder);
  for (const auto& file : files) {
    // Named before the call: a sanitizer report aborts the process before any gtest message.
    std::cerr << "replaying " << file.string() << '\n';
    SCOPED_TRACE("input " + file.string());
    const auto bytes = bytes_of(file);
    EXPECT_EQ(LLVMFuzzerTestOneInput(bytes.data(), bytes.size()), 0);
  }
  return files.size();
}

const std::filesystem::path kFuzzDir = AEREPRO_FUZZ_DIR;

}  // namespace

// Every committed input: the seed corpus (valid files of each kind, and the corpus a nightly
// fuzz run grew, minimised) and the regression inputs. The seeds must be there: a renamed folder
// would otherwise make this test pass on nothing.
TEST(FuzzRegressions, AEREPRO_FUZZ_TEST) {
  const auto seeds = kFuzzDir / "corpus" / AEREPRO_FUZZ_KIND;
  ASSERT_FALSE(inputs_in(seeds).empty()) << "no seed files in " << seeds;
  const auto seed_count = replay_folder(seeds);
  const auto regression_count = replay_folder(kFuzzDir / "regressions" / AEREPRO_FUZZ_KIND);
  std::cout << "replayed " << seed_count << " seed and " << regression_count
            << " regression inputs\n";
}
