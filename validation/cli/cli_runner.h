// Runs the built `aerepro` command (path from CMake: AEREPRO_CLI) as a user would, capturing
// its exit code, stdout and stderr.
#pragma once
#include <sys/resource.h>
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace aerepro::testing {

struct CliResult {
  int exit_code = -1;  // the process's exit status; 128 + N when killed by signal N
  std::string out;     // stdout
  std::string err;     // stderr
  std::string all() const { return out + err; }
};

// `aerepro args...` through /bin/sh, after `shell_prefix` (e.g. "ulimit -f 0;") and with
// `env` ("NAME=value") added to the environment.
CliResult run_cli(const std::vector<std::string>& args, const std::vector<std::string>& env = {},
                  const std::string& shell_prefix = "");

// `aerepro args...` with every write to a regular file limited to `max_file_bytes`
// (RLIMIT_FSIZE, SIGXFSZ ignored): a write past it fails with EFBIG, as one on a full disk fails
// with ENOSPC. Output goes through a pipe (the limit does not apply to it); `out` holds both.
CliResult run_cli_with_file_size_limit(const std::vector<std::string>& args, rlim_t max_file_bytes);

// Starts `aerepro args...` in the background (stdout and stderr to `log`) and returns its pid.
pid_t start_cli(const std::vector<std::string>& args, const std::vector<std::string>& env,
                const std::filesystem::path& log);

// Every file below `folder` whose name marks it as unfinished (".tmp-"), recursively.
std::vector<std::filesystem::path> temporary_files(const std::filesystem::path& folder);

}  // namespace aerepro::testing
