// Which way the S3 claims' departures (declare_departures, s3/support.h) bias the verdict, and
// why it stays unknown, declared once (claims/departure.h). Every S3 claim rests on the
// fine-tuned stacks, whose training cells 003 hides, so no S3 claim's full bias is known.
#pragma once
#include "claims/claim.h"

#include <string>
#include <vector>

namespace aerepro::claims::s3 {

// Sets the bias of the departures declare_departures wrote, with their reasons: full, the
// shared ones (what 003 does not show; Adam's epsilon, a variant not yet run) and `full_more`,
// the claim's own; ci adds its shorter training and smoke its wiring run, both undone by full.
void declare_departure_bias(Claim& c, std::vector<UnknownBias> full_more = {});

// The claim's own reasons that recur: S3.9's arguments (the three calls of ascention are cut
// off), and a proxy reading words 003 gives no measure for (`words`: the quoted words and their
// line).
UnknownBias ascent_calls_cut_off();
UnknownBias words_without_measure(const std::string& words);

}  // namespace aerepro::claims::s3
