// S4.2: the CNN classifier of the minor exam (claim 4).
#pragma once
#include <torch/torch.h>

#include <string>

namespace aerepro::models {

struct FashionCnnOptions {
  int64_t num_classes = 10;  // S4.1: 10-wide output, labels kept as 1,3,5,7,9
  // S4.2's one MaxPool, stride 2. 004:100 gives "stride = 2, padding = 2" and no kernel; the
  // 64x10x10 flatten of 004:104 holds for kernel 2 without padding and for kernel 5 or 6 with
  // padding 2 (the readings, claims/s4/readings.h). Anything else is rejected.
  int64_t pool_kernel = 2;
  int64_t pool_padding = 0;
};

// The options as one line, e.g. "FashionCnn" (" outputs=N" where not 10, " pool=k5p2" where the
// pooling is not kernel 2 without padding): checkpoint keys and
// result rows describe a model by it.
std::string describe(const FashionCnnOptions& options);

// S4.2: Conv(1→10,k5,p1) ReLU · Conv(10→20,k5,p1) ReLU · Conv(20→40,k5,p1) ReLU ·
// Conv(40→64,k5,p1) ReLU (28→26→24→22→20) · MaxPool stride 2 (→10; kernel 2 unpadded by
// default, or kernel 5/6 with padding 2) · flatten 6400 · Linear(6400→256) ReLU ·
// Linear(256→10).
// He init (kaiming_normal_, fan_in, relu) on every weight, zero biases.
struct FashionCnnImpl : torch::nn::Module {
  explicit FashionCnnImpl(FashionCnnOptions options = {});

  torch::Tensor forward(const torch::Tensor& images);  // (N,1,28,28) -> logits (N,10)

  const FashionCnnOptions& options() const { return options_; }

  torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, conv3{nullptr}, conv4{nullptr};
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};

 private:
  FashionCnnOptions options_;
};
TORCH_MODULE(FashionCnn);

}  // namespace aerepro::models
