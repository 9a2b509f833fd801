#include "models/fashion_cnn.h"

#include "models/he_init.h"
#include "models/image_shape.h"

#include <fmt/format.h>

namespace aerepro::models {

std::string describe(const FashionCnnOptions& o) {
  return o.num_classes == 10 ? std::string("FashionCnn")
                             : fmt::format("FashionCnn outputs={}", o.num_classes);
}

namespace nn = torch::nn;

namespace {
constexpr int64_t kPooledWidth = 64 * 10 * 10;  // 6400
nn::Conv2d conv5(int64_t in, int64_t out) {
  return nn::Conv2d(nn::Conv2dOptions(in, out, 5).stride(1).padding(1));  // each: side - 2
}
}  // namespace

FashionCnnImpl::FashionCnnImpl(FashionCnnOptions options) : options_(options) {
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
  auto x = torch::relu(conv1(images));                                  // (N,10,26,26)
  x = torch::relu(conv2(x));                                            // (N,20,24,24)
  x = torch::relu(conv3(x));                                            // (N,40,22,22)
  x = torch::relu(conv4(x));                                            // (N,64,20,20)
  x = torch::max_pool2d(x, /*kernel_size=*/{2, 2}, /*stride=*/{2, 2});  // (N,64,10,10)
  x = torch::relu(fc1(x.flatten(1)));
  return fc2(x);
}

}  // namespace aerepro::models
