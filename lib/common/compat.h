// The one place where LibTorch 1.13 (Debian) and 2.x (CUDA builds) differ for this project.
#pragma once
#include <torch/torch.h>

#include <string>

namespace aerepro::compat {

// LibTorch's version as "major.minor.patch".
inline std::string torch_version() {
  return std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "." +
         std::to_string(TORCH_VERSION_PATCH);
}

// A private random generator for `device`, seeded with `seed`, independent of the global one.
// Cloning the device's default generator works for CPU and CUDA without CUDA headers.
inline at::Generator make_generator(const torch::Device& device, uint64_t seed) {
  at::Generator gen = device.is_cuda()
                          ? at::globalContext().defaultGenerator(device).clone()
                          : at::Generator(at::make_generator<at::CPUGeneratorImpl>(seed));
  {
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_current_seed(seed);
  }
  return gen;
}

}  // namespace aerepro::compat
