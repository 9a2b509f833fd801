// Results of record (records/<profile>/): the per-seed rows and summary of each claim from a
// reference run, committed, and the reference every new run is compared with. A claim "known
// not to reproduce" is simply one whose record says so; its evidence is the record's own
// numbers, date and revision, never text typed into code.
#pragma once
#include "claims/verdict.h"
#include "results/result_row.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace aerepro::results {

// records/ beside the sources, or $AEREPRO_RECORDS_DIR, or `explicit_root` when not empty.
std::filesystem::path resolve_records_root(const std::filesystem::path& explicit_root = {});

// The fresh run of one metric, as the comparison needs it.
struct FreshMetric {
  std::string metric;
  std::vector<double> values;                    // one per seed
  std::optional<claims::MetricVerdict> verdict;  // set when asserted
  std::vector<long long> seeds;                  // the seed of each value (empty: unknown)
};

enum class RecordStatus {
  not_compared,    // smoke (no verdicts) or nothing to compare
  missing,         // no record for this claim and profile
  agrees,          // means compatible, no verdict crossed between holds and fails
  not_comparable,  // one run of one seed on each side, on another host: nothing to test with
  warning,         // means compatible, a verdict moved between holds/fails and inconclusive
  differs,         // a mean moved beyond the tolerance, or a verdict crossed holds <-> fails, or
                   // (in the record's own environment) a value is not bit-identical
};
std::string to_string(RecordStatus status);  // "not compared", "no record", "agrees", ...

// The test at this level decides whether a fresh run agrees with the record: the paired t-test
// on the per-seed differences where the runs share two or more seeds (the same seeds on two
// hosts: their difference is the host's), else Welch's test of the means (different seeds).
constexpr double kRecordAlpha = 0.001;

struct MetricComparison {
  std::string metric;
  int record_n = 0, fresh_n = 0;
  double record_mean = 0, record_std = 0, fresh_mean = 0, fresh_std = 0;
  double p_value = 0;    // two-sided: paired t on the common seeds, else Welch
  int paired_seeds = 0;  // seeds both runs have (the paired test's n; < 2: Welch's test)
  std::optional<claims::MetricVerdict> record_verdict;  // asserted metrics only
  std::optional<claims::MetricVerdict> fresh_verdict;
  RecordStatus status = RecordStatus::agrees;
  std::string message;  // for warning / differs
};

struct RecordComparison {
  RecordStatus status = RecordStatus::not_compared;
  std::filesystem::path file;  // the record's rows
  std::string record_verdict;  // the claim's verdict in the record
  std::string record_date, record_revision, record_device;
  int record_seeds = 0;
  // LibTorch, device and kernels, host CPU, threads, data, determinism: all equal to every
  // record row's. Then the values must be bit-identical: any difference makes the status
  // `differs`, however small.
  bool same_environment = false;
  bool bit_identical = false;                 // every value of every seed equal to the record's
  std::vector<std::string> value_mismatches;  // "seed 1 m: record 0.1, now 0.2" (common seeds)
  std::vector<MetricComparison> metrics;
  std::string refresh_command;  // how to refresh the record

  // "record of 2026-12-01 (rev abc, 3 seeds, cpu (...)): not reproduced; m 0.1 ± 0.01 [holds] ..."
  std::string evidence() const;
  // Lines for logs and test output: the status, each metric compared, bit-identity.
  std::string describe() const;
};

// Compares a fresh run of `claim` in `profile` (its rows and metrics) with the record under
// `records_root`/<profile>/. Throws ArtifactError when a record file exists but is unreadable.
RecordComparison compare_with_record(const std::filesystem::path& records_root,
                                     const std::string& profile, const std::string& claim,
                                     const std::vector<ResultRow>& fresh_rows,
                                     const std::vector<FreshMetric>& fresh);

// Copies the rows and summary of every claim found in `results_root`/<profile>/ into
// `records_root`/<profile>/ (atomically, each file checked by reading it first) and writes the
// profile's index there. A claim whose run ended in an error is refused (ArtifactError naming
// it), and so is an interim one (fewer seeds than declared) unless `allow_interim` (`aerepro
// record --interim`): it is then recorded as interim. Returns the ids recorded.
std::vector<std::string> write_records(const std::filesystem::path& results_root,
                                       const std::filesystem::path& records_root,
                                       const std::string& profile,
                                       const std::vector<std::string>& claim_ids,
                                       bool allow_interim = false);

}  // namespace aerepro::results
