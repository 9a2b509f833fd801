#include "reports/figure_position.h"

#include "reports/text_format.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace aerepro::reports {
namespace {

double number_or_nan(const std::string& text) {
  if (text.empty()) return std::nan("");
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  return end && *end == '\0' ? value : std::nan("");
}

}  // namespace

std::map<std::string, FigurePosition> read_figure_positions(const std::filesystem::path& summary) {
  std::map<std::string, FigurePosition> out;
  try {
    io::CSVReader<5, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>> reader(
        summary.string());
    reader.read_header(io::ignore_extra_column | io::ignore_missing_column, "metric", "pi95_low",
                       "pi95_high", "figure_position", "pi_kind");
    if (!reader.has_column("metric") || !reader.has_column("figure_position")) return {};
    std::string metric, low, high, position, kind;
    while (reader.read_row(metric, low, high, position, kind)) {
      out[metric] = {number_or_nan(low), number_or_nan(high), position, kind == "range"};
    }
  } catch (const std::exception&) {
    return {};  // the summary's own reader names what is wrong with the file
  }
  return out;
}

std::string figure_position_text(const std::string& printed, const FigurePosition& p) {
  if (p.position.empty() || printed.empty()) return "";
  const std::string interval =
      std::isnan(p.pi95_low) || std::isnan(p.pi95_high)
          ? std::string()
          : fmt::format(" [{}, {}]", format_number(p.pi95_low), format_number(p.pi95_high));
  if (p.position == "inside" || p.position == "above" || p.position == "below") {
    return fmt::format("report's {}: {} {}{}", printed, p.position,
                       p.range ? "our seeds' range (the metric is not near-normal: no t interval)"
                               : "our 95 % prediction interval",
                       interval);
  }
  if (p.position.rfind("no spread", 0) == 0) {
    return fmt::format("report's {}: one seed has no spread, so no interval to place it in",
                       printed);
  }
  if (p.position == "not comparable") {
    return fmt::format("report's {}: not comparable with our measure (see the caveat)", printed);
  }
  return fmt::format("report's {}: {}", printed, p.position);
}

void tally_position(PositionTally& tally, const FigurePosition& p, int seeds) {
  const bool outside = p.position == "above" || p.position == "below";
  if (!outside && p.position != "inside") return;
  ++tally.placed;
  tally.outside += outside;
  tally.expected += p.range ? 2.0 / (seeds + 1) : 0.05;
}

std::string position_tally_text(const std::string& report, const PositionTally& t) {
  return fmt::format("{}: {} of {} printed figure{} outside ({:.1f} expected by chance)", report,
                     t.outside, t.placed, t.placed == 1 ? "" : "s", t.expected);
}

}  // namespace aerepro::reports
