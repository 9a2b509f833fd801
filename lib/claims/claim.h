// A claim of SOURCES.md as a record in code: what it says, how it is measured, and the
// threshold each profile holds it to.
#pragma once
#include "claims/artifacts.h"
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

// One number measured for one seed. A measurement with a comparison is asserted (on its mean
// over seeds); one without is evidence shown beside it.
struct Measurement {
  std::string metric;
  double value = std::nan("");
  std::string comparison;                 // "<", ">", ... or "" (informative)
  double threshold = std::nan("");
  double source_figure = std::nan("");    // the source report's own figure, where it has one
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
  std::string dataset_checksum;  // set by the evaluation: the data it used
  std::shared_ptr<DataCache> cache;  // datasets loaded once per run (created when empty)
  Artifacts artifacts;  // figure data and image grids for the report (filled by the evaluation)
};

// The outcome a claim is expected to have in a profile: reproduced, or not reproduced with the
// evidence recorded here (a claim is never tuned into passing).
struct Expectation {
  bool reproduced = true;
  std::string evidence;  // why not, with the measured numbers, when !reproduced
};

struct Claim {
  std::string id;        // e.g. "s0.kmeans_codes_above_70"
  std::string source;    // SOURCES.md item(s), e.g. "S0.7"
  std::string sentence;  // what the claim says
  // Every way a profile departs from the source's set-up (data size, epochs, thresholds).
  std::map<Profile, std::string> departures;
  std::map<Profile, Expectation> expectations;  // default: reproduced
  std::function<std::vector<Measurement>(ClaimContext&)> evaluate;  // one seed

  const std::string& departure(Profile profile) const;
  Expectation expectation(Profile profile) const;
};

// Every claim of the harness, in SOURCES.md order.
const std::vector<Claim>& all_claims();

// The claim with this id, or UsageError listing the known ids.
const Claim& find_claim(const std::string& id);

// The claims of one source report ("S0" … "S4"), or of one id.
std::vector<const Claim*> select_claims(const std::string& claim_id, const std::string& source);

}  // namespace aerepro::claims
