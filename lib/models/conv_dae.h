// S0.3/S0.4 (and S1.1/S1.2): the convolutional denoising autoencoder of Homework 6.
#pragma once
#include "models/autoencoder.h"

#include <string>

namespace aerepro::models {

struct ConvDenoisingAutoencoderOptions {
  int64_t latent_dim = 4;  // S0.3: d = 4
  // The three BatchNorm2d layers of S0's code (after the encoder's second conv and the decoder's
  // first two transposed convs, 000:341, 000:393, 000:397; its other two are commented out,
  // 000:337, 000:345). false: the same model without them (000:51, 000:58 compare the two).
  bool batch_norm = true;
};

// The options as one line, e.g. "ConvDenoisingAutoencoder d=4": checkpoint keys and
// result rows describe a model by it. A setting appears only when it differs from the
// source's (" batch_norm=false"), so the source model's keys stay as they were.
std::string describe(const ConvDenoisingAutoencoderOptions& options);

// Encoder (S0.3): Conv(1→8,k3,s2,p1) ReLU · Conv(8→16,k3,s2,p1) BN(16) ReLU ·
// Conv(16→32,k3,s2,p0) ReLU · flatten 288 · Linear(288→128) ReLU · Linear(128→d).
// Decoder (S0.4): Linear(d→128) ReLU · Linear(128→288) ReLU · unflatten (32,3,3) ·
// ConvT(32→16,k3,s2) BN(16) ReLU · ConvT(16→8,k3,s2,p1,op1) BN(8) ReLU ·
// ConvT(8→1,k3,s2,p1,op1) · sigmoid.
// BatchNorm (S1.2): trainable γ, β; batch statistics in train(), running statistics in eval()
// (torch's default behaviour); without batch_norm the three BN layers are neither built nor
// applied (their members stay null). hidden = code (the model has no other sparsity target).
struct ConvDenoisingAutoencoderImpl : torch::nn::Module {
  explicit ConvDenoisingAutoencoderImpl(ConvDenoisingAutoencoderOptions options = {});

  AutoencoderOutput forward(const torch::Tensor& images);
  torch::Tensor encode(const torch::Tensor& images);  // (N,1,28,28) -> (N,d)
  torch::Tensor decode(const torch::Tensor& code);    // (N,d) -> (N,1,28,28) in (0,1)

  const ConvDenoisingAutoencoderOptions& options() const { return options_; }

  // Encoder
  torch::nn::Conv2d encoder_conv1{nullptr}, encoder_conv2{nullptr}, encoder_conv3{nullptr};
  torch::nn::BatchNorm2d encoder_norm2{nullptr};
  torch::nn::Linear encoder_fc1{nullptr}, encoder_fc2{nullptr};
  // Decoder
  torch::nn::Linear decoder_fc1{nullptr}, decoder_fc2{nullptr};
  torch::nn::ConvTranspose2d decoder_deconv1{nullptr}, decoder_deconv2{nullptr},
      decoder_deconv3{nullptr};
  torch::nn::BatchNorm2d decoder_norm1{nullptr}, decoder_norm2{nullptr};

 private:
  ConvDenoisingAutoencoderOptions options_;
};
TORCH_MODULE(ConvDenoisingAutoencoder);

}  // namespace aerepro::models
