#include "reports/claim_extras.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace aerepro::reports {
namespace {

std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

int to_int(const std::string& text) {
  char* end = nullptr;
  const long value = std::strtol(text.c_str(), &end, 10);
  return end && *end == '\0' && !text.empty() && value > 0 && value < 1'000'000
             ? static_cast<int>(value)
             : 0;
}

}  // namespace

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
      }
      row.clear();
      field.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

ClaimExtras read_claim_extras(const std::filesystem::path& summary) {
  ClaimExtras out;
  std::error_code error;
  if (!std::filesystem::is_regular_file(summary, error)) return out;
  const auto rows = parse_csv(read_all(summary));
  if (rows.empty()) return out;
  const auto& header = rows.front();
  size_t metric = header.size(), declared = header.size(), loss = header.size();
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == "metric") metric = i;
    if (header[i] == "declared_seeds") declared = i;
    if (header[i] == "loss") loss = i;
  }
  if (metric == header.size()) return out;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.size() != header.size()) continue;  // the summary reader names a broken row
    if (declared < row.size() && out.declared_seeds == 0)
      out.declared_seeds = to_int(row[declared]);
    if (loss < row.size() && out.loss.empty()) out.loss = row[loss];
    MetricExtras extras;
    for (size_t i = 0; i < header.size(); ++i) {
      if (row[i].empty()) continue;
      if (starts_with(header[i], "control")) extras.control[header[i]] = row[i];
      if (starts_with(header[i], "reading")) extras.readings[header[i]] = row[i];
    }
    if (!extras.control.empty() || !extras.readings.empty()) out.metrics[row[metric]] = extras;
  }
  return out;
}

std::map<std::string, int> read_planned_seeds(const std::filesystem::path& seed_plan) {
  std::map<std::string, int> out;
  std::error_code error;
  if (!std::filesystem::is_regular_file(seed_plan, error)) return out;
  const auto rows = parse_csv(read_all(seed_plan));
  if (rows.empty()) return out;
  size_t claim = rows[0].size(), planned = rows[0].size();
  for (size_t i = 0; i < rows[0].size(); ++i) {
    if (rows[0][i] == "claim") claim = i;
    if (rows[0][i] == "planned_seeds") planned = i;
  }
  for (size_t r = 1; r < rows.size(); ++r) {
    if (claim < rows[r].size() && planned < rows[r].size())
      out[rows[r][claim]] = to_int(rows[r][planned]);
  }
  return out;
}

}  // namespace aerepro::reports
