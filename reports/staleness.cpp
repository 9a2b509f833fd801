#include "reports/staleness.h"

#include "results/claim_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <regex>
#include <sstream>

namespace aerepro::reports {
namespace {

using results::run_command;
using results::shell_quoted;

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

StalenessChecker::StalenessChecker(std::filesystem::path source_dir)
    : source_dir_(std::move(source_dir)) {}

bool StalenessChecker::layout_only(const std::string& revision, const std::string& file) const {
  const auto path = source_dir_ / file;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return false;  // deleted: a real change
  // clang-format finds the tree's .clang-format from the (assumed) file name.
  const auto format = fmt::format("clang-format --assume-filename={}", shell_quoted(path.string()));
  const auto [old_status, old_text] = run_command(
      fmt::format("git -C {} show {}:{} 2>/dev/null | {} 2>/dev/null",
                  shell_quoted(source_dir_.string()), revision, shell_quoted(file), format));
  const auto [new_status, new_text] =
      run_command(fmt::format("{} < {} 2>/dev/null", format, shell_quoted(path.string())));
  return old_status == 0 && new_status == 0 && !new_text.empty() && old_text == new_text;
}

const StalenessChecker::Changes& StalenessChecker::changes_since(const std::string& base) {
  auto it = by_revision_.find(base);
  if (it == by_revision_.end()) {
    Changes changes;
    std::string why;
    if (const auto files = results::changed_lib_files(source_dir_, base, "", &why)) {
      changes.known = true;
      for (const auto& line : *files) {
        if (layout_only(base, line)) {
          ++changes.layout_only;
        } else {
          changes.files.push_back(line);
        }
      }
    } else {
      changes.why = why;
    }
    it = by_revision_.emplace(base, std::move(changes)).first;
  }
  return it->second;
}

Staleness StalenessChecker::check(const std::string& revision, const std::string& claim_id,
                                  const std::string& judged_revision) {
  Staleness out;
  static const std::regex form("([0-9a-f]{7,40})(-dirty)?");
  std::smatch m;
  if (!std::regex_match(revision, m, form)) {
    out.why = fmt::format("the rows' revision '{}' is not a git revision", revision);
    return out;
  }
  out.dirty = m[2].matched;
  const auto& measured = changes_since(m[1].str());
  out.known = measured.known;
  out.why = measured.why;
  out.layout_only = measured.layout_only;
  for (const auto& f : measured.files) {
    if (results::defines_claim(f, claim_id)) out.changed.push_back(f);
  }
  // The verdict rules count since the summary was judged (`aerepro rejudge` judges again).
  std::smatch j;
  const auto& judged =
      std::regex_match(judged_revision, j, form) ? changes_since(j[1].str()) : measured;
  for (const auto& f : judged.files) {
    if (results::judges_claims(f)) out.changed.push_back(f + " (verdict rules)");
  }
  return out;
}

}  // namespace aerepro::reports
