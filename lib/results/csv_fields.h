// Field-level helpers shared by the results CSV files: quoting on write, checked parsing on
// read (errors name the file, line and column).
#pragma once
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <string>

namespace aerepro::results {

// `field`, quoted ("...", inner quotes doubled) when it holds a comma, quote or line break.
std::string csv_quoted(const std::string& field);

// `value` as the shortest text that reads back as the same double; "nan" for NaN.
std::string csv_number(double value);

// Parses a number ("nan" allowed; infinities and trailing text are not): ArtifactError otherwise.
double parse_csv_number(const std::string& text, const std::filesystem::path& file, unsigned line,
                        const char* column);
long long parse_csv_integer(const std::string& text, const std::filesystem::path& file,
                            unsigned line, const char* column);
// parse_csv_integer limited to the range of int (counts, threads, grid positions).
int parse_csv_int(const std::string& text, const std::filesystem::path& file, unsigned line,
                  const char* column);
bool parse_csv_bool(const std::string& text, const std::filesystem::path& file, unsigned line,
                    const char* column);

// ArtifactError unless `file` exists, is not empty and ends with a line break: every writer
// ends its last line, so a file without one was cut short (a truncated last line can otherwise
// still parse, e.g. a number that lost its last digits). "what" names the kind of file.
void require_nonempty_file(const std::filesystem::path& file, const char* what);

// ArtifactError naming the first of `required` that the header lacks (`has_column` asks the
// reader). For readers that accept optional columns (io::ignore_missing_column): a column added
// later (e.g. `host`) is optional so that older files still read, every other one is required.
void require_columns(const std::filesystem::path& file, std::initializer_list<const char*> required,
                     const std::function<bool(const std::string&)>& has_column);

}  // namespace aerepro::results
