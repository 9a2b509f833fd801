// One smoke-profile claim run through the `aerepro` command with its own results and
// checkpoint folders, and the comparison of two runs' rows (everything but the wall time).
#pragma once
#include "cli_runner.h"
#include "results/result_row.h"

#include <filesystem>
#include <string>
#include <vector>

namespace aerepro::testing {

// A fast smoke claim that trains a model (so checkpoints and determinism are exercised).
constexpr const char* kDeterminismClaim = "s0.kmeans_codes_above_70";

struct SmokeRun {
  std::filesystem::path results;      // --results
  std::filesystem::path checkpoints;  // $AEREPRO_CHECKPOINT_DIR

  std::vector<std::string> args() const;
  std::vector<std::string> env() const;
  CliResult run() const;
  std::vector<results::ResultRow> rows() const;  // results/smoke/<claim>.csv
};

// Rows equal in every column but `seconds`, values compared bit for bit. Returns "" when
// equal, else the first difference.
std::string compare_rows(const std::vector<results::ResultRow>& a,
                         const std::vector<results::ResultRow>& b);

}  // namespace aerepro::testing
