// lib/models' building blocks: counting trainable parameters, activation names.
#include "models/activation.h"
#include "models/parameters.h"

#include <exception>

#include <gtest/gtest.h>

namespace aerepro::models {
namespace {

TEST(CountParameters, CountsOnlyTrainableParameters) {
  torch::nn::BatchNorm2d norm(16);  // running statistics are buffers
  EXPECT_EQ(count_parameters(*norm), 32);
  torch::nn::Linear layer(3, 2);
  layer->bias.set_requires_grad(false);
  EXPECT_EQ(count_parameters(*layer), 6);
}

TEST(Activation, NamesRoundTrip) {
  for (auto activation : {Activation::relu, Activation::none, Activation::sigmoid}) {
    EXPECT_EQ(activation_from_string(to_string(activation)), activation);
  }
  EXPECT_THROW(activation_from_string("tanh"), std::exception);
}

}  // namespace
}  // namespace aerepro::models
