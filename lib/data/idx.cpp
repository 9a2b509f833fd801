#include "data/idx.h"

#include "common/error.h"
#include "data/idx_format.h"

#include <cstring>
#include <vector>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace aerepro::data {
namespace {

// Copies the payload into a tensor that owns its memory (one contiguous allocation).
torch::Tensor payload_tensor(const std::vector<uint8_t>& bytes, size_t header,
                             std::vector<int64_t> shape) {
  auto out = torch::empty(shape, torch::kUInt8);
  std::memcpy(out.data_ptr<uint8_t>(), bytes.data() + header, static_cast<size_t>(out.numel()));
  return out;
}

// An uninitialised float tensor for a whole dataset. On Linux it is mapped with transparent huge
// pages requested (madvise): first touching 188 MB of fresh 4 KiB pages costs ~47,000 page faults,
// which on the project's VMs made them most of the load time (perf: 23 % of it in the kernel's
// fault path). Elsewhere, or if the mapping fails, an ordinary tensor.
torch::Tensor empty_dataset_floats(const std::vector<int64_t>& shape) {
#ifdef __linux__
  int64_t count = 1;
  for (const auto extent : shape) count *= extent;
  const size_t bytes = static_cast<size_t>(count) * sizeof(float);
  constexpr size_t huge_page = size_t{2} << 20;
  if (bytes >= huge_page) {
    void* memory = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory != MAP_FAILED) {
      madvise(memory, bytes, MADV_HUGEPAGE);  // advice only: ignored where THP is off
      return torch::from_blob(
          memory, shape, [bytes](void* p) { munmap(p, bytes); }, torch::kFloat32);
    }
  }
#endif
  return torch::empty(shape, torch::kFloat32);
}

}  // namespace

torch::Tensor read_idx_images(const std::filesystem::path& file, int64_t expected_rows,
                              int64_t expected_cols) {
  const auto bytes = read_idx_file(file);
  const auto layout = parse_idx_header(file.string(), bytes, 0x00000803, 3, "image");
  const auto& shape = layout.shape;
  if ((expected_rows > 0 && shape[1] != expected_rows) ||
      (expected_cols > 0 && shape[2] != expected_cols)) {
    throw DataError(file.string() + ": images are " + std::to_string(shape[1]) + "x" +
                    std::to_string(shape[2]) + ", expected " + std::to_string(expected_rows) + "x" +
                    std::to_string(expected_cols));
  }
  // Pixels / 255 straight from the file's bytes into the dataset tensor: one pass, no uint8 copy.
  auto images = empty_dataset_floats({shape[0], 1, shape[1], shape[2]});
  const uint8_t* pixels = bytes.data() + layout.header_bytes;
  float* out = images.data_ptr<float>();
  at::parallel_for(0, images.numel(), 1 << 16, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) out[i] = static_cast<float>(pixels[i]) / 255.0f;
  });
  return images;
}

torch::Tensor read_idx_labels(const std::filesystem::path& file, int64_t num_classes) {
  const auto bytes = read_idx_file(file);
  const auto layout = parse_idx_header(file.string(), bytes, 0x00000801, 1, "label");
  if (const auto index = first_label_out_of_range(bytes, layout, num_classes); index >= 0) {
    throw DataError(file.string() + ": label " +
                    std::to_string(bytes[layout.header_bytes + static_cast<size_t>(index)]) +
                    " at index " + std::to_string(index) + " is out of range [0, " +
                    std::to_string(num_classes) + ")");
  }
  return payload_tensor(bytes, layout.header_bytes, {layout.shape[0]}).to(torch::kInt64);
}

}  // namespace aerepro::data
