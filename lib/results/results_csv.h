// Results as CSV files: written atomically (never half-written), read with the Fast C++ CSV
// Parser with errors that name the file and line.
#pragma once
#include "results/result_row.h"

#include <filesystem>
#include <vector>

namespace aerepro::results {

// Writes `rows` (header first) to `file` atomically: a reader sees the old file or the new one.
// Throws ArtifactError naming the file if it cannot be written.
void write_results_csv(const std::filesystem::path& file, const std::vector<ResultRow>& rows);

// Reads a results CSV. Throws ArtifactError naming the file (and line, where there is one) for:
// a missing file, an empty file, a missing or unknown column, a value that is not a number where
// one is expected, or a malformed or truncated line.
std::vector<ResultRow> read_results_csv(const std::filesystem::path& file);

}  // namespace aerepro::results
