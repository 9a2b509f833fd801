#include "claims/assertion.h"

#include "common/error.h"

#include <fmt/format.h>

#include <cmath>

namespace aerepro::claims {

std::string to_string(Comparison comparison) {
  switch (comparison) {
    case Comparison::less:
      return "<";
    case Comparison::less_equal:
      return "<=";
    case Comparison::greater:
      return ">";
    case Comparison::greater_equal:
      return ">=";
  }
  return "?";
}

Comparison parse_comparison(const std::string& text) {
  if (text == "<") return Comparison::less;
  if (text == "<=") return Comparison::less_equal;
  if (text == ">") return Comparison::greater;
  if (text == ">=") return Comparison::greater_equal;
  throw UsageError("unknown comparison '" + text + "' (use <, <=, > or >=)");
}

bool meets(double value, Comparison comparison, double threshold) {
  if (std::isnan(value) || std::isnan(threshold)) return false;
  switch (comparison) {
    case Comparison::less:
      return value < threshold;
    case Comparison::less_equal:
      return value <= threshold;
    case Comparison::greater:
      return value > threshold;
    case Comparison::greater_equal:
      return value >= threshold;
  }
  return false;
}

std::optional<double> Assertion::threshold(Profile profile) const {
  switch (profile) {
    case Profile::smoke:
      return std::nullopt;
    case Profile::ci:
      return ci;
    case Profile::full:
      return full;
  }
  return std::nullopt;
}

std::string Assertion::describe(Profile profile) const {
  const auto t = threshold(profile);
  std::string out =
      metric + " " +
      (t ? fmt::format("{} {:.6g}", to_string(comparison), *t) : std::string("(not asserted)"));
  if (source_figure) {
    out += fmt::format(
        " (source {:.6g}{})", *source_figure,
        source_figure_caveat.empty() ? "" : "; not comparable: " + source_figure_caveat);
  }
  return out;
}

std::string to_string(Bias bias) {
  switch (bias) {
    case Bias::none:
      return "none";
    case Bias::harder:
      return "harder";
    case Bias::easier:
      return "easier";
    case Bias::unknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace aerepro::claims
