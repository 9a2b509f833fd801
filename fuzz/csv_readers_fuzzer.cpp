// libFuzzer target: the results-folder CSV readers (results, index, summary, series, images).
// A reader may only return rows or throw aerepro::Error; anything else (a crash, a sanitizer
// report, another exception type) is a finding. Each input goes to the reader whose columns
// its first line names (the Fast C++ CSV Parser allocates 48 MiB per file opened, so one reader
// per input keeps the rate up); a header naming none goes to the results reader.
#include "common/error.h"
#include "fuzz_input_file.h"
#include "results/artifacts_csv.h"
#include "results/results_csv.h"

#include <string_view>

namespace {

using Reader = void (*)(const std::filesystem::path&);

Reader reader_for(std::string_view header) {
  using namespace aerepro::results;
  const auto has = [&](std::string_view column) { return header.find(column) != header.npos; };
  if (has("pixels")) return [](const std::filesystem::path& f) { read_images_csv(f); };
  if (has("ci95")) return [](const std::filesystem::path& f) { read_summary_csv(f); };
  if (has("sentence")) return [](const std::filesystem::path& f) { read_index_csv(f); };
  if (has("series")) return [](const std::filesystem::path& f) { read_series_csv(f); };
  return [](const std::filesystem::path& f) { read_results_csv(f); };
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto reader = reader_for(text.substr(0, text.find('\n')));
  const auto& file = aerepro::fuzz::write_input(data, size, ".csv");
  try {
    reader(file);
  } catch (const aerepro::Error&) {
    // the expected outcome for a malformed file
  }
  return 0;
}
