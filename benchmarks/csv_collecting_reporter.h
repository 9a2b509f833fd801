// The console reporter that also keeps one BenchRow per finished benchmark (the median
// aggregate when --benchmark_repetitions asks for several), for results/bench/benchmarks.csv
// (results/bench_csv.h). Each row comes from the run alone: its name, the label and counters
// describe_run gave it (run_description.h) and its time; a run without such a label has no row.
#pragma once
#include "results/bench_csv.h"

#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <vector>

namespace aerepro::bench {

struct RowEnvironment {
  int threads = 0;
  std::string torch_version;
  std::string git_revision;
};

class CsvCollectingReporter : public benchmark::ConsoleReporter {
 public:
  CsvCollectingReporter(OutputOptions options, RowEnvironment environment);

  void ReportRuns(const std::vector<Run>& runs) override;

  // The rows in the order the benchmarks ran.
  std::vector<results::BenchRow> rows() const;

 private:
  RowEnvironment environment_;
  std::vector<std::string> order_;
  // By benchmark name; a median replaces an iteration row.
  std::map<std::string, results::BenchRow> rows_;
};

}  // namespace aerepro::bench
