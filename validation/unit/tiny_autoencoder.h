// Shared by the tests that train (train_test, hostile_checkpoint_test, divergence_test): a tiny
// linear autoencoder on 8-d data, quick to train, and small seeded data for it.
#pragma once
#include "common/compat.h"
#include "train/trainer.h"

#include <torch/torch.h>

#include <cstdint>

namespace aerepro::testing {

// 8 → hidden → 8, linear; the code is also the hidden layer.
struct TinyAutoencoderImpl : torch::nn::Module {
  explicit TinyAutoencoderImpl(int64_t hidden = 3)
      : encoder(register_module("encoder", torch::nn::Linear(8, hidden))),
        decoder(register_module("decoder", torch::nn::Linear(hidden, 8))) {}
  struct Output {
    torch::Tensor reconstruction, code, hidden;
  };
  Output forward(const torch::Tensor& x) {
    auto code = encoder(x);
    return {decoder(code), code, code};
  }
  torch::nn::Linear encoder, decoder;
};
TORCH_MODULE(TinyAutoencoder);

// n points of 8-d data on a random 3-d subspace, drawn from a generator seeded with `seed`
// (no targets: the inputs are their own).
inline train::TrainData low_rank_data(int64_t n, uint64_t seed) {
  auto gen = compat::make_generator(torch::kCPU, seed);
  auto latent = torch::randn({n, 3}, gen);
  auto mixing = torch::randn({3, 8}, gen);
  return {latent.matmul(mixing), {}};
}

}  // namespace aerepro::testing
