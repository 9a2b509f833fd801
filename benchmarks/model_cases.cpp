#include "model_cases.h"

#include "models/ae_classifier.h"
#include "models/bottleneck_ae.h"
#include "models/conv_ae.h"
#include "models/conv_dae.h"
#include "models/deep_ae.h"
#include "models/fashion_ae.h"
#include "models/fashion_cnn.h"
#include "models/one_level_ae.h"
#include "models/shallow_ae.h"
#include "models/stacked_ae.h"
#include "train/objectives.h"

namespace aerepro::bench {
namespace {

using namespace aerepro::models;

template <typename Model>
BuiltModel autoencoder(Model model) {
  return {model.ptr(), train::reconstruction_objective(model),
          [model](const torch::Tensor& x) mutable { return model->forward(x).reconstruction; }};
}

template <typename Model>
BuiltModel sparse_autoencoder(Model model, double lambda) {
  return {model.ptr(), train::sparse_reconstruction_objective(model, lambda),
          [model](const torch::Tensor& x) mutable { return model->forward(x).reconstruction; }};
}

template <typename Model>
BuiltModel classifier(Model model) {
  return {model.ptr(), train::classification_objective(model),
          [model](const torch::Tensor& x) mutable { return model->forward(x); }};
}

template <typename Model, typename... Args>
Model seeded(Args... args) {
  return train::seeded<Model>(0, args...);
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
  constexpr int64_t mnist_train = 60000;
  std::vector<ModelCase> cases;
  // S0.3/S0.4: strides 2 (28→14→7→3), decoder 3→7→14→28. S0.5: batch 256; S0.1: 48k images.
  cases.push_back({"s0_conv_dae",
                   "S0.3-S0.5",
                   256,
                   48000,
                   false,
                   {{"encoder_conv1", 28},
                    {"encoder_conv2", 14},
                    {"encoder_conv3", 7},
                    {"decoder_deconv1", 3},
                    {"decoder_deconv2", 7},
                    {"decoder_deconv3", 14}},
                   [] { return autoencoder(seeded<ConvDenoisingAutoencoder>()); }});
  // S2: batch 256 on the 60k training images.
  cases.push_back({"s2_deep_ae", "S2.2", 256, mnist_train, false, {}, [] {
                     return autoencoder(seeded<DeepAutoencoder>(source_deep_autoencoder_options()));
                   }});
  for (const int64_t x : undercomplete_hidden_sizes()) {
    cases.push_back(
        {"s2_shallow_ae_" + std::to_string(x), "S2.3", 256, mnist_train, false, {}, [x] {
           return autoencoder(seeded<ShallowAutoencoder>(undercomplete_autoencoder_options(x)));
         }});
  }
  cases.push_back({"s2_sparse_ae_1156", "S2.6", 256, mnist_train, false, {}, [] {
                     return sparse_autoencoder(
                         seeded<ShallowAutoencoder>(sparse_autoencoder_options()), 4e-6);
                   }});
  cases.push_back({"s2_bottleneck_ae", "S2.8", 256, mnist_train, false, {}, [] {
                     return autoencoder(seeded<BottleneckAutoencoder>());
                   }});
  // S2.9 (a): unpool 3→7→14, conv at 14, unpool →28, conv at 28.
  cases.push_back({"s2_conv_ae_unpool", "S2.9a", 256, mnist_train, false,
                   with(conv_ae_encoder_sides(), {{"decoder_conv1", 14}, {"decoder_conv2", 28}}),
                   [] {
                     return autoencoder(
                         seeded<ConvAutoencoder>(ConvAutoencoderOptions{ConvDecoder::unpool_conv}));
                   }});
  // S2.9 (b): 3→7→14→28.
  cases.push_back({"s2_conv_ae_deconv", "S2.9b", 256, mnist_train, false,
                   with(conv_ae_encoder_sides(),
                        {{"decoder_deconv1", 3}, {"decoder_deconv2", 7}, {"decoder_deconv3", 14}}),
                   [] {
                     return autoencoder(
                         seeded<ConvAutoencoder>(ConvAutoencoderOptions{ConvDecoder::deconv}));
                   }});
  // S2.9 (c): as (a) with stride-1 transposed convs.
  cases.push_back({"s2_conv_ae_unpool_deconv", "S2.9c", 256, mnist_train, false,
                   with(conv_ae_encoder_sides(),
                        {{"decoder_deconv1", 7}, {"decoder_deconv2", 14}, {"decoder_deconv3", 28}}),
                   [] {
                     return autoencoder(seeded<ConvAutoencoder>(
                         ConvAutoencoderOptions{ConvDecoder::unpool_deconv}));
                   }});
  // S3.2: batch 32; S3.1: 50k training images. S3.6: the fine-tuned [512, 128] stack.
  cases.push_back({"s3_one_level_ae", "S3.2", 32, 50000, false, {}, [] {
                     return autoencoder(seeded<OneLevelAutoencoder>());
                   }});
  cases.push_back({"s3_stacked_ae", "S3.4-S3.6", 32, 50000, false, {}, [] {
                     return autoencoder(seeded<StackedAutoencoder>());
                   }});
  // S4.1: batch 100, 120k augmented images. S4.2: valid 5×5 convs with padding 1, 28→26→24→22.
  cases.push_back({"s4_cnn",
                   "S4.2",
                   100,
                   120000,
                   true,
                   {{"conv1", 28}, {"conv2", 26}, {"conv3", 24}, {"conv4", 22}},
                   [] { return classifier(seeded<FashionCnn>()); }});
  cases.push_back({"s4_ae", "S4.3", 100, 120000, false, {}, [] {
                     return autoencoder(seeded<FashionAutoencoder>());
                   }});
  cases.push_back({"s4_ae_classifier", "S4.4", 100, 120000, true, {}, [] {
                     return classifier(seeded<AutoencoderClassifier>());
                   }});
  return cases;
}

}  // namespace

const std::vector<ModelCase>& model_cases() {
  static const std::vector<ModelCase> cases = make_cases();
  return cases;
}

}  // namespace aerepro::bench
