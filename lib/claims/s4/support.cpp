#include "claims/s4/support.h"

#include "data/splits.h"
#include "recipes/s4_recipes.h"

#include <fmt/format.h>

namespace aerepro::claims::s4 {

FashionSetup fashion_setup(Profile profile) {
  return PerProfile<FashionSetup>{
      /*smoke*/ {500, 1, 1, 1, 500},
      /*ci*/ {2500, 1, 1, 2, 5000},  // one epoch each on 10,000 images: the CNN is ci's costliest
      /*full*/
      {30000, recipes::fashion_cnn().training.epochs,
       recipes::autoencoder_classifier().training.epochs,
       recipes::fashion_autoencoder().training.epochs, 5000},
  }(profile);
}

const std::vector<int64_t> kClasses{1, 3, 5, 7, 9};

std::string to_string(PixelScale pixels) {
  return pixels == PixelScale::unit ? "[0,1]" : "[-1,1]";
}

std::string Reading::slug() const {
  return fmt::format("pixels_{}_pool_k{}p{}{}", pixels == PixelScale::unit ? "unit" : "symmetric",
                     pool_kernel, pool_padding, shuffle ? "" : "_unshuffled");
}

std::string Reading::describe() const {
  return fmt::format("pixels {}, MaxPool kernel {} padding {}{}", to_string(pixels), pool_kernel,
                     pool_padding, shuffle ? "" : ", unshuffled");
}

models::FashionCnnOptions Reading::cnn() const {
  models::FashionCnnOptions options;
  options.pool_kernel = pool_kernel;
  options.pool_padding = pool_padding;
  return options;
}

const std::vector<Reading>& plausible_readings() {
  static const std::vector<Reading> readings = [] {
    std::vector<Reading> out;
    for (const auto& [kernel, padding] : {std::pair{2, 0}, {5, 2}, {6, 2}})
      for (const bool shuffle : {true, false})
        for (const auto pixels : {PixelScale::unit, PixelScale::symmetric})
          out.push_back({pixels, kernel, padding, shuffle});
    return out;
  }();
  return readings;
}

FashionData fashion_data(ClaimContext& ctx, PixelScale pixels, int64_t originals_used) {
  const auto setup = fashion_setup(ctx.profile);
  if (originals_used <= 0) originals_used = setup.originals;
  // S4.1: classes {1,3,5,7,9}; x4 augmentation of the originals used; labels kept 10-wide.
  auto originals =
      data::filter_classes(fashion_mnist(ctx, data::Split::train), kClasses).head(originals_used);
  auto test =
      data::filter_classes(fashion_mnist(ctx, data::Split::test), kClasses).head(setup.test_images);
  if (pixels == PixelScale::symmetric) {  // Normalize((0.5,), (0.5,)): x -> 2x - 1
    originals.images = originals.images.mul(2.0).sub_(1.0);
    test.images = test.images.mul(2.0).sub_(1.0);
  }
  FashionData out;
  out.train = data::augment_flip_and_uniform_noise(originals, ctx.seed);
  out.test = test;
  // The [0,1] note is the one the S4 checkpoints have always had (the data digest in the key
  // tells the scales apart anyway).
  out.key_note = fmt::format(" classes=13579 originals={} augmented=x4{}", originals_used,
                             pixels == PixelScale::unit ? "" : " pixels=[-1,1]");
  return out;
}

double accuracy(const analysis::TensorMap& logits, const data::LabeledImages& set) {
  int64_t correct = 0;
  analysis::for_each_chunk(set.size(), 1000, [&](int64_t start, int64_t n) {
    const auto predicted = logits(set.images.narrow(0, start, n)).argmax(1);
    correct += predicted.eq(set.labels.narrow(0, start, n)).sum().item<int64_t>();
  });
  return static_cast<double>(correct) / static_cast<double>(set.size());
}

const std::vector<double> kPrintedCnnLoss{0.3539, 0.2275, 0.1977, 0.1720, 0.1412,
                                          0.1075, 0.0795, 0.0621, 0.0524, 0.0472,
                                          0.0434, 0.0389, 0.0365, 0.0353, 0.0330};
const std::vector<double> kPrintedAutoencoderLoss{0.5443, 0.5272, 0.5230, 0.5216, 0.5205,
                                                  0.5194, 0.5190, 0.5186, 0.5182, 0.5176,
                                                  0.5173, 0.5169, 0.5166, 0.5164, 0.5163};
const std::vector<double> kPrintedClassifierLoss{0.3695, 0.2387, 0.1744, 0.1295, 0.0977,
                                                 0.0837, 0.0722, 0.0655, 0.0608, 0.0565,
                                                 0.0499, 0.0488, 0.0452, 0.0412, 0.0402};

void add_printed_curve(ClaimContext& ctx, const std::string& series,
                       const std::vector<double>& printed) {
  for (size_t e = 0; e < printed.size(); ++e)
    ctx.artifacts.add_point(FigureId::loss_curve, series, static_cast<double>(e + 1), printed[e]);
}

}  // namespace aerepro::claims::s4
