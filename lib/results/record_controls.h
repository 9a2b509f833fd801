// A record made before its claim had a negative control gains the control's values without the
// claim being rerun (issue 33): a control trains nothing, so its values for the record's own
// seeds are measured now and set beside the recorded rows.
#pragma once
#include "results/claim_runner.h"

namespace aerepro::results {

// The record's rows, figure data and images as recorded (their revision and environment
// included; any older control rows dropped), and the control measured now for each of the
// record's seeds (this run's revision and environment, as each row says). UsageError when the
// claim has no control or no record.
SeedResults record_with_controls(const claims::Claim& claim, const RunOptions& options);

// record_with_controls, then conclude_claim: results/<profile>/<claim>.* judged as any run;
// `aerepro record` makes them the record.
ClaimOutcome add_controls_to_record(const claims::Claim& claim, const RunOptions& options);

}  // namespace aerepro::results
