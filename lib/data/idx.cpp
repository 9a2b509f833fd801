#include "data/idx.h"

#include "common/error.h"
#include "data/idx_format.h"

#include <cstring>
#include <vector>

namespace aerepro::data {
namespace {

// Copies the payload into a tensor that owns its memory (one contiguous allocation).
torch::Tensor payload_tensor(const std::vector<uint8_t>& bytes, size_t header,
                             std::vector<int64_t> shape) {
  auto out = torch::empty(shape, torch::kUInt8);
  std::memcpy(out.data_ptr<uint8_t>(), bytes.data() + header, static_cast<size_t>(out.numel()));
  return out;
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
                    std::to_string(shape[2]) + ", expected " + std::to_string(expected_rows) +
                    "x" + std::to_string(expected_cols));
  }
  auto images = payload_tensor(bytes, layout.header_bytes, {shape[0], 1, shape[1], shape[2]});
  return images.to(torch::kFloat32).div_(255.0f);
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
