#include "claims/s3/departure_bias.h"

namespace aerepro::claims::s3 {

namespace {

// What 003 does not show, which every S3 claim's models rest on.
const std::vector<UnknownBias>& s3_full_unknowns() {
  static const std::vector<UnknownBias> reasons{
      {WhyUnknown::not_in_report,
       "the fine-tuning's length: its cells are hidden (003:520-530, '5 celle nascoste', '4 "
       "celle nascoste'); 5 epochs, the stacks' EPOCHS_NUM (003:318), is our reading, and no "
       "other length is singled out to run"},
      {WhyUnknown::not_in_report,
       "the deeper levels' code noise: the call of layerwise_train_noise is cut off (003:480), "
       "so whether it kept the default noise_std 0.2 (003:447) is not shown"},
      {WhyUnknown::variant_not_run,
       "Adam with Keras' epsilon placement (added before the bias correction; 003:213 and its "
       "other compile calls use Keras' defaults) in place of LibTorch's: a variant optimiser and "
       "a retraining of the six models per seed, about 6 min a seed on one core as made (the "
       "full checkpoints' histories: one-level AE and DAE about 50 s, the two stacks about "
       "150 s, the two fine-tunings about 160 s), about 30 min for 5 seeds, and about 20 min "
       "more for the corrected reading's stacks"}};
  return reasons;
}

}  // namespace

UnknownBias ascent_calls_cut_off() {
  return {WhyUnknown::not_in_report,
          "S3.9's arguments: the three calls of ascention are cut off (003:703, 716, 729), so "
          "η = 1 and 10 steps are its defaults (003:678) and each call's normalization and "
          "inversion flags are read from the text above it (003:700, 713, 726); no other value "
          "is singled out to run"};
}

UnknownBias words_without_measure(const std::string& words) {
  return {WhyUnknown::not_in_report,
          words +
              " has no measure in the report: the threshold reads the words, and no measure "
              "of 003's can be run in its place"};
}

void declare_departure_bias(Claim& c, std::vector<UnknownBias> full_more) {
  auto& full = c.departures[Profile::full];
  full.bias = Bias::unknown;
  full.unknown_because = s3_full_unknowns();
  full.unknown_because.insert(full.unknown_because.end(), full_more.begin(), full_more.end());
  auto& ci = c.departures[Profile::ci];
  ci.bias = Bias::unknown;
  ci.unknown_because = full.unknown_because;
  ci.unknown_because.push_back(
      {WhyUnknown::full_profile_undoes_it,
       "ci trains on 12,000 of the 50,000 images, 3 epochs per stack level and of fine-tuning: "
       "which way the shorter training moves the claim is not known"});
  auto& smoke = c.departures[Profile::smoke];
  smoke.bias = Bias::unknown;
  smoke.unknown_because = {
      {WhyUnknown::full_profile_undoes_it, "smoke only checks the wiring and gives no verdict"}};
}

}  // namespace aerepro::claims::s3
