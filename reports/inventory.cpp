#include "reports/inventory.h"

#include "common/error.h"
#include "results/csv_fields.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <sstream>

namespace aerepro::reports {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::vector<InventoryEntry> read_entries(const fs::path& file) {
  results::require_nonempty_file(file, "inventory file");
  std::vector<InventoryEntry> entries;
  try {
    io::CSVReader<8, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>> reader(
        file.string());
    reader.read_header(io::ignore_no_column, "entry", "line", "kind", "quote", "printed",
                       "checked_by", "reason", "note");
    InventoryEntry e;
    std::string line, checked_by;
    while (
        reader.read_row(e.entry, line, e.kind, e.quote, e.printed, checked_by, e.reason, e.note)) {
      const unsigned at = reader.get_file_line();
      if (e.entry.empty()) {
        throw ArtifactError(fmt::format("{}:{}: column 'entry' is empty", file.string(), at));
      }
      e.line = line.empty() ? 0 : results::parse_csv_int(line, file, at, "line");
      e.checked_by = words(checked_by);
      entries.push_back(e);
    }
  } catch (const io::error::base& e) {
    throw ArtifactError(e.what());
  }
  return entries;
}

}  // namespace

const std::vector<std::string>& inventory_kinds() {
  static const std::vector<std::string> kinds = {"number", "comparison", "visual",
                                                 "curve",  "procedure",  "explanation"};
  return kinds;
}

bool is_measurable_kind(const std::string& kind) {
  return kind == "number" || kind == "comparison" || kind == "visual" || kind == "curve";
}

const std::vector<UncheckedReason>& unchecked_reasons() {
  static const std::vector<UncheckedReason> reasons = {
      {"explanation", "not measurable: an explanation"},
      {"procedure", "not measurable: a procedure"},
      {"not_a_result", "not a result: a setting, count or shape the report prints"},
      {"not_given", "the report's code, model or pictures are not given"},
      {"no_data", "the data is not available here"},
      {"timing", "a timing of the author's hardware"},
      {"placed", "its printed figure is set beside ours, without a verdict"},
      {"not_yet", "checkable, not checked yet"},
  };
  return reasons;
}

const UncheckedReason* find_unchecked_reason(const std::string& code) {
  for (const auto& r : unchecked_reasons()) {
    if (r.code == code) return &r;
  }
  return nullptr;
}

std::vector<std::string> harness_words_in_note(const std::string& note) {
  static const std::regex word(
      R"(\b(harness|claims?|metrics?|recipes?|departures?|ours|asserted|recorded|evidence|)"
      R"(variants?|read as|our reading|prediction interval)\b)",
      std::regex::icase);
  static const std::regex claim_id(R"(\bs[0-4]\.[a-z_]+)");
  static const std::regex cpp_name(R"(\b\w+::\w+)");
  static const std::regex snake(R"(\b[a-z][a-z0-9]*(_[a-z0-9]+)+\b)");
  std::vector<std::string> out;
  const auto collect = [&out](const std::string& text, const std::regex& re) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
         ++it)
      out.push_back(it->str());
  };
  collect(note, word);
  collect(note, claim_id);
  collect(note, cpp_name);
  std::string outside;  // the note without its `quoted` code
  bool quoted = false;
  for (const char c : note) {
    if (c == '`') quoted = !quoted;
    outside += quoted || c == '`' ? ' ' : c;
  }
  collect(outside, snake);
  return out;
}

const std::vector<SourceReport>& source_reports() {
  static const std::vector<SourceReport> reports = {
      {"S0", "Homework 6", "000_5f96edd66f59d507.txt"},
      {"S1", "Assignment 6", "001_e16f8da693f2ea1a.txt"},
      {"S2", "Programming Assignment 3", "002_3b48a90cb75fa7d6.txt"},
      {"S3", "ISPR Midterm 3", "003_d4bff5d8e2ccc45b.txt"},
      {"S4", "Minor exam", "004_c0f2a3951a22513d.txt"},
  };
  return reports;
}

bool Inventory::names(const std::string& claim) const {
  for (const auto& r : reports) {
    for (const auto& e : r.entries) {
      if (std::find(e.checked_by.begin(), e.checked_by.end(), claim) != e.checked_by.end())
        return true;
    }
  }
  return false;
}

Inventory read_inventory(const fs::path& dir) {
  Inventory inventory;
  inventory.dir = dir;
  std::error_code error;
  inventory.found = fs::is_directory(dir, error);
  for (const auto& report : source_reports()) {
    ReportInventory r;
    r.report = report;
    std::string name = report.key + ".csv";
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    r.file = dir / name;
    if (inventory.found) {
      if (!fs::exists(r.file, error)) {
        inventory.problems.push_back(
            {r.file, fmt::format("{}: no inventory of {} \"{}\": its card groups the claims by "
                                 "their source column instead",
                                 r.file.string(), report.key, report.name)});
      } else {
        try {
          r.entries = read_entries(r.file);
          r.found = true;
        } catch (const std::exception& e) {
          inventory.problems.push_back({r.file, e.what()});
        }
      }
    }
    inventory.reports.push_back(std::move(r));
  }
  return inventory;
}

fs::path default_inventory_dir(const fs::path& results_root, const fs::path& source_dir) {
  fs::path root = results_root.lexically_normal();
  if (root.has_filename() == false) root = root.parent_path();
  if (root.filename() == "records") {
    const fs::path parent = root.has_parent_path() ? root.parent_path() : fs::path(".");
    return parent / "inventory";
  }
  return source_dir / "inventory";
}

}  // namespace aerepro::reports
