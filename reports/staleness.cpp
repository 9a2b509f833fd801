#include "reports/staleness.h"

#include "results/claim_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>
#include <regex>
#include <sstream>

namespace aerepro::reports {
namespace {

namespace fs = std::filesystem;
using results::run_command;
using results::shell_quoted;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A file's text at a revision and its blob's id.
struct Blob {
  std::string blob, text;
};

// Each of `files` at `revision` (none where it did not exist there), read by one
// `git cat-file --batch`.
std::vector<std::optional<Blob>> texts_at(const fs::path& source_dir, const std::string& revision,
                                          const std::vector<std::string>& files) {
  std::vector<std::optional<Blob>> out(files.size());
  if (files.empty()) return out;
  const fs::path list =
      fs::temp_directory_path() / ("aerepro-blobs-" + std::to_string(std::random_device{}()));
  {
    std::ofstream names(list, std::ios::binary);
    for (const auto& f : files) names << revision << ":" << f << "\n";
  }
  const auto [status, text] =
      run_command(fmt::format("git -C {} cat-file --batch < {} 2>/dev/null",
                              shell_quoted(source_dir.string()), shell_quoted(list.string())));
  std::error_code ignored;
  fs::remove(list, ignored);
  if (status != 0) return out;
  // Per name: "<blob> <type> <size>\n<content>\n", or "<name> missing\n".
  size_t at = 0;
  for (size_t i = 0; i < files.size() && at < text.size(); ++i) {
    const size_t eol = text.find('\n', at);
    if (eol == std::string::npos) break;
    std::istringstream header(text.substr(at, eol - at));
    std::string blob, type;
    size_t size = 0;
    header >> blob >> type;
    at = eol + 1;
    if (type == "missing" || type == "ambiguous" || !(header >> size)) continue;
    if (type == "blob" && at + size <= text.size()) out[i] = Blob{blob, text.substr(at, size)};
    at += size + 1;
  }
  return out;
}

// The style file clang-format would use for the tree's `file`: the nearest .clang-format or
// _clang-format in its folder or above; "" when none (clang-format then formats in LLVM's style).
fs::path style_file(const fs::path& source_dir, const std::string& file) {
  std::error_code ec;
  for (fs::path dir = fs::absolute(source_dir / file, ec).parent_path();; dir = dir.parent_path()) {
    for (const char* name : {".clang-format", "_clang-format"}) {
      if (fs::is_regular_file(dir / name, ec)) return dir / name;
    }
    if (dir == dir.parent_path() || dir.empty()) return {};
  }
}

// A text to clang-format as the tree's file `file` (its name chooses the language, its folder
// the style); `key` is what the result is cached under.
struct Text {
  std::string key, file, text;
  bool now = false;  // the tree's text (else a revision's)
};

// Every text clang-formatted as the tree's file of its name would be: copied, each under its
// own name, into a temporary folder beside a copy of its style file, and formatted in place by
// one clang-format process per style file. "" where clang-format failed.
std::vector<std::string> clang_formatted(const fs::path& source_dir,
                                         const std::vector<Text>& texts) {
  std::vector<std::string> out(texts.size());
  if (texts.empty()) return out;
  const fs::path root =
      fs::temp_directory_path() / ("aerepro-layout-" + std::to_string(std::random_device{}()));
  std::map<fs::path, std::vector<size_t>> by_style;
  for (size_t i = 0; i < texts.size(); ++i)
    by_style[style_file(source_dir, texts[i].file)].push_back(i);
  std::error_code ec;
  size_t group = 0;
  for (const auto& [style, members] : by_style) {
    const fs::path dir = root / std::to_string(group++);
    fs::create_directories(dir, ec);
    if (!style.empty()) fs::copy_file(style, dir / ".clang-format", ec);
    std::string command = style.empty() ? "clang-format -i --style=LLVM" : "clang-format -i";
    for (size_t i : members) {
      const fs::path file = dir / std::to_string(i) / fs::path(texts[i].file).filename();
      fs::create_directories(file.parent_path(), ec);
      std::ofstream(file, std::ios::binary) << texts[i].text;
      command += " " + shell_quoted(file.string());
    }
    if (run_command(command + " 2>/dev/null").first != 0) continue;
    for (size_t i : members)
      out[i] = read_file(dir / std::to_string(i) / fs::path(texts[i].file).filename());
  }
  fs::remove_all(root, ec);
  return out;
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

StalenessChecker::StalenessChecker(std::filesystem::path source_dir)
    : source_dir_(std::move(source_dir)) {}

std::vector<bool> StalenessChecker::layout_only(const std::string& revision,
                                                const std::vector<std::string>& files) {
  // The files' texts at the revision, by blob: one git process for all of them.
  const auto then = texts_at(source_dir_, revision, files);
  std::vector<Text> todo;
  std::vector<std::string> then_keys(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    std::error_code ec;
    const auto path = source_dir_ / files[i];
    if (!then[i] || !std::filesystem::exists(path, ec)) continue;  // added or deleted: a change
    then_keys[i] = then[i]->blob + ":" + files[i];
    if (!formatted_then_.count(then_keys[i]) &&
        std::none_of(todo.begin(), todo.end(),
                     [&](const Text& t) { return t.key == then_keys[i]; }))
      todo.push_back({then_keys[i], files[i], then[i]->text});
    if (!formatted_now_.count(files[i]))
      todo.push_back({files[i], files[i], read_file(path), true});
  }
  const auto formatted = clang_formatted(source_dir_, todo);
  for (size_t i = 0; i < todo.size(); ++i)
    (todo[i].now ? formatted_now_ : formatted_then_)[todo[i].key] = formatted[i];
  std::vector<bool> out(files.size(), false);
  for (size_t i = 0; i < files.size(); ++i) {
    if (then_keys[i].empty()) continue;
    const auto& now = formatted_now_[files[i]];
    out[i] = !now.empty() && now == formatted_then_[then_keys[i]];
  }
  return out;
}

const StalenessChecker::Changes& StalenessChecker::changes_since(const std::string& base) {
  auto it = by_revision_.find(base);
  if (it == by_revision_.end()) {
    Changes changes;
    std::string why;
    if (const auto files = results::changed_lib_files(source_dir_, base, "", &why)) {
      changes.known = true;
      const auto layout = layout_only(base, *files);
      for (size_t i = 0; i < files->size(); ++i) {
        if (layout[i]) {
          ++changes.layout_only;
        } else {
          changes.files.push_back((*files)[i]);
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
