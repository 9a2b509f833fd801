// S4.2: the CNN classifier of the minor exam (claim 4).
#pragma once
#include <torch/torch.h>

#include <string>

namespace aerepro::models {

struct FashionCnnOptions {
  int64_t num_classes = 10;  // S4.1: 10-wide output, labels kept as 1,3,5,7,9
};

// The options as one line, e.g. "FashionCnn" (" outputs=N" where not 10): checkpoint keys and
// result rows describe a model by it.
std::string describe(const FashionCnnOptions& options);

// S4.2: Conv(1→10,k5,p1) ReLU · Conv(10→20,k5,p1) ReLU · Conv(20→40,k5,p1) ReLU ·
// Conv(40→64,k5,p1) ReLU (28→26→24→22→20) · MaxPool 2×2 (→10) · flatten 6400 ·
// Linear(6400→256) ReLU · Linear(256→10). The text says the pooling has padding 2, but its
// 64·10·10 flatten needs none: the slip; we follow the faithful reading (no padding).
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
