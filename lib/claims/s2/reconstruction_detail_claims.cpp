// S2's statements about how its models reconstruct the clean ten test images (contrast,
// intensity, "holes"), read as the measures of claims/s2/picture_measures.h, each as S2's code
// fed its models (raw 0-255 pixels) and corrected ([0,1] pixels): 002:556-558 (deep AE against
// PCA) and 002:758 (hidden size).
#include "analysis/pca.h"
#include "claims/s2/picture_measures.h"
#include "claims/s2/picture_readings.h"
#include "claims/s2/support.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace aerepro::claims::s2 {
namespace {

// S2's printed errors of test image 9712 by the x-AEs, fed 0-255 (002:739-741).
const std::vector<double> kPrintedErrors9712{12.344127479528655, 7.293184998965914,
                                             5.244607256549658};

// S2.1's PCA-30 reconstruction as S2's code made it (as_made: x V V^T of the uncentred image,
// no mean, 002:179, 231) or with the mean.
analysis::TensorMap pca30_map(const analysis::PcaModel& pca, bool as_made) {
  if (!as_made) return [&pca](const torch::Tensor& x) { return pca.reconstruct(x); };
  return [&pca](const torch::Tensor& x) {
    const auto v = pca.components.to(x.device());
    const auto flat = x.reshape({x.size(0), -1}).to(torch::kFloat64);
    return flat.matmul(v).matmul(v.t()).reshape(x.sizes()).to(x.scalar_type());
  };
}

// A model's map as the variant feeds it.
analysis::TensorMap as_fed(const analysis::TensorMap& model, bool as_made) {
  return as_made ? fed_raw_pixels(model) : model;
}

// ---- 002:556-558: the deep AE against PCA-30 ----

std::vector<Measurement> ae_against_pca(const torch::Tensor& ten, const analysis::TensorMap& ae,
                                        const analysis::TensorMap& pca) {
  const auto ae_out = outputs_of(ae, ten);
  const auto pca_out = outputs_of(pca, ten);
  const double ae_contrast = mean_of(displayed_contrast(ae_out));
  const double pca_contrast = mean_of(displayed_contrast(pca_out));
  const double ae_intensity = mean_of(displayed_intensity(ae_out));
  const double pca_intensity = mean_of(displayed_intensity(pca_out));
  return {{"ae_minus_pca_displayed_contrast_10_images", ae_contrast - pca_contrast},
          {"ae_minus_pca_displayed_intensity_10_images", ae_intensity - pca_intensity},
          {"ae_displayed_contrast_10_images", ae_contrast},
          {"pca_displayed_contrast_10_images", pca_contrast},
          {"ae_displayed_intensity_10_images", ae_intensity},
          {"pca_displayed_intensity_10_images", pca_intensity},
          {"input_displayed_contrast_10_images", mean_of(displayed_contrast(ten))}};
}

Claim ae_sharper_than_pca_claim(bool as_made) {
  const std::string base = "s2.source_ae_sharper_than_pca";
  Claim c;
  c.id = variant_id(base, as_made);
  c.source = "S2.1, S2.2";
  c.sentence =
      "002:556 'they have managed to preserve more details such as the intensity and the "
      "contrast, as compared to PCA result, which is more blurred': the source's deep AE "
      "(784-512-256-128-30, "
      "ReLU after every layer; Adam 3e-4, batch 256, 10 epochs) against PCA-30 on S2's ten test "
      "images 9705-9714. Our reading of the words, declared before any run: contrast = the "
      "standard deviation of a displayed image's pixels, intensity = the mean of its brightest "
      "10 % of pixels (each image displayed as imshow shows it, stretched from its own minimum "
      "to maximum). Asserted, means over the ten images: AE contrast - PCA contrast > 0 and AE "
      "intensity - PCA intensity > 0. " +
      as_made_or_corrected(as_made, base) +
      (as_made ? " PCA reconstructs x V V^T of the uncentred image, without the mean "
                 "(002:179, 231)."
               : " PCA with the training mean subtracted and added back.");
  c.departures[Profile::full] = full_departure(
      as_made, "; S2 judged the pictures by eye, the proxies and their bars (> 0) are ours",
      {no_measure_for("'more details such as the intensity and the contrast' against PCA's "
                      "'more blurred' (002:556, judged by eye on ten pictures)")});
  c.departures[Profile::ci] = ci_departure(
      c.departures[Profile::full],
      "as full, with the deep AE of s2.pca_beats_source_ae as trained in ci (5 of 10 epochs, all "
      "60,000 images): a less trained AE may show less contrast; same thresholds");
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {{"ae_minus_pca_displayed_contrast_10_images", Comparison::greater, 0.0, 0.0,
                   std::nullopt, ""},
                  {"ae_minus_pca_displayed_intensity_10_images", Comparison::greater, 0.0, 0.0,
                   std::nullopt, ""}};
  c.evaluate = [as_made](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, deep_source_schedule());
    auto ae = train_on_schedule(ctx, recipes::source_deep_autoencoder(), deep_source_schedule(),
                                data, "S2.2 deep AE (source)");
    const auto pca = analysis::fit_pca(data.inputs, 30);  // S2.1
    const auto ae_map = as_fed(reconstruction_of(ae.model), as_made);
    const auto pca_map = pca30_map(pca, as_made);
    const auto ten = source_images(ctx);
    ctx.artifacts.add_image_row(FigureId::reconstructions, 0, "test images 9705-9714", ten);
    ctx.artifacts.add_image_row(FigureId::reconstructions, 1, "deep AE (source set-up)",
                                as_displayed(outputs_of(ae_map, ten)).to(torch::kFloat32));
    ctx.artifacts.add_image_row(FigureId::reconstructions, 2, "PCA-30",
                                as_displayed(outputs_of(pca_map, ten)).to(torch::kFloat32));
    return ae_against_pca(ten, ae_map, pca_map);
  };
  c.control.stands_in =
      "PCA-30 in the AE's place (the same reconstruction on both sides): a reconstruction that "
      "is PCA's own cannot be sharper than PCA's";
  c.control.evaluate = [as_made](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, deep_source_schedule());
    const auto pca = analysis::fit_pca(data.inputs, 30);
    const auto pca_map = pca30_map(pca, as_made);
    auto all = ae_against_pca(source_images(ctx), pca_map, pca_map);
    all.resize(2);  // the asserted two
    return all;
  };
  return c;
}

// ---- 002:558: holes in the deep AE's reconstructions ----

std::vector<Measurement> holes_of(ClaimContext& ctx, const analysis::TensorMap& as_made,
                                  const analysis::TensorMap& on_unit_pixels) {
  const auto ten = source_images(ctx);
  const auto test = test_images(ctx);
  return {{"ae_hole_share_10_images", hole_share(outputs_of(as_made, ten), ten)},
          {"ae_hole_share_test_set", hole_share(outputs_of(as_made, test), test)},
          {"reading_fed_0_1_ae_hole_share_10_images",
           hole_share(outputs_of(on_unit_pixels, ten), ten)}};
}

Claim source_ae_holes_claim() {
  Claim c;
  c.id = "s2.source_ae_reconstructions_have_holes";
  c.source = "S2.2";
  c.sentence =
      "002:558 'The \"holes\" (black pixels) in the AE reconstruction': the source's deep AE "
      "(784-512-256-128-30, ReLU after every layer including the output; Adam 3e-4, batch 256, "
      "10 epochs) reconstructs S2's ten test images 9705-9714 with black pixels inside the "
      "strokes. Our reading, declared before any run: a hole = an in-stroke pixel (input > "
      "0.5) output as exactly 0 (a clipped ReLU output, black in any display). Asserted: the "
      "share of the ten images' in-stroke pixels that are holes > 0.01 (about one black pixel "
      "inside each stroke). Measured as S2's code fed the AE: the raw 0-255 pixels (002:386); "
      "the same share with the AE fed [0,1] pixels is recorded beside it (reading_fed_0_1_...): "
      "an exact 0 is one at either scale. The report's guesses at the cause (too little "
      "training or data, the ReLU) are not tested.";
  c.departures[Profile::full] = full_departure(
      true, "; S2 judged the pictures by eye, the proxy and its bar (0.01) are ours",
      {no_measure_for("'The \"holes\" (black pixels)' (002:558, seen on ten pictures, no count)")});
  c.departures[Profile::ci] = ci_departure(
      c.departures[Profile::full],
      "as full, with the deep AE of s2.pca_beats_source_ae as trained in ci (5 of 10 epochs, all "
      "60,000 images): a less trained AE may show more holes; same threshold");
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"ae_hole_share_10_images", Comparison::greater, kHolesSeen, kHolesSeen, std::nullopt, ""}};
  c.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, deep_source_schedule());
    auto ae = train_on_schedule(ctx, recipes::source_deep_autoencoder(), deep_source_schedule(),
                                data, "S2.2 deep AE (source)");
    return holes_of(ctx, fed_raw_pixels(reconstruction_of(ae.model)), reconstruction_of(ae.model));
  };
  c.control.stands_in =
      "the identity map in the AE's place (the input itself): it sets no in-stroke pixel to 0";
  c.control.evaluate = [](ClaimContext& ctx) -> std::vector<Measurement> {
    auto all = holes_of(ctx, fed_raw_pixels(identity_map()), identity_map());
    all.resize(1);
    return all;
  };
  return c;
}

// ---- 002:758: the x = 256 AE against x = 64, 128 ----

struct Detail {
  double contrast, intensity, holes;
};
Detail detail_of(const analysis::TensorMap& map, const torch::Tensor& ten) {
  const auto out = outputs_of(map, ten);
  return {mean_of(displayed_contrast(out)), mean_of(displayed_intensity(out)),
          hole_share(out, ten)};
}

// The asserted gains of x = 256 (last) over both smaller AEs.
std::vector<Measurement> wider_gains(const std::vector<Detail>& d) {
  const auto& w = d.back();
  return {{"min_displayed_contrast_gain_x256_over_64_128",
           std::min(w.contrast - d[0].contrast, w.contrast - d[1].contrast)},
          {"min_displayed_intensity_gain_x256_over_64_128",
           std::min(w.intensity - d[0].intensity, w.intensity - d[1].intensity)},
          {"min_hole_share_drop_x256_from_64_128",
           std::min(d[0].holes - w.holes, d[1].holes - w.holes)}};
}

Claim wider_ae_keeps_more_detail_claim(bool as_made) {
  const std::string base = "s2.wider_ae_keeps_more_detail";
  Claim c;
  c.id = variant_id(base, as_made);
  c.source = "S2.3";
  c.sentence =
      "002:758 'In the 256 neurons net we can see there are more details regarding intensity, "
      "contrast, less \"black holes\"': of S2.3's AEs 784-x-784 (ReLU, Adam 3e-4, batch 256, 10 "
      "epochs), the x = 256 one reconstructs S2's ten test images 9705-9714 with more contrast "
      "and intensity and fewer holes than x = 64 and x = 128. Our reading, declared before any "
      "run: contrast and intensity as in s2.source_ae_sharper_than_pca, holes as in "
      "s2.source_ae_reconstructions_have_holes "
      "(displayed-pixel standard deviation, mean of the brightest 10 % displayed, share of "
      "in-stroke pixels output as exactly 0), means over the ten images. Asserted: the smaller "
      "of x = 256's two gains over x = 64 and x = 128 > 0, for contrast, for intensity, and for "
      "the drop of the hole share. " +
      as_made_or_corrected(as_made, base) +
      (as_made ? " S2's printed errors of test image 9712 (002:739-741) are recorded beside "
                 "ours."
               : "");
  c.departures[Profile::full] = full_departure(
      as_made,
      "; S2's x-AE training cell is hidden (002:593): Adam 3e-4, batch 256, 10 epochs are read "
      "from its other cells and printout, and its printed losses (002:597-633) lie inside our "
      "seeds' intervals, so they pick this reading; S2 showed one image (9712), we take its "
      "ten; the proxies and their bars (> 0) are ours",
      {no_measure_for("'more details regarding intensity, contrast, less \"black holes\"' "
                      "(002:758, judged by eye on one picture)")});
  c.departures[Profile::ci] = ci_departure(
      c.departures[Profile::full],
      "as full, with the x-AEs of s2.error_falls_with_hidden_size as trained in ci (5 of 10 "
      "epochs, all 60,000 images); same thresholds; which way shorter training moves the gaps "
      "between sizes is not known");
  c.departures[Profile::smoke] = kSmoke;
  c.assertions = {
      {"min_displayed_contrast_gain_x256_over_64_128", Comparison::greater, 0.0, 0.0, std::nullopt,
       ""},
      {"min_displayed_intensity_gain_x256_over_64_128", Comparison::greater, 0.0, 0.0, std::nullopt,
       ""},
      {"min_hole_share_drop_x256_from_64_128", Comparison::greater, 0.0, 0.0, std::nullopt, ""}};
  c.evaluate = [as_made](ClaimContext& ctx) -> std::vector<Measurement> {
    const auto data = training_images(ctx, undercomplete_schedule());
    const auto ten = source_images(ctx);
    std::vector<Detail> details;
    std::vector<Measurement> evidence;
    const auto sizes = models::undercomplete_hidden_sizes();
    for (size_t i = 0; i < sizes.size(); ++i) {
      auto ae = undercomplete_ae(ctx, data, sizes[i]);
      const auto map = as_fed(reconstruction_of(ae.model), as_made);
      const auto d = details.emplace_back(detail_of(map, ten));
      const auto tag = fmt::format("x{}", sizes[i]);
      ctx.artifacts.add_image_row(FigureId::reconstructions, static_cast<int64_t>(i) + 1,
                                  "AE " + tag,
                                  as_displayed(outputs_of(map, ten)).to(torch::kFloat32));
      evidence.push_back({"displayed_contrast_10_images_" + tag, d.contrast});
      evidence.push_back({"displayed_intensity_10_images_" + tag, d.intensity});
      evidence.push_back({"hole_share_10_images_" + tag, d.holes});
      evidence.push_back({"error_image_9712_" + tag,
                          per_image_errors(map, ten)[9712 - kFirstSourceImage].item<double>(),
                          as_made ? kPrintedErrors9712[i] : std::nan("")});
    }
    ctx.artifacts.add_image_row(FigureId::reconstructions, 0, "test images 9705-9714", ten);
    auto out = wider_gains(details);
    out.insert(out.end(), evidence.begin(), evidence.end());
    return out;
  };
  c.control.stands_in =
      "S2.3's x = 256 AE initialised only (same recipe and seed, never trained) in all three "
      "places: a net no wider than the others cannot show more details for being wider (every "
      "gain 0)";
  c.control.evaluate = [as_made](ClaimContext& ctx) -> std::vector<Measurement> {
    auto ae = initialised_only(ctx, recipes::undercomplete_autoencoder(256));
    const auto d = detail_of(as_fed(reconstruction_of(ae), as_made), source_images(ctx));
    return wider_gains({d, d, d});
  };
  return c;
}

}  // namespace

Claim source_ae_sharper_than_pca() {
  return ae_sharper_than_pca_claim(/*as_made=*/true);
}
Claim source_ae_sharper_than_pca_corrected() {
  return ae_sharper_than_pca_claim(/*as_made=*/false);
}
Claim source_ae_reconstructions_have_holes() {
  return source_ae_holes_claim();
}
Claim wider_ae_keeps_more_detail() {
  return wider_ae_keeps_more_detail_claim(/*as_made=*/true);
}
Claim wider_ae_keeps_more_detail_corrected() {
  return wider_ae_keeps_more_detail_claim(/*as_made=*/false);
}

}  // namespace aerepro::claims::s2
