// libFuzzer target: the IDX checks that every dataset file passes before it becomes a tensor
// (gzip detection and unpacking, header, payload size, label range), for images and labels.
// Only aerepro::Error may come out; anything else is a finding.
#include "common/error.h"
#include "data/idx_format.h"

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace aerepro::data;
  try {
    const auto bytes = gunzip_if_compressed("fuzz-input", std::vector<uint8_t>(data, data + size));
    try {
      const auto images = parse_idx_header("fuzz-input", bytes, 0x00000803, 3, "image");
      // what read_idx_images then copies: exactly the payload, nothing beyond the buffer
      size_t payload = 1;
      for (const auto extent : images.shape) payload *= static_cast<size_t>(extent);
      if (images.header_bytes + payload != bytes.size()) __builtin_trap();
    } catch (const aerepro::Error&) {
    }
    const auto labels = parse_idx_header("fuzz-input", bytes, 0x00000801, 1, "label");
    first_label_out_of_range(bytes, labels, 10);
  } catch (const aerepro::Error&) {
  }
  return 0;
}
