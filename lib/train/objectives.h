// The losses of the sources, as trainer objectives over a model (a ModuleHolder, shared by copy).
#pragma once
#include "train/trainer.h"

#include <torch/torch.h>

namespace aerepro::train {

// MSE(reconstruction of the (corrupted) input, clean target): S0.5, S2, S3, S4.3.
template <typename Autoencoder>
Objective reconstruction_objective(Autoencoder model) {
  return [model](const torch::Tensor& input, const torch::Tensor& target) mutable {
    return torch::mse_loss(model->forward(input).reconstruction, target);
  };
}

// S2.6: MSE + lambda * ||h||_1, the L1 norm of the hidden activations summed over the batch
// and the units (as the source's code does), on top of the mean-squared reconstruction error.
template <typename Autoencoder>
Objective sparse_reconstruction_objective(Autoencoder model, double lambda) {
  return [model, lambda](const torch::Tensor& input, const torch::Tensor& target) mutable {
    const auto out = model->forward(input);
    return torch::mse_loss(out.reconstruction, target) + lambda * out.hidden.abs().sum();
  };
}

// Cross-entropy of the logits against integer labels: S4.2, S4.4.
template <typename Classifier>
Objective classification_objective(Classifier model) {
  return [model](const torch::Tensor& input, const torch::Tensor& labels) mutable {
    return torch::nn::functional::cross_entropy(model->forward(input), labels);
  };
}

}  // namespace aerepro::train
