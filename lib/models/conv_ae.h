// S2.9: the three convolutional autoencoders of Programming Assignment 3, one shared encoder.
#pragma once
#include "models/autoencoder.h"

#include <string>

namespace aerepro::models {

// S2.9's three decoders.
enum class ConvDecoder {
  unpool_conv,    // (a) max-unpooling with the encoder's indices + convolutions
  deconv,         // (b) transposed convolutions with stride 2
  unpool_deconv,  // (c) max-unpooling with the indices + stride-1 transposed convolutions
};
std::string to_string(ConvDecoder decoder);

struct ConvAutoencoderOptions {
  ConvDecoder decoder = ConvDecoder::unpool_conv;  // S2.9 (a)
};

// The options as one line, e.g. "ConvAutoencoder decoder=unpool_conv": checkpoint keys and
// result rows describe a model by it.
std::string describe(const ConvAutoencoderOptions& options);

// The indices of the encoder's three 2×2 max-poolings (28→14, 14→7, 7→3), which the unpooling
// decoders need.
struct PoolingIndices {
  torch::Tensor pool1;  // (N,8,14,14)
  torch::Tensor pool2;  // (N,16,7,7)
  torch::Tensor pool3;  // (N,16,3,3)
};

struct ConvEncoding {
  torch::Tensor code;  // (N,144): the encoder's (N,16,3,3) output flattened
  PoolingIndices indices;
};

// Encoder (S2.9, all three): Conv(1→8,k3,s1,p1) ReLU MaxPool2 · Conv(8→16,k3,p1) ReLU MaxPool2 ·
// Conv(16→16,k3,p1) ReLU MaxPool2 (28→14→7→3, floor; the pooling indices are kept).
// Decoders (S2.9):
//  (a) unpool_conv:   unpool(→7) · unpool(→14) · Conv(16→8,k3,p1) ReLU · unpool(→28) ·
//                     Conv(8→1,k3,p1) ReLU.
//  (b) deconv:        ConvT(16→16,k3,s2) ReLU [3→7] · ConvT(16→8,k4,s2,p1) ReLU [7→14] ·
//                     ConvT(8→1,k4,s2,p1) ReLU [14→28].
//  (c) unpool_deconv: unpool(→7) · ConvT(16→16) ReLU · unpool(→14) · ConvT(16→8) ReLU ·
//                     unpool(→28) · ConvT(8→1) ReLU, all k3 s1 p1 (S2.9, revised 2026-12-01:
//                     three ConvT layers).
// (a), as S2.9 describes it, has no layer mirroring the encoder's third conv: its first two
// unpoolings follow each other directly (an identity first layer).
// hidden = code.
struct ConvAutoencoderImpl : torch::nn::Module {
  explicit ConvAutoencoderImpl(ConvAutoencoderOptions options = {});

  AutoencoderOutput forward(const torch::Tensor& images);
  torch::Tensor encode(const torch::Tensor& images);  // (N,1,28,28) -> (N,144)
  ConvEncoding encode_with_indices(const torch::Tensor& images);
  // decode(code) alone works for the deconv decoder only; the unpooling decoders need the
  // indices and throw std::logic_error (use forward() or decode_with_indices()).
  torch::Tensor decode(const torch::Tensor& code);
  torch::Tensor decode_with_indices(const torch::Tensor& code, const PoolingIndices& indices);

  const ConvAutoencoderOptions& options() const { return options_; }

  torch::nn::Conv2d encoder_conv1{nullptr}, encoder_conv2{nullptr}, encoder_conv3{nullptr};
  // (a) and (c): Conv2d for (a), ConvTranspose2d for (c); the other pair stays empty.
  torch::nn::Conv2d decoder_conv1{nullptr}, decoder_conv2{nullptr};
  // (b) and (c) use decoder_deconv1..3 ((c): 16→16, 16→8, 8→1, all k3 s1 p1).
  torch::nn::ConvTranspose2d decoder_deconv1{nullptr}, decoder_deconv2{nullptr},
      decoder_deconv3{nullptr};

 private:
  ConvAutoencoderOptions options_;
};
TORCH_MODULE(ConvAutoencoder);

}  // namespace aerepro::models
