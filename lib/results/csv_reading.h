// Reading the harness's CSV files with the Fast C++ CSV Parser (libfccp): its reader type, and
// its errors turned into ArtifactError naming the file (and line). Torch-free.
#pragma once
#include "common/error.h"
#include "results/csv_fields.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include <fmt/format.h>

#include <filesystem>
#include <string>

namespace aerepro::results {

template <unsigned N>
using CsvReader = io::CSVReader<N, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>>;

// Runs `read` (which uses fccp) on a non-empty `file`, turning the parser's errors (they name
// file and line) into ArtifactError.
template <typename F>
auto guarded(const std::filesystem::path& file, const char* what, F&& read) {
  require_nonempty_file(file, what);
  try {
    return read();
  } catch (const io::error::base& e) {
    throw ArtifactError(std::string(e.what()));
  }
}

inline void require_text(const std::string& value, const std::filesystem::path& file, unsigned line,
                         const char* column) {
  if (value.empty()) {
    throw ArtifactError(fmt::format("{}:{}: column '{}' is empty", file.string(), line, column));
  }
}

}  // namespace aerepro::results
