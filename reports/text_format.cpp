#include "reports/text_format.h"

#include <fmt/format.h>

#include <cmath>

namespace aerepro::reports {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string markdown_cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += "<br>";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

std::string format_number(double value) {
  if (std::isnan(value)) return "—";
  // Whole numbers up to a billion in full (21000, not 2.1e+04).
  if (std::fabs(value) >= 1e4 && std::fabs(value) < 1e9) return fmt::format("{:.0f}", value);
  return fmt::format("{:.4g}", value);
}

std::string format_spread(const results::SummaryRow& row) {
  if (row.n <= 0 || std::isnan(row.mean)) return "—";
  if (row.n == 1) return fmt::format("{} (n = 1)", format_number(row.mean));
  return fmt::format("{} ± {} [{}, {}], n = {}", format_number(row.mean), format_number(row.std),
                     format_number(row.min), format_number(row.max), row.n);
}

std::string mean_std_n(const results::SummaryRow& row) {
  if (row.n <= 0 || std::isnan(row.mean)) return "—";
  if (row.n == 1) return fmt::format("{} (n = 1, no spread)", format_number(row.mean));
  return fmt::format("{} ± {} (n = {})", format_number(row.mean), format_number(row.std), row.n);
}

std::string metric_verdict_text(const results::SummaryRow& row) {
  if (row.metric_verdict.empty()) return "";
  if (row.n == 1) {
    return fmt::format(
        "{}: one seed has no spread, so no bound on the mean (its value {} the "
        "threshold)",
        row.metric_verdict, row.seeds_met == 1 ? "meets" : "misses");
  }
  std::string out = row.metric_verdict;
  if (!std::isnan(row.bound)) out += ", bound " + format_number(row.bound);
  out += fmt::format(", {}/{} seeds meet the threshold", row.seeds_met, row.n);
  if (row.metric_verdict == "inconclusive") {
    out += row.seeds_to_settle > 0 && row.seeds_to_settle <= kSettleLimit
               ? fmt::format(", about {} seeds would settle it", row.seeds_to_settle)
               : std::string(", the mean sits on the threshold");
  }
  return out;
}

std::string run_seconds_text(double seconds) {
  return fmt::format(
      "The run that wrote these rows took {} s for this claim, with its models loaded from "
      "checkpoints where present (so not the time it takes to train them).",
      format_number(seconds));
}

std::string format_threshold(const results::SummaryRow& row) {
  if (row.comparison.empty() || std::isnan(row.threshold)) return "informative";
  return fmt::format("{} {}", row.comparison, format_number(row.threshold));
}

std::string file_safe(std::string_view name) {
  std::string out;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    out += ok ? c : '_';
  }
  return out.empty() ? "_" : out;
}

std::string control_label(const std::string& stands_in) {
  return stands_in.empty() ? std::string("control") : "control (" + stands_in + ")";
}

std::string control_value_text(const results::SummaryRow& control) {
  return mean_std_n(control) +
         (control.metric_verdict.empty() ? "" : ", " + control.metric_verdict);
}

std::string control_text(const results::SummaryRow& control, const std::string& stands_in) {
  return control_label(stands_in) + ": " + control_value_text(control);
}

std::string verdict_class(std::string_view verdict) {
  if (verdict == "reproduced") return "reproduced";
  if (verdict == "not reproduced") return "not-reproduced";
  if (verdict == "vacuous") return "vacuous";
  if (verdict == "error" || verdict == "unreadable") return "error";
  if (verdict == "not run") return "not-run";
  if (verdict == "inconclusive") return "inconclusive";
  return "other";
}

}  // namespace aerepro::reports
