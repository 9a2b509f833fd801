#include "recipes/s0_recipes.h"
#include "recipes/s2_recipes.h"
#include "recipes/s3_recipes.h"
#include "recipes/s4_recipes.h"

#include <gtest/gtest.h>

namespace aerepro::recipes {
namespace {

// The model part of the checkpoint keys the records' models were stored under. A change here
// changes every key of that model: each is retrained on the next run (the full profile's take
// hours on a CPU), so it must be deliberate.
TEST(Recipes, DescribeTheModelsAsTheirCheckpointsWereKeyed) {
  EXPECT_EQ(conv_denoising_autoencoder().describe(), "ConvDenoisingAutoencoder d=4");
  EXPECT_EQ(conv_denoising_autoencoder_without_batch_norm().describe(),
            "ConvDenoisingAutoencoder d=4 batch_norm=false");
  EXPECT_EQ(source_deep_autoencoder().describe(),
            "DeepAutoencoder 784-512-256-128-30 / 30-128-256-784 code=relu output=relu");
  EXPECT_EQ(well_trained_deep_autoencoder().describe(),
            "DeepAutoencoder 784-512-256-128-30 / 30-128-256-784 code=none output=sigmoid");
  EXPECT_EQ(undercomplete_autoencoder(64).describe(),
            "ShallowAutoencoder 784-64-784 hidden=relu output=relu");
  EXPECT_EQ(sparse_autoencoder(6e-7).describe(),
            "ShallowAutoencoder 784-1156-784 hidden=relu output=relu l1_hidden=6e-07");
  EXPECT_EQ(denoising_autoencoder(0.5).describe(),
            "ShallowAutoencoder 784-256-784 hidden=relu output=relu");
  EXPECT_EQ(bottleneck_autoencoder().describe(), "BottleneckAutoencoder 784-64-8-64-784 relu");
  EXPECT_EQ(conv_autoencoder(models::ConvDecoder::unpool_deconv).describe(),
            "ConvAutoencoder decoder=unpool_deconv");
  EXPECT_EQ(one_level_autoencoder(true).describe(),
            "OneLevelAutoencoder 784-128 relu, sigmoid out, glorot-uniform");
  EXPECT_EQ(stacked_autoencoder(false, models::Activation::relu).stack.describe(),
            "StackedAutoencoder 784-512-128 relu, glorot-uniform, level0 sigmoid out, deeper "
            "relu out");
  EXPECT_EQ(fashion_cnn().describe(), "FashionCnn");
  EXPECT_EQ(autoencoder_classifier().describe(), "AutoencoderClassifier fresh encoder, relu code");
}

TEST(Recipes, DescriptionsFollowTheOptions) {
  auto recipe = autoencoder_classifier();
  recipe.model.encoder.relu_code = false;
  recipe.model.num_classes = 5;
  EXPECT_EQ(recipe.describe(), "AutoencoderClassifier fresh encoder, linear code outputs=5");
  auto cnn = fashion_cnn();
  cnn.model.num_classes = 3;
  EXPECT_EQ(cnn.describe(), "FashionCnn outputs=3");
  auto stack = stacked_autoencoder(true, models::Activation::sigmoid).stack;
  stack.model.levels = {64, 16, 4};
  EXPECT_EQ(stack.describe(),
            "StackedAutoencoder 784-64-16-4 relu, glorot-uniform, level0 sigmoid out, deeper "
            "sigmoid out");
}

TEST(Recipes, SourceSettingsBecomeTheTrainingOptions) {
  const auto s3 = one_level_autoencoder(true).training;  // S3.1, S3.3
  const auto options = s3.options(2);
  EXPECT_EQ(options.epochs, 2);
  EXPECT_EQ(options.batch_size, 32);
  EXPECT_DOUBLE_EQ(options.learning_rate, 1e-3);
  EXPECT_DOUBLE_EQ(options.adam_epsilon, 1e-7);
  EXPECT_EQ(options.corruption.describe(), train::Corruption::gaussian(0.4).describe());
  EXPECT_TRUE(options.noise_drawn_once);
  EXPECT_EQ(s3.epochs, 10);
  const auto s0 = conv_denoising_autoencoder().training;  // S0.5
  EXPECT_EQ(s0.batch_size, 256);
  EXPECT_EQ(s0.epochs, 30);
  EXPECT_EQ(s0.train_images, 48000);
  EXPECT_EQ(s0.corruption.describe(), train::Corruption::gaussian_clamped(0.3).describe());
  EXPECT_FALSE(s0.options(1).noise_drawn_once);
}

TEST(Recipes, ObjectiveFollowsTheModelKindAndThePenalty) {
  static_assert(Recipe<models::FashionCnn>::classifier);
  static_assert(!Recipe<models::ShallowAutoencoder>::classifier);
  const auto x = torch::rand({4, 1, 28, 28});
  const auto labels = torch::tensor({1, 3, 5, 7}, torch::kInt64);
  const auto cnn = fashion_cnn();
  auto model = cnn.build(0);
  EXPECT_TRUE(torch::allclose(cnn.objective(model)(x, labels),
                              torch::nn::functional::cross_entropy(model->forward(x), labels)));

  const auto sparse = sparse_autoencoder(1e-3);
  auto ae = sparse.build(0);
  const double mse = torch::mse_loss(ae->forward(x).reconstruction, x).item<double>();
  const double penalised = sparse.objective(ae)(x, x).item<double>();
  const double l1 = ae->forward(x).hidden.abs().sum().item<double>();
  EXPECT_NEAR(penalised, mse + 1e-3 * l1, 1e-4 * penalised);
  EXPECT_GT(l1, 0);
}

TEST(Recipes, BuildDrawsTheParametersFromTheSeed) {
  const auto recipe = bottleneck_autoencoder();
  auto a = recipe.build(3), b = recipe.build(3), c = recipe.build(4);
  EXPECT_TRUE(torch::equal(a->parameters()[0], b->parameters()[0]));
  EXPECT_FALSE(torch::equal(a->parameters()[0], c->parameters()[0]));
}

}  // namespace
}  // namespace aerepro::recipes
