// One measured value of one claim for one seed, with the environment that produced it.
#pragma once
#include <string>
#include <vector>

namespace aerepro::results {

struct ResultRow {
  std::string profile;  // smoke | ci | full
  std::string claim;    // e.g. s0.kmeans_codes_above_70
  std::string source;   // SOURCES.md item, e.g. S0.7
  long long seed = 0;
  std::string metric;        // e.g. majority_accuracy
  double value = 0;          // the measurement (NaN allowed: a failed measurement)
  std::string comparison;    // ">", "<", ... the claim's direction for this metric, or ""
  double threshold = 0;      // the profile's threshold (NaN: informative metric only)
  std::string verdict;       // pass | fail | info
  double source_figure = 0;  // the source report's own figure (NaN: none)
  // Environment.
  std::string git_revision;
  std::string torch_version;
  std::string device;
  std::string host;  // host_cpu(); empty in rows written before 2 Dec 2026
  int threads = 0;
  std::string dataset_checksum;
  double seconds = 0;         // wall time of this seed's evaluation
  std::string date;           // when this seed's evaluation ended (UTC, ISO 8601)
  bool deterministic = true;  // run with deterministic algorithms (CPU always)
  std::string note;           // what went wrong (divergence, error), else empty
};

// The CSV header, in column order.
const std::vector<std::string>& result_columns();

}  // namespace aerepro::results
