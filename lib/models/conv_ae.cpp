#include "models/conv_ae.h"

#include "models/image_shape.h"

#include <fmt/format.h>

#include <stdexcept>
#include <tuple>

namespace aerepro::models {

std::string describe(const ConvAutoencoderOptions& o) {
  return "ConvAutoencoder decoder=" + to_string(o.decoder);
}

namespace nn = torch::nn;

namespace {
constexpr int64_t kUnpoolCodeChannels = 16;
constexpr int64_t kUnpoolCodeSide = 3;  // 28 -> 14 -> 7 -> 3
constexpr int64_t kCodeWidth = kUnpoolCodeChannels * kUnpoolCodeSide * kUnpoolCodeSide;  // 144

// 2x2 max-pooling, stride 2, floor; returns (output, indices).
std::tuple<torch::Tensor, torch::Tensor> max_pool2(const torch::Tensor& x) {
  return torch::max_pool2d_with_indices(x, /*kernel_size=*/{2, 2}, /*stride=*/{2, 2});
}

torch::Tensor unpool(const torch::Tensor& x, const torch::Tensor& indices, int64_t side) {
  return torch::max_unpool2d(x, indices, {side, side});
}
}  // namespace

std::string to_string(ConvDecoder decoder) {
  switch (decoder) {
    case ConvDecoder::unpool_conv:
      return "unpool_conv";
    case ConvDecoder::deconv:
      return "deconv";
    case ConvDecoder::unpool_deconv:
      return "unpool_deconv";
  }
  throw std::logic_error("to_string: unknown ConvDecoder value");
}

ConvAutoencoderImpl::ConvAutoencoderImpl(ConvAutoencoderOptions options) : options_(options) {
  encoder_conv1 =
      register_module("encoder_conv1", nn::Conv2d(nn::Conv2dOptions(1, 8, 3).stride(1).padding(1)));
  encoder_conv2 = register_module("encoder_conv2",
                                  nn::Conv2d(nn::Conv2dOptions(8, 16, 3).stride(1).padding(1)));
  encoder_conv3 = register_module("encoder_conv3",
                                  nn::Conv2d(nn::Conv2dOptions(16, 16, 3).stride(1).padding(1)));
  switch (options_.decoder) {
    case ConvDecoder::unpool_conv:  // S2.9 (a)
      decoder_conv1 =
          register_module("decoder_conv1", nn::Conv2d(nn::Conv2dOptions(16, 8, 3).padding(1)));
      decoder_conv2 =
          register_module("decoder_conv2", nn::Conv2d(nn::Conv2dOptions(8, 1, 3).padding(1)));
      break;
    case ConvDecoder::deconv:  // S2.9 (b)
      decoder_deconv1 = register_module(
          "decoder_deconv1", nn::ConvTranspose2d(nn::ConvTranspose2dOptions(16, 16, 3).stride(2)));
      decoder_deconv2 = register_module(
          "decoder_deconv2",
          nn::ConvTranspose2d(nn::ConvTranspose2dOptions(16, 8, 4).stride(2).padding(1)));
      decoder_deconv3 = register_module(
          "decoder_deconv3",
          nn::ConvTranspose2d(nn::ConvTranspose2dOptions(8, 1, 4).stride(2).padding(1)));
      break;
    case ConvDecoder::unpool_deconv:  // S2.9 (c): three stride-1 transposed convolutions
      decoder_deconv1 = register_module(
          "decoder_deconv1",
          nn::ConvTranspose2d(nn::ConvTranspose2dOptions(16, 16, 3).stride(1).padding(1)));
      decoder_deconv2 = register_module(
          "decoder_deconv2",
          nn::ConvTranspose2d(nn::ConvTranspose2dOptions(16, 8, 3).stride(1).padding(1)));
      decoder_deconv3 = register_module(
          "decoder_deconv3",
          nn::ConvTranspose2d(nn::ConvTranspose2dOptions(8, 1, 3).stride(1).padding(1)));
      break;
  }
}

ConvEncoding ConvAutoencoderImpl::encode_with_indices(const torch::Tensor& images) {
  detail::check_images(images, "ConvAutoencoder");
  ConvEncoding encoding;
  torch::Tensor x;
  std::tie(x, encoding.indices.pool1) =
      max_pool2(torch::relu(encoder_conv1(images)));                               // (N,8,14,14)
  std::tie(x, encoding.indices.pool2) = max_pool2(torch::relu(encoder_conv2(x)));  // (N,16,7,7)
  std::tie(x, encoding.indices.pool3) = max_pool2(torch::relu(encoder_conv3(x)));  // (N,16,3,3)
  encoding.code = x.flatten(1);
  return encoding;
}

torch::Tensor ConvAutoencoderImpl::encode(const torch::Tensor& images) {
  return encode_with_indices(images).code;
}

torch::Tensor ConvAutoencoderImpl::decode(const torch::Tensor& code) {
  if (options_.decoder != ConvDecoder::deconv) {
    throw std::logic_error("ConvAutoencoder(" + to_string(options_.decoder) +
                           "): decode(code) needs the encoder's pooling indices; use forward() "
                           "or decode_with_indices()");
  }
  return decode_with_indices(code, PoolingIndices{});
}

torch::Tensor ConvAutoencoderImpl::decode_with_indices(const torch::Tensor& code,
                                                       const PoolingIndices& indices) {
  auto x = detail::flatten_samples(code, kCodeWidth, "ConvAutoencoder")
               .reshape({code.size(0), kUnpoolCodeChannels, kUnpoolCodeSide, kUnpoolCodeSide});
  switch (options_.decoder) {
    case ConvDecoder::deconv:
      x = torch::relu(decoder_deconv1(x));     // (N,16,7,7)
      x = torch::relu(decoder_deconv2(x));     // (N,8,14,14)
      return torch::relu(decoder_deconv3(x));  // (N,1,28,28)
    case ConvDecoder::unpool_conv:
    case ConvDecoder::unpool_deconv: {
      if (!indices.pool1.defined() || !indices.pool2.defined() || !indices.pool3.defined()) {
        throw std::logic_error("ConvAutoencoder(" + to_string(options_.decoder) +
                               "): the unpooling decoder needs all three pooling indices");
      }
      x = unpool(x, indices.pool3, 7);                       // (N,16,7,7)
      if (options_.decoder == ConvDecoder::unpool_deconv) {  // S2.9 (c)
        x = torch::relu(decoder_deconv1(x));                 // (N,16,7,7)
        x = unpool(x, indices.pool2, 14);                    // (N,16,14,14)
        x = torch::relu(decoder_deconv2(x));                 // (N,8,14,14)
        x = unpool(x, indices.pool1, 28);                    // (N,8,28,28)
        return torch::relu(decoder_deconv3(x));              // (N,1,28,28)
      }
      x = unpool(x, indices.pool2, 14);      // (N,16,14,14)   S2.9 (a)
      x = torch::relu(decoder_conv1(x));     // (N,8,14,14)
      x = unpool(x, indices.pool1, 28);      // (N,8,28,28)
      return torch::relu(decoder_conv2(x));  // (N,1,28,28)
    }
  }
  throw std::logic_error("ConvAutoencoder: unknown decoder");
}

AutoencoderOutput ConvAutoencoderImpl::forward(const torch::Tensor& images) {
  auto encoding = encode_with_indices(images);
  auto reconstruction = decode_with_indices(encoding.code, encoding.indices);
  return {reconstruction, encoding.code, encoding.code};
}

}  // namespace aerepro::models
