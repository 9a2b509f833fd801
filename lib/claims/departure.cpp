#include "claims/departure.h"

#include "common/enum_names.h"

#include <map>
#include <set>

namespace aerepro::claims {

constexpr EnumName<Bias> kBiasNames[] = {{Bias::none, "none"},
                                         {Bias::harder, "harder"},
                                         {Bias::easier, "easier"},
                                         {Bias::unknown, "unknown"}};
static_assert(enum_names_complete(kBiasNames, Bias::unknown));

std::string to_string(Bias bias) {
  return std::string(enum_name(kBiasNames, bias));
}

constexpr EnumName<WhyUnknown> kWhyUnknownNames[] = {
    {WhyUnknown::not_in_report, "not in the report"},
    {WhyUnknown::variant_not_run, "a variant could undo it, not yet run"},
    {WhyUnknown::not_runnable_here, "a variant could undo it, not runnable here"},
    {WhyUnknown::full_profile_undoes_it, "the full profile undoes it"}};
static_assert(enum_names_complete(kWhyUnknownNames, WhyUnknown::full_profile_undoes_it));

std::string to_string(WhyUnknown why) {
  return std::string(enum_name(kWhyUnknownNames, why));
}

std::string Departure::bias_text() const {
  if (unknown_because.empty()) return to_string(bias);
  std::set<WhyUnknown> kinds;
  for (const auto& u : unknown_because) kinds.insert(u.why);
  std::string out;
  for (const auto why : kinds) out += (out.empty() ? "" : "; ") + to_string(why);
  return to_string(bias) + " (" + out + ")";
}

std::string Departure::described() const {
  if (unknown_because.empty()) return text;
  std::map<WhyUnknown, std::string> by_kind;  // WhyUnknown's order
  for (const auto& u : unknown_because) {
    auto& reasons = by_kind[u.why];
    reasons += (reasons.empty() ? "" : "; ") + u.reason;
  }
  std::string out;
  for (const auto& [why, reasons] : by_kind) {
    out += (out.empty() ? "" : ". ") + to_string(why) + ": " + reasons;
  }
  const bool stop = !text.empty() && text.back() == '.';
  return text + (text.empty() ? "" : stop ? " " : ". ") + "Of unknown direction — " + out;
}

std::string Departure::problem(Profile profile) const {
  if (bias == Bias::unknown && unknown_because.empty())
    return "bias unknown without a reason (claims/departure.h, WhyUnknown): say why no variant "
           "can undo it, or which variant could and what it would cost";
  if ((bias == Bias::none || bias == Bias::harder) && !unknown_because.empty())
    return "a departure of unknown direction beside the bias '" + to_string(bias) +
           "', which says every departure's direction is known";
  for (const auto& u : unknown_because) {
    if (u.reason.empty()) return "an empty reason (" + to_string(u.why) + ")";
    if (u.why == WhyUnknown::full_profile_undoes_it && profile == Profile::full)
      return "the full profile cannot be undone by itself";
  }
  return "";
}

Departure with_more(const Departure& base, const std::string& more, Bias bias,
                    std::vector<UnknownBias> more_reasons) {
  Departure out{base.text.empty() ? more
                : more.empty()    ? base.text
                                  : base.text + "; " + more,
                bias,
                {}};
  if (bias == Bias::unknown || bias == Bias::easier) {
    out.unknown_because = base.unknown_because;
    out.unknown_because.insert(out.unknown_because.end(), more_reasons.begin(), more_reasons.end());
  }
  return out;
}

}  // namespace aerepro::claims
