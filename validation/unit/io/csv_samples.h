// Valid results-folder CSV files of each kind (written by the real writers), and text surgery
// to break them: the starting point of every hostile-input test of the readers.
#pragma once
#include "test_files.h"  // read_text, write_text

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace aerepro::testing {

struct CsvKind {
  std::string name;                                         // results, index, ...
  std::function<void(const std::filesystem::path&)> write;  // two data rows (lines 2, 3)
  std::function<void(const std::filesystem::path&)> read;   // the reader under test
  std::string text_column;                                  // a text column (for quoting damage)
  std::string number_column;   // a floating-point column ("" when the kind has none)
  std::string integer_column;  // an integer column ("" when none); an `int` one except in series
};

// GoogleTest names a parameter by its kind.
inline void PrintTo(const CsvKind& kind, std::ostream* os) {
  *os << kind.name;
}

const std::vector<CsvKind>& csv_kinds();
std::vector<CsvKind> csv_kinds_with_numbers();

// `text` with field `column` (by header name) of line `line` (1 = header) replaced by `value`.
// The samples hold no quoted commas, so fields are split on commas.
std::string with_field(const std::string& text, unsigned line, const std::string& column,
                       const std::string& value);

}  // namespace aerepro::testing
