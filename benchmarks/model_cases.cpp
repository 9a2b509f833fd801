#include "model_cases.h"

#include "recipes/s0_recipes.h"
#include "recipes/s2_recipes.h"
#include "recipes/s3_recipes.h"
#include "recipes/s4_recipes.h"

#include <utility>

namespace aerepro::bench {
namespace {

// A model case from its source's recipe: the recipe's model (seed 0), objective, batch size and
// training images per epoch.
template <typename Model>
ModelCase from_recipe(std::string name, const recipes::Recipe<Model>& recipe,
                      std::map<std::string, int64_t> conv_input_side = {}) {
  return {std::move(name),
          recipe.item,
          recipe.training.batch_size,
          recipe.training.train_images,
          recipes::Recipe<Model>::classifier,
          std::move(conv_input_side),
          [recipe] {
            auto model = recipe.build(0);
            BuiltModel built{model.ptr(), recipe.objective(model), {}};
            if constexpr (recipes::Recipe<Model>::classifier) {
              built.infer = [model](const torch::Tensor& x) mutable { return model->forward(x); };
            } else {
              built.infer = [model](const torch::Tensor& x) mutable {
                return model->forward(x).reconstruction;
              };
            }
            return built;
          }};
}

// S2.9's shared encoder: 28 → pool 14 → pool 7 (→ pool 3).
std::map<std::string, int64_t> conv_ae_encoder_sides() {
  return {{"encoder_conv1", 28}, {"encoder_conv2", 14}, {"encoder_conv3", 7}};
}

std::map<std::string, int64_t> with(std::map<std::string, int64_t> sides,
                                    const std::map<std::string, int64_t>& more) {
  sides.insert(more.begin(), more.end());
  return sides;
}

std::vector<ModelCase> make_cases() {
  std::vector<ModelCase> cases;
  // S0.3/S0.4: strides 2 (28→14→7→3), decoder 3→7→14→28.
  cases.push_back(from_recipe("s0_conv_dae", recipes::conv_denoising_autoencoder(),
                              {{"encoder_conv1", 28},
                               {"encoder_conv2", 14},
                               {"encoder_conv3", 7},
                               {"decoder_deconv1", 3},
                               {"decoder_deconv2", 7},
                               {"decoder_deconv3", 14}}));
  cases.push_back(from_recipe("s2_deep_ae", recipes::source_deep_autoencoder()));
  for (const int64_t x : models::undercomplete_hidden_sizes()) {
    cases.push_back(
        from_recipe("s2_shallow_ae_" + std::to_string(x), recipes::undercomplete_autoencoder(x)));
  }
  cases.push_back(from_recipe("s2_sparse_ae_1156", recipes::sparse_autoencoder(4e-6)));
  cases.push_back(from_recipe("s2_bottleneck_ae", recipes::bottleneck_autoencoder()));
  // S2.9 (a): unpool 3→7→14, conv at 14, unpool →28, conv at 28.
  cases.push_back(
      from_recipe("s2_conv_ae_unpool", recipes::conv_autoencoder(models::ConvDecoder::unpool_conv),
                  with(conv_ae_encoder_sides(), {{"decoder_conv1", 14}, {"decoder_conv2", 28}})));
  // S2.9 (b): 3→7→14→28.
  cases.push_back(
      from_recipe("s2_conv_ae_deconv", recipes::conv_autoencoder(models::ConvDecoder::deconv),
                  with(conv_ae_encoder_sides(),
                       {{"decoder_deconv1", 3}, {"decoder_deconv2", 7}, {"decoder_deconv3", 14}})));
  // S2.9 (c): as (a) with stride-1 transposed convs.
  cases.push_back(from_recipe(
      "s2_conv_ae_unpool_deconv", recipes::conv_autoencoder(models::ConvDecoder::unpool_deconv),
      with(conv_ae_encoder_sides(),
           {{"decoder_deconv1", 7}, {"decoder_deconv2", 14}, {"decoder_deconv3", 28}})));
  // S3.6: the fine-tuned [512, 128] stack (as made: sigmoid outputs on every level).
  cases.push_back(from_recipe("s3_one_level_ae", recipes::one_level_autoencoder(false)));
  cases.push_back(from_recipe(
      "s3_stacked_ae", recipes::stacked_autoencoder(false, models::Activation::sigmoid).stack));
  // S4.2: valid 5×5 convs with padding 1, 28→26→24→22.
  cases.push_back(from_recipe("s4_cnn", recipes::fashion_cnn(),
                              {{"conv1", 28}, {"conv2", 26}, {"conv3", 24}, {"conv4", 22}}));
  cases.push_back(from_recipe("s4_ae", recipes::fashion_autoencoder()));
  cases.push_back(from_recipe("s4_ae_classifier", recipes::autoencoder_classifier()));
  return cases;
}

}  // namespace

const std::vector<ModelCase>& model_cases() {
  static const std::vector<ModelCase> cases = make_cases();
  return cases;
}

}  // namespace aerepro::bench
