// S3's six models (S3.2–S3.6) as the S3 claims use them: trained for the context's profile and
// seed as the report's code trained them (the stacks through recipes::train_stack, the
// one-level models through the claims' train_cached), or initialised only for the controls;
// and 003's printed training losses beside ours.
#pragma once
#include "analysis/latent.h"
#include "claims/claim_support.h"

#include <string>
#include <vector>

namespace aerepro::claims::s3 {

// S3.4's stack as the report made it (design_AE: a sigmoid on every level's output, also on the
// deeper levels that reconstruct unbounded ReLU codes — a design slip), or corrected (ReLU
// outputs on the deeper levels). The one-level models are the same in both readings.
enum class StackReading { as_made, corrected };
std::string to_string(StackReading reading);  // "as made" / "corrected"

// One stage of a model's training: "training" (a one-level model), "level_1", "level_2" (a
// stack's levels in turn, S3.4/S3.5), "fine_tuning" (S3.6).
struct TrainingStage {
  std::string key;
  train::TrainHistory history;
};

// One trained model as the analyses see it.
struct TrainedModel {
  std::string name;  // "one-level AE", "one-level DAE", "layer-wise AE", …, "fine-tuned DAE"
  std::string key;   // "one_level_ae", …, "fine_tuned_dae": metric names
  analysis::TensorMap encode, decode, reconstruct;  // images (N,1,28,28) <-> codes
  std::vector<TrainingStage> stages;                // how it was trained, in order
};

// 003's printed per-epoch training losses of a model's stage (Keras' epoch means, 003:221-230,
// 270-289, 358-377, 486-505), or none where 003 prints none or the reading changes what the
// stage trains (a corrected stack's deeper level).
std::vector<double> printed_training_loss(const std::string& model_key,
                                          const std::string& stage_key, StackReading reading);

// S3.7's six models of this context's seed, in the order: one-level AE (S3.2), one-level DAE
// (S3.3), layer-wise AE (S3.4), layer-wise DAE (S3.5), fine-tuned AE, fine-tuned DAE (S3.6).
// Each is trained once per set-up and seed (checkpoints); the models are in eval mode.
std::vector<TrainedModel> six_models(ClaimContext& ctx, StackReading reading);

// The six models of six_models (same order, names and keys), each built by its recipe from this
// context's seed and never trained: the negative controls' stand-in (claims/claim.h, Control; no
// training, no checkpoint), in eval mode. Untrained, an AE and its DAE (S3.2/S3.3, S3.4/S3.5)
// are the same network, and so are a layer-wise stack and its fine-tuned one.
std::vector<TrainedModel> untrained_six_models(ClaimContext& ctx, StackReading reading);

}  // namespace aerepro::claims::s3
