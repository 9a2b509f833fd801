#include "models/fashion_cnn.h"

#include "models/he_init.h"
#include "models/image_shape.h"

#include <fmt/format.h>

namespace aerepro::models {

std::string describe(const FashionCnnOptions& o) {
  std::string out = "FashionCnn";
  if (o.num_classes != 10) out += fmt::format(" outputs={}", o.num_classes);
  if (o.pool_kernel != 2 || o.pool_padding != 0)
    out += fmt::format(" pool=k{}p{}", o.pool_kernel, o.pool_padding);
  return out;
}

namespace nn = torch::nn;

namespace {
constexpr int64_t kPooledWidth = 64 * 10 * 10;  // 6400
nn::Conv2d conv5(int64_t in, int64_t out) {
  return nn::Conv2d(nn::Conv2dOptions(in, out, 5).stride(1).padding(1));  // each: side - 2
}
}  // namespace

FashionCnnImpl::FashionCnnImpl(FashionCnnOptions options) : options_(options) {
  // The pooled side from 20 (stride 2) must be the 10 of the 6400-wide flatten.
  const auto k = options_.pool_kernel, p = options_.pool_padding;
  if (k < 1 || p < 0 || 2 * p > k || (20 + 2 * p - k) / 2 + 1 != 10) {
    throw std::invalid_argument(fmt::format(
        "FashionCnn: MaxPool kernel {} padding {} does not pool 20x20 to the 10x10 of S4.2", k, p));
  }
  conv1 = register_module("conv1", conv5(1, 10));
  conv2 = register_module("conv2", conv5(10, 20));
  conv3 = register_module("conv3", conv5(20, 40));
  conv4 = register_module("conv4", conv5(40, 64));
  fc1 = register_module("fc1", nn::Linear(kPooledWidth, 256));
  fc2 = register_module("fc2", nn::Linear(256, options_.num_classes));
  he_initialize(*this);
}

torch::Tensor FashionCnnImpl::forward(const torch::Tensor& images) {
  detail::check_images(images, "FashionCnn");
  auto x = torch::relu(conv1(images));  // (N,10,26,26)
  x = torch::relu(conv2(x));            // (N,20,24,24)
  x = torch::relu(conv3(x));            // (N,40,22,22)
  x = torch::relu(conv4(x));            // (N,64,20,20)
  x = torch::max_pool2d(x, options_.pool_kernel, /*stride=*/2, options_.pool_padding);  // 10x10
  x = torch::relu(fc1(x.flatten(1)));
  return fc2(x);
}

}  // namespace aerepro::models
