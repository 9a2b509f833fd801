#include "results/result_row.h"

namespace aerepro::results {

const std::vector<std::string>& result_columns() {
  static const std::vector<std::string> columns{
      "profile",      "claim",         "source",        "seed",    "metric",
      "value",        "comparison",    "threshold",     "verdict", "source_figure",
      "git_revision", "torch_version", "device",        "threads", "dataset_checksum",
      "seconds",      "date",          "deterministic", "note",    "host"};
  return columns;
}

}  // namespace aerepro::results
