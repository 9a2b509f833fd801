// A profile's departures from the source report, and which way they bias the verdict; where the
// direction is not known, why not, declared beside it (issue 33: "unknown" is a finding with a
// reason, never a default).
#pragma once
#include "claims/profile.h"

#include <string>
#include <utility>
#include <vector>

namespace aerepro::claims {

// Which way a profile's departures from the source bias the claim's verdict.
enum class Bias {
  none,     // the source's set-up: no departure that can move the verdict
  harder,   // departures can only make the claim harder to reproduce
  easier,   // departures can favour the claim: this profile cannot call it reproduced
  unknown,  // departures whose direction is not known (each says why: WhyUnknown)
};
std::string to_string(Bias bias);  // "none", "harder", "easier", "unknown"

// Why a departure's direction stays unknown.
enum class WhyUnknown {
  // The report does not show the code or value the departure replaces (the reason cites the
  // line that shows it missing), or sets no measure for words our proxy reads: there is nothing
  // to run in its place.
  not_in_report,
  // A variant of the claim could undo it (the report's own method, run instead of ours), not
  // yet run: the reason names the variant and what it would cost.
  variant_not_run,
  // A variant could undo it, but not on this machine (the reason says what is missing).
  not_runnable_here,
  // A reduced profile's shortening (ci, smoke): the full profile runs the report's set-up, and
  // its record is the verdict that counts. Never a full-profile reason.
  full_profile_undoes_it,
};
// "not in the report", "a variant could undo it, not yet run", ...
std::string to_string(WhyUnknown why);

struct UnknownBias {
  WhyUnknown why = WhyUnknown::not_in_report;
  std::string reason;  // for this departure, citing the report's line where it rests on one
};

// One profile's departures from the source, in words, and which way they bias the verdict.
struct Departure {
  Departure(std::string text = "", Bias bias = Bias::unknown,
            std::vector<UnknownBias> unknown_because = {})
      : text(std::move(text)), bias(bias), unknown_because(std::move(unknown_because)) {}

  std::string text;
  Bias bias = Bias::unknown;
  // Why, one entry per departure whose direction is not known: at least one where the bias is
  // unknown; none beside `none` or `harder` (which say every departure is known); beside
  // `easier` (a departure that can favour the claim) any that remain.
  std::vector<UnknownBias> unknown_because;

  // The bias in a few words: "none", or "unknown (not in the report; a variant could undo it,
  // not yet run)" — each kind of reason once, in WhyUnknown's order.
  std::string bias_text() const;
  // The text, then the departures of unknown direction with their reasons, by kind in
  // WhyUnknown's order ("Of unknown direction — not in the report: …; …. a variant could undo
  // it, not yet run: …").
  std::string described() const;
  // What is wrong with the declaration in `profile` ("" when nothing): an unknown bias without
  // a reason, a reason beside `none` or `harder`, an empty reason, a full profile "undone by the
  // full profile".
  std::string problem(Profile profile) const;
};

// `base` (the full profile's departures, say) and `more` on top of it: the texts joined
// ("<base>; <more>"), the bias `bias`, which the caller decides from both, and the reasons of
// both where `bias` keeps reasons (unknown, easier).
Departure with_more(const Departure& base, const std::string& more, Bias bias,
                    std::vector<UnknownBias> more_reasons = {});

}  // namespace aerepro::claims
