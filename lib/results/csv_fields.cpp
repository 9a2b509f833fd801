#include "results/csv_fields.h"

#include "common/error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <vector>

namespace aerepro::results {

std::string csv_quoted(const std::string& field) {
  if (field.find_first_of(",\"\n\r") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_number(double value) {
  if (std::isnan(value)) return "nan";
  return fmt::format("{}", value);  // the shortest text that reads back bit-identical
}

double parse_csv_number(const std::string& text, const std::filesystem::path& file, unsigned line,
                        const char* column) {
  if (text == "nan" || text == "NaN") return std::nan("");
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || std::isinf(value)) {
    throw ArtifactError(fmt::format("{}:{}: column '{}' holds '{}', not a number", file.string(),
                                    line, column, text));
  }
  return value;
}

long long parse_csv_integer(const std::string& text, const std::filesystem::path& file,
                            unsigned line, const char* column) {
  char* end = nullptr;
  errno = 0;
  const long long value = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno == ERANGE) {
    throw ArtifactError(fmt::format("{}:{}: column '{}' holds '{}', not an integer", file.string(),
                                    line, column, text));
  }
  return value;
}

int parse_csv_int(const std::string& text, const std::filesystem::path& file, unsigned line,
                  const char* column) {
  const long long value = parse_csv_integer(text, file, line, column);
  if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
    throw ArtifactError(fmt::format("{}:{}: column '{}' holds {}, out of range", file.string(),
                                    line, column, text));
  }
  return static_cast<int>(value);
}

bool parse_csv_bool(const std::string& text, const std::filesystem::path& file, unsigned line,
                    const char* column) {
  if (text != "true" && text != "false") {
    throw ArtifactError(fmt::format("{}:{}: column '{}' holds '{}', not true/false", file.string(),
                                    line, column, text));
  }
  return text == "true";
}

void require_nonempty_file(const std::filesystem::path& file, const char* what) {
  std::error_code error;
  if (!std::filesystem::exists(file, error)) {
    throw ArtifactError(fmt::format("{}: {} not found", file.string(), what));
  }
  if (!std::filesystem::is_regular_file(file, error)) {
    throw ArtifactError(fmt::format("{}: {} is not a regular file", file.string(), what));
  }
  if (std::filesystem::file_size(file, error) == 0) {
    throw ArtifactError(fmt::format("{}: empty {} (no header)", file.string(), what));
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ArtifactError(fmt::format("{}: {} cannot be opened", file.string(), what));
  unsigned lines = 1;
  char last = '\n';
  std::vector<char> buffer(1 << 16);
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
    const auto n = static_cast<size_t>(in.gcount());
    lines += static_cast<unsigned>(std::count(buffer.data(), buffer.data() + n, '\n'));
    last = buffer[n - 1];
  }
  if (last != '\n') {
    throw ArtifactError(
        fmt::format("{}:{}: the last line of the {} has no line end: the file "
                    "was cut short; rerun the claim to rewrite it",
                    file.string(), lines, what));
  }
}

void require_columns(const std::filesystem::path& file, std::initializer_list<const char*> required,
                     const std::function<bool(const std::string&)>& has_column) {
  for (const char* name : required) {
    if (!has_column(name)) {
      throw ArtifactError(fmt::format("{}:1: Missing column \"{}\" in header of file \"{}\".",
                                      file.string(), name, file.string()));
    }
  }
}

}  // namespace aerepro::results
