// Benchmark timings, results/bench/*.csv: one row per benchmark. Written by the benchmark suite
// (benchmarks/, write_bench_csv: benchmarks.csv) and, with the same columns and number format, by
// the Python reference (benchmarks/reference/reference_bench.py: python.csv); read by the report
// tool (reports/) with the Fast C++ CSV Parser. A column that does not apply holds "nan".
#pragma once
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace aerepro::results {

inline constexpr const char* kBenchCsvHeader =
    "benchmark,model,kind,device,implementation,batch_size,milliseconds,images_per_second,"
    "gflop_per_second,percent_of_peak,threads,torch_version,git_revision";

struct BenchRow {
  std::string benchmark;  // Google Benchmark's name, e.g. "train_step/s0_conv_dae/cpu"; not empty
  std::string model;
  std::string kind;            // train_step | inference | epoch | pca | kmeans | load | sgemm
  std::string device;          // cpu | cuda
  std::string implementation;  // cpp | python
  // Absent ("nan" in the file; empty reads as absent too): SGEMM, PCA, k-means, loading.
  std::optional<long long> batch_size;
  // Real (manual, on CUDA) time per iteration. The numbers are NaN ("nan" in the file; empty
  // reads as NaN too) where they do not apply, e.g. images/s of SGEMM.
  double milliseconds = std::numeric_limits<double>::quiet_NaN();
  double images_per_second = std::numeric_limits<double>::quiet_NaN();
  double gflop_per_second = std::numeric_limits<double>::quiet_NaN();
  double percent_of_peak = std::numeric_limits<double>::quiet_NaN();  // of the measured SGEMM peak
  int threads = 0;                                                    // an empty field reads as 0
  std::string torch_version;
  std::string git_revision;
};

// The header line and one line per row. Names are quoted (csv_quoted) when they hold a comma, a
// quote or a line break; numbers are written with 6 significant digits ("{:.6g}", as the Python
// reference writes them), "nan" for NaN; the batch size as an integer, "nan" when absent.
std::string format_bench_csv(const std::vector<BenchRow>& rows);

// format_bench_csv written atomically (complete or absent; common/atomic_file.h). Throws
// ArtifactError naming `file` if it cannot be written.
void write_bench_csv(const std::filesystem::path& file, const std::vector<BenchRow>& rows);

// Reads one benchmark CSV. Throws ArtifactError naming the file (and line, where there is one)
// for: a missing, empty or cut-short file, a missing or unknown column, an empty benchmark name,
// a number that does not parse (or is infinite), a non-integer batch size or thread count, or a
// malformed line.
std::vector<BenchRow> read_bench_csv(const std::filesystem::path& file);

}  // namespace aerepro::results
