#include "claims/assertion.h"

#include "common/enum_names.h"
#include "common/error.h"

#include <fmt/format.h>

#include <cmath>

namespace aerepro::claims {

constexpr EnumName<Comparison> kComparisonNames[] = {{Comparison::less, "<"},
                                                     {Comparison::less_equal, "<="},
                                                     {Comparison::greater, ">"},
                                                     {Comparison::greater_equal, ">="}};
static_assert(enum_names_complete(kComparisonNames, Comparison::greater_equal));

std::string to_string(Comparison comparison) {
  return std::string(enum_name(kComparisonNames, comparison));
}

// UsageError "unknown comparison 'x': use <, <=, > or >=" for any other text.
Comparison parse_comparison(const std::string& text) {
  return parse_enum(kComparisonNames, text, "comparison");
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

std::string to_string(JudgedBy judged_by) {
  return judged_by == JudgedBy::mean ? "mean" : "share";
}

Assertion by_share(Assertion a, double share) {
  if (!(share > 0 && share < 1)) throw UsageError(a.metric + ": a share lies strictly in (0, 1)");
  a.judged_by = JudgedBy::share;
  a.share = share;
  return a;
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
  if (judged_by == JudgedBy::share)
    out += share == 0.5 ? " [judged by the median: sign test]"
                        : fmt::format(" [judged by the share of seeds: > {:g}]", share);
  return out;
}

std::string control_metric(const std::string& metric) {
  return kControlPrefix + metric;
}

bool is_control_metric(const std::string& metric) {
  return metric.rfind(kControlPrefix, 0) == 0;
}

std::string controlled_metric(const std::string& control) {
  return is_control_metric(control) ? control.substr(std::string(kControlPrefix).size()) : control;
}

}  // namespace aerepro::claims
