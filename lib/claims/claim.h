// A claim of SOURCES.md as a record in code: what it says, how it is measured, and the
// threshold each profile holds it to.
#pragma once
#include "claims/artifacts.h"
#include "claims/assertion.h"
#include "claims/profile.h"
#include "data/datasets.h"
#include "train/checkpoint.h"

#include <torch/torch.h>

#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace aerepro::claims {

// One number measured for one seed. Whether it is asserted, and against what, is declared in
// the claim record (Claim::assertions); a metric no assertion names is evidence shown beside it.
struct Measurement {
  std::string metric;
  double value = std::nan("");
  double source_figure = std::nan("");  // the source report's own figure, where it has one
};

// What an evaluation gets: the profile, one seed, where to compute, where data and cached
// models live.
class DataCache;  // claims/claim_support.h

struct ClaimContext {
  Profile profile = Profile::ci;
  uint64_t seed = 0;
  torch::Device device = torch::kCPU;
  data::DatasetOptions data;
  train::CheckpointStore checkpoints;
  bool progress = true;
  std::string dataset_checksum;      // set by the evaluation: the data it used
  std::shared_ptr<DataCache> cache;  // datasets loaded once per run (created when empty)
  Artifacts artifacts;  // figure data and image grids for the report (filled by the evaluation)
};

// Whose statement a claim checks. Only a report's own statements count for or against it.
enum class ClaimOrigin {
  report,   // a statement of the report's text, cited in inventory/<report>.csv
  brief,    // one of the project brief's four headline checks, shown beside the report's own
  harness,  // the harness's own experiment or reading: evidence, outside every report's tally
};
std::string to_string(ClaimOrigin origin);  // "report", "brief", "harness"
ClaimOrigin parse_claim_origin(const std::string& text);

// A claim's negative control (issue 33): the same procedure and the same asserted metrics on a
// case where the statement must NOT hold (an initialised-only model, the all-zero output, the
// identity map, no noise, ...). It runs beside the claim on every seed and costs no training;
// its values are recorded as control_metric(<metric>) (claims/assertion.h). A claim that also holds
// on its control is vacuous: the procedure does not show the statement about the model. A claim
// with no meaningful control says why instead (a unit test requires one or the other).
struct Control {
  std::string stands_in;  // what the control puts in the model's place, in words
  // Measures every metric the claim asserts, on the control (one seed; no training).
  std::function<std::vector<Measurement>(ClaimContext&)> evaluate;
  std::string none_because;  // no meaningful control: why (then `evaluate` is empty)
  bool runs() const { return static_cast<bool>(evaluate); }
};

// Where a report's method is ambiguous (issue 33), each plausible reading of it is a claim of its
// own: the as-made claim is one reading (it names its own: `name`, `differs` empty), each other
// is a named variant of it (`of` = the as-made claim's id; `differs`: what it reads differently,
// citing the report's line). A variant checks the same statement (same origin, same asserted
// metrics); the statement's verdict is then taken across the readings (results/readings.h): it
// holds only if every reading holds, fails only if every one fails, else it depends on the
// reading. A claim with no readings leaves `name` empty.
struct Reading {
  std::string of;       // the as-made claim's id; "" on the as-made claim itself
  std::string name;     // the reading in a few words, e.g. "pixels 0-255 as S2 fed them"
  std::string differs;  // a variant: what it reads differently and why the report allows it
  bool is_variant() const { return !of.empty(); }
  bool declared() const { return !name.empty(); }
};

struct Claim {
  std::string id;  // e.g. "s0.kmeans_codes_above_70"
  ClaimOrigin origin = ClaimOrigin::report;
  std::string source;    // SOURCES.md item(s), e.g. "S0.7"
  std::string sentence;  // what the claim says
  // Every way a profile departs from the source's set-up (data, model, training, thresholds)
  // and which way that biases the verdict; every profile is stated explicitly ("none" only
  // where true), `full` included.
  std::map<Profile, Departure> departures;
  // What the claim asserts (thresholds per profile), before anything runs; the evaluation
  // only measures.
  std::vector<Assertion> assertions;
  std::function<std::vector<Measurement>(ClaimContext&)> evaluate;  // one seed
  Control control;  // the negative control, or why it has none
  Reading reading;  // the reading of an ambiguous report it runs, if the claim declares readings

  // The profile's stated departure; {"not stated", unknown} when the record lacks one (a unit
  // test requires every claim to state every profile).
  const Departure& departure(Profile profile) const;
  bool states_departure(Profile profile) const { return departures.count(profile) > 0; }
};

// Every claim of the harness, in SOURCES.md order.
const std::vector<Claim>& all_claims();

// The claim with this id, or UsageError listing the known ids.
const Claim& find_claim(const std::string& id);

// The reading variants of the as-made claim `id` (Reading::of == id), in registration order.
std::vector<const Claim*> readings_of(const std::string& id);

// The claims of one source report ("S0" … "S4"), or of one id.
std::vector<const Claim*> select_claims(const std::string& claim_id, const std::string& source);

}  // namespace aerepro::claims
