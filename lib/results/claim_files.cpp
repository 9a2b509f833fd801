#include "results/claim_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <regex>
#include <sstream>

namespace aerepro::results {

bool judges_claims(const std::string& file) {
  static const std::regex judging("lib/claims/(verdict|statistics)\\.(h|cpp)");
  return std::regex_match(file, judging);
}

bool defines_claim(const std::string& file, const std::string& claim_id) {
  static const std::array<std::string, 7> folders{"lib/common/", "lib/data/",    "lib/models/",
                                                  "lib/train/",  "lib/recipes/", "lib/analysis/",
                                                  "lib/claims/"};
  if (std::none_of(folders.begin(), folders.end(),
                   [&](const std::string& f) { return file.rfind(f, 0) == 0; })) {
    return false;
  }
  // Code defines a claim; documentation beside it (lib/claims/README.md) does not.
  static const std::regex source_file(".*\\.(h|hpp|cc|cpp)");
  if (!std::regex_match(file, source_file) || judges_claims(file)) return false;
  // A source's own claims and recipes: lib/claims/sN_*, lib/claims/sN/…, lib/recipes/sN_*.
  static const std::regex per_source("lib/(claims|recipes)/(s[0-9])(_[^/]*|/.*)");
  std::smatch m;
  if (!std::regex_match(file, m, per_source)) return true;
  std::string source = claim_id.substr(0, 2);
  if (source == "s1") source = "s0";  // S1's claims are declared with S0's (shared model)
  return m[2].str() == source;
}

std::pair<int, std::string> run_command(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return {-1, out};
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  return {status, out};
}

std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::optional<std::vector<std::string>> changed_lib_files(const std::filesystem::path& source_dir,
                                                          const std::string& from,
                                                          const std::string& to, std::string* why) {
  static const std::regex revision("[0-9a-f]{7,40}");
  for (const auto* r : {&from, &to}) {
    if (!r->empty() && !std::regex_match(*r, revision)) {
      if (why) *why = fmt::format("'{}' is not a git revision", *r);
      return std::nullopt;
    }
  }
  const auto [status, text] =
      run_command(fmt::format("git -C {} diff --name-only {} {} -- lib/ 2>/dev/null",
                              shell_quoted(source_dir.string()), from, to));
  if (status != 0) {
    if (why) {
      *why = fmt::format(
          "git cannot compare revision {}{} in {} (no git, not a checkout, or the revision is "
          "unknown there)",
          from, to.empty() ? " with the working tree" : " with " + to, source_dir.string());
    }
    return std::nullopt;
  }
  std::vector<std::string> files;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) files.push_back(line);
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace aerepro::results
