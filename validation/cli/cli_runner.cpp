#include "cli_runner.h"

#include "test_files.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace aerepro::testing {
namespace {

std::string shell_quoted(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

CliResult run_cli(const std::vector<std::string>& args, const std::vector<std::string>& env,
                  const std::string& shell_prefix) {
  TempDir capture;
  std::string command = shell_prefix + " exec env";
  for (const auto& e : env) command += " " + shell_quoted(e);
  command += " " + shell_quoted(AEREPRO_CLI);
  for (const auto& a : args) command += " " + shell_quoted(a);
  command += " >" + shell_quoted((capture / "out").string()) + " 2>" +
             shell_quoted((capture / "err").string());
  const int status = std::system(("/bin/sh -c " + shell_quoted(command)).c_str());
  CliResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = slurp(capture / "out");
  result.err = slurp(capture / "err");
  return result;
}

CliResult run_cli_with_file_size_limit(const std::vector<std::string>& args,
                                       rlim_t max_file_bytes) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    close(pipe_fds[0]);
    dup2(pipe_fds[1], 1);
    dup2(pipe_fds[1], 2);
    signal(SIGXFSZ, SIG_IGN);
    rlimit limit{};
    getrlimit(RLIMIT_FSIZE, &limit);
    limit.rlim_cur = max_file_bytes;
    setrlimit(RLIMIT_FSIZE, &limit);
    std::vector<char*> argv{const_cast<char*>(AEREPRO_CLI)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(AEREPRO_CLI, argv.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  CliResult result;
  char buffer[4096];
  for (ssize_t n; (n = read(pipe_fds[0], buffer, sizeof buffer)) > 0;) result.out.append(buffer, n);
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

pid_t start_cli(const std::vector<std::string>& args, const std::vector<std::string>& env,
                const std::filesystem::path& log) {
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid > 0) return pid;
  // child: its own process group, output to the log, then exec
  setpgid(0, 0);
  for (const auto& e : env) putenv(const_cast<char*>(e.c_str()));
  FILE* out = std::fopen(log.c_str(), "w");
  if (out) {
    dup2(fileno(out), 1);
    dup2(fileno(out), 2);
  }
  std::vector<char*> argv{const_cast<char*>(AEREPRO_CLI)};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(AEREPRO_CLI, argv.data());
  _exit(127);
}

std::vector<std::filesystem::path> temporary_files(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> found;
  if (!std::filesystem::exists(folder)) return found;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (entry.path().filename().string().find(".tmp-") != std::string::npos) {
      found.push_back(entry.path());
    }
  }
  return found;
}

}  // namespace aerepro::testing
