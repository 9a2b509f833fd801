#include "reports/staleness.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <regex>
#include <sstream>

namespace aerepro::reports {
namespace {

// Runs `command` (no shell metacharacters from outside: callers check their arguments) and
// returns its exit status and standard output.
std::pair<int, std::string> run(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return {-1, out};
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  return {status, out};
}

std::string quoted(const std::string& text) {  // for a single-quoted shell word
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string Staleness::describe() const {
  if (!known) return "staleness unknown: " + why;
  const std::string base = dirty ? " (the rows came from a tree with uncommitted changes on it: "
                                   "those changes count as changed too)"
                                 : "";
  const std::string layout = layout_only > 0
                                 ? fmt::format(
                                       "; {} file(s) of lib/ changed in layout only (the same text "
                                       "once clang-formatted), not counted",
                                       layout_only)
                                 : "";
  if (changed.empty()) {
    return "current: no file that defines the claim changed since its revision" + base + layout;
  }
  std::string files;
  for (const auto& f : changed) files += (files.empty() ? "" : ", ") + f;
  return fmt::format("STALE: {} file(s) that define the claim changed since its revision{}: {}{}",
                     changed.size(), base, files, layout);
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
  if (!std::regex_match(file, source_file)) return false;
  // A source's own claims and recipes: lib/claims/sN_*, lib/claims/sN/…, lib/recipes/sN_*.
  static const std::regex per_source("lib/(claims|recipes)/(s[0-9])(_[^/]*|/.*)");
  std::smatch m;
  if (!std::regex_match(file, m, per_source)) return true;
  std::string source = claim_id.substr(0, 2);
  if (source == "s1") source = "s0";  // S1's claims are declared with S0's (shared model)
  return m[2].str() == source;
}

StalenessChecker::StalenessChecker(std::filesystem::path source_dir)
    : source_dir_(std::move(source_dir)) {}

bool StalenessChecker::layout_only(const std::string& revision, const std::string& file) const {
  const auto path = source_dir_ / file;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return false;  // deleted: a real change
  // clang-format finds the tree's .clang-format from the (assumed) file name.
  const auto format = fmt::format("clang-format --assume-filename={}", quoted(path.string()));
  const auto [old_status, old_text] =
      run(fmt::format("git -C {} show {}:{} 2>/dev/null | {} 2>/dev/null",
                      quoted(source_dir_.string()), revision, quoted(file), format));
  const auto [new_status, new_text] =
      run(fmt::format("{} < {} 2>/dev/null", format, quoted(path.string())));
  return old_status == 0 && new_status == 0 && !new_text.empty() && old_text == new_text;
}

Staleness StalenessChecker::check(const std::string& revision, const std::string& claim_id) {
  Staleness out;
  static const std::regex form("([0-9a-f]{7,40})(-dirty)?");
  std::smatch m;
  if (!std::regex_match(revision, m, form)) {
    out.why = fmt::format("the rows' revision '{}' is not a git revision", revision);
    return out;
  }
  out.dirty = m[2].matched;
  const std::string base = m[1].str();
  auto it = by_revision_.find(base);
  if (it == by_revision_.end()) {
    Changes changes;
    const auto [status, text] = run(fmt::format("git -C {} diff --name-only {} -- lib/ 2>/dev/null",
                                                quoted(source_dir_.string()), base));
    if (status != 0) {
      changes.why = fmt::format(
          "git cannot compare revision {} with the source tree {} (no git, "
          "not a checkout, or the revision is unknown there)",
          base, source_dir_.string());
    } else {
      changes.known = true;
      std::istringstream lines(text);
      for (std::string line; std::getline(lines, line);) {
        if (line.empty()) continue;
        if (layout_only(base, line)) {
          ++changes.layout_only;
        } else {
          changes.files.push_back(line);
        }
      }
      std::sort(changes.files.begin(), changes.files.end());
    }
    it = by_revision_.emplace(base, std::move(changes)).first;
  }
  out.known = it->second.known;
  out.why = it->second.why;
  out.layout_only = it->second.layout_only;
  for (const auto& f : it->second.files) {
    if (defines_claim(f, claim_id)) out.changed.push_back(f);
  }
  return out;
}

}  // namespace aerepro::reports
