// S3.7's six test errors (003:746-748): the MSE of the six models on noisy test inputs, and the
// claims' evaluation and negative control built on them; shared by the S3.7 claims.
#pragma once
#include "claims/s3/support.h"

#include <functional>
#include <vector>

namespace aerepro::claims::s3 {

// S3.7: the test MSE (mean over pixels, against the clean image) of the six models on the test
// images corrupted once with x + 0.4·N(0,1) (the draw fixed by the seed).
struct SixErrors {
  double ae, dae, layerwise_ae, layerwise_dae, fine_tuned_ae, fine_tuned_dae;
  // Training fidelity evidence: the first and final epoch losses of every stage 003 prints,
  // with its printed figures (printed_training_loss).
  std::vector<Measurement> training;
};

// S3.7's errors of `models` (six_models' order); `figures`: whether to draw them (the claim's
// own run does, its control does not).
SixErrors errors_of(ClaimContext& ctx, const std::vector<TrainedModel>& models,
                    StackReading reading, bool figures);

// The claim's metrics (asserted and derived) from the six errors.
using SixMetrics = std::function<std::vector<Measurement>(const SixErrors&)>;

// The evaluation of an S3.7 claim: `metrics` of the six trained models, then their six MSEs;
// `training`: also the first and final training losses beside 003's printed ones.
std::function<std::vector<Measurement>(ClaimContext&)> on_six_trained(StackReading reading,
                                                                      SixMetrics metrics,
                                                                      bool training = false);

// The negative control of an S3.7 claim: `metrics` of the six models initialised only
// (untrained_six_models), `tie` applied to their errors first (a claim whose compared pair is
// not a pair of twins there makes it one).
Control on_six_untrained(StackReading reading, std::string stands_in, SixMetrics metrics,
                         std::function<void(SixErrors&)> tie = {});

}  // namespace aerepro::claims::s3
