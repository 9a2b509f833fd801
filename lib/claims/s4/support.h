// What S4's claims (004, the minor exam) share: the five classes, the profiles' set-ups, the
// readings of what 004 leaves unstated, the data as a reading prepares it, 004's printed curves.
#pragma once
#include "analysis/chunked_inference.h"
#include "analysis/latent.h"
#include "claims/claim_support.h"
#include "models/fashion_cnn.h"

#include <string>
#include <vector>

namespace aerepro::claims::s4 {

// The set-up per profile; full trains as the source (recipes/s4_recipes.h).
struct FashionSetup {
  int64_t originals;           // of the 30,000 training images of classes {1,3,5,7,9}
  int64_t cnn_epochs;          // S4.2: 15
  int64_t classifier_epochs;   // S4.4: 15
  int64_t autoencoder_epochs;  // S4.3: 15
  int64_t test_images;         // of the 5,000
};
FashionSetup fashion_setup(Profile profile);
extern const std::vector<int64_t> kClasses;  // S4.1: {1,3,5,7,9}

// How the pixels enter the models. 004:46 says only "converted into Torch format Tensors":
// ToTensor alone gives [0,1]; the common ToTensor + Normalize((0.5,), (0.5,)) gives [-1,1]. The
// augmentation's U[0,1) noise (004:73) is added to whichever the loader gave.
enum class PixelScale { unit, symmetric };
std::string to_string(PixelScale pixels);  // "[0,1]", "[-1,1]"

// One reading of S4's unstated choices: the pixel scale, S4.2's pooling (004:100 "stride = 2,
// padding = 2" with no kernel; kernel 2 unpadded, or 5 or 6 with padding 2, keep 004:104's
// 64x10x10 flatten), and whether the batches are reshuffled each epoch (004 never says; a
// DataLoader does not shuffle unless asked, and the set is four concatenated quarters, 004:48-53).
struct Reading {
  PixelScale pixels = PixelScale::unit;
  int64_t pool_kernel = 2;
  int64_t pool_padding = 0;
  bool shuffle = true;

  std::string slug() const;      // "pixels_unit_pool_k2p0" (+ "_unshuffled"): metric names
  std::string describe() const;  // "pixels [0,1], MaxPool kernel 2 padding 0" (+ ", unshuffled")
  models::FashionCnnOptions cnn() const;
};
// Every plausible reading, the one the S4 claims run first ([0,1], kernel 2, no padding,
// shuffled), then the kernels in turn, each shuffled and not, each with both pixel scales.
const std::vector<Reading>& plausible_readings();

// S4.1's data as a reading's pixel scale gives it: the originals of the five classes (the
// profile's share of them, or `originals` of them) augmented x4 with the seed's noise, and the
// test images.
struct FashionData {
  data::LabeledImages train, test;
  std::string key_note;  // what the checkpoint keys add about the data (" classes=13579 …")
};
FashionData fashion_data(ClaimContext& ctx, PixelScale pixels, int64_t originals = 0);

// The fraction of `set` whose argmax logit is its label (chunks of 1,000 images).
double accuracy(const analysis::TensorMap& logits, const data::LabeledImages& set);

// 004's printed per-epoch training losses (epoch means over the 120,000 augmented images):
// 004:120-134 the CNN, 004:216-230 the AE (MSE), 004:259-273 the AE classifier.
extern const std::vector<double> kPrintedCnnLoss;
extern const std::vector<double> kPrintedAutoencoderLoss;
extern const std::vector<double> kPrintedClassifierLoss;

// Adds a printed curve to the loss figure beside ours.
void add_printed_curve(ClaimContext& ctx, const std::string& series,
                       const std::vector<double>& printed);

}  // namespace aerepro::claims::s4
