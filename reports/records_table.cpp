#include "reports/records_table.h"

#include "reports/text_format.h"

#include <fmt/format.h>

namespace aerepro::reports {
namespace {

// The bound the verdict used: the mean's one-sided 97.5 % bound, or for a metric judged by the
// share of seeds the share's exact 95 % interval (issue 34).
std::string verdict_bound(const results::SummaryRow& s) {
  if (s.judged_by == "share")
    return fmt::format("share {}/{} [{}, {}] vs {}", s.seeds_met, s.n, format_number(s.share_low),
                       format_number(s.share_high), format_number(s.declared_share));
  return format_number(s.bound);
}

}  // namespace

std::string records_table_markdown(const ProfileData& data) {
  std::string out =
      "| claim | metric | source figure | mean ± std [min, max], n | threshold | verdict's bound | "
      "metric verdict | claim verdict | revision |\n|---|---|---|---|---|---|---|---|---|\n";
  for (const auto& c : data.claims) {
    if (c.summary.empty()) {
      out += fmt::format("| `{}` | | | | | | | {} | |\n", c.id, markdown_cell(c.verdict()));
      continue;
    }
    for (const auto& s : c.asserted()) {
      // The negative control beside the metric it controls (not a row of its own).
      const auto* control = c.control_of(s.metric);
      const std::string metric_verdict =
          s.metric_verdict +
          (control ? "; " + control_text(*control, c.control_stands_in()) : std::string());
      out += fmt::format("| `{}` | {} | {} | {} | {} | {} | {} | {} | {} |\n", c.id,
                         markdown_cell(s.metric), format_number(s.source_figure),
                         markdown_cell(format_spread(s)), markdown_cell(format_threshold(s)),
                         markdown_cell(verdict_bound(s)), markdown_cell(metric_verdict),
                         markdown_cell(s.verdict), markdown_cell(s.git_revision));
    }
  }
  return out;
}

std::optional<std::string> marked_block(const std::string& document, const std::string& profile) {
  const std::string open = "<!-- records:" + profile + " -->\n";
  const std::string close = "<!-- /records:" + profile + " -->";
  const auto begin = document.find(open);
  if (begin == std::string::npos) return std::nullopt;
  const auto end = document.find(close, begin + open.size());
  if (end == std::string::npos) return std::nullopt;
  return document.substr(begin + open.size(), end - begin - open.size());
}

}  // namespace aerepro::reports
