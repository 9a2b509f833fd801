#include "data/idx.h"

#include "common/error.h"

#include <boost/iostreams/copy.hpp>
#include <boost/iostreams/device/array.hpp>
#include <boost/iostreams/device/back_inserter.hpp>
#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filtering_stream.hpp>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace aerepro::data {
namespace {

namespace io = boost::iostreams;

std::vector<uint8_t> read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw DataError(file.string() + ": cannot open (missing or unreadable); run ./datasets/fetch "
                    "or set AEREPRO_DATA_DIR");
  }
  std::vector<uint8_t> raw(std::filesystem::file_size(file));
  if (!in.read(reinterpret_cast<char*>(raw.data()), static_cast<std::streamsize>(raw.size()))) {
    throw DataError(file.string() + ": read error");
  }
  const bool gzip = raw.size() >= 2 && raw[0] == 0x1f && raw[1] == 0x8b;
  if (!gzip) return raw;
  std::vector<char> out;
  try {
    io::filtering_istream unzip;
    unzip.push(io::gzip_decompressor());
    unzip.push(io::array_source(reinterpret_cast<const char*>(raw.data()), raw.size()));
    io::copy(unzip, io::back_inserter(out));
  } catch (const std::exception& e) {
    throw DataError(file.string() + ": corrupt gzip stream (" + e.what() + ")");
  }
  return std::vector<uint8_t>(out.begin(), out.end());
}

uint32_t big_endian_u32(const std::vector<uint8_t>& bytes, size_t offset) {
  return (uint32_t{bytes[offset]} << 24) | (uint32_t{bytes[offset + 1]} << 16) |
         (uint32_t{bytes[offset + 2]} << 8) | uint32_t{bytes[offset + 3]};
}

std::string hex(uint32_t value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "0x%08x", value);
  return buffer;
}

// Checks the header (magic, dimension count) and the payload size; returns the dimensions.
std::vector<int64_t> parse_header(const std::filesystem::path& file,
                                  const std::vector<uint8_t>& bytes, uint32_t magic,
                                  size_t dims, const char* kind) {
  const size_t header = 4 * (1 + dims);
  if (bytes.size() < 4) {
    throw DataError(file.string() + ": truncated: " + std::to_string(bytes.size()) +
                    " bytes, no IDX header");
  }
  const uint32_t found = big_endian_u32(bytes, 0);
  if (found != magic) {
    throw DataError(file.string() + ": wrong magic number " + hex(found) + " (expected " +
                    hex(magic) + ", an IDX " + kind + " file)");
  }
  if (bytes.size() < header) {
    throw DataError(file.string() + ": truncated: " + std::to_string(bytes.size()) +
                    " bytes, shorter than the " + std::to_string(header) + "-byte IDX header");
  }
  std::vector<int64_t> shape;
  uint64_t payload = 1;
  for (size_t d = 0; d < dims; ++d) {
    shape.push_back(big_endian_u32(bytes, 4 * (1 + d)));
    payload *= static_cast<uint64_t>(shape.back());
  }
  const uint64_t available = bytes.size() - header;
  if (available < payload) {
    throw DataError(file.string() + ": truncated: header announces " + std::to_string(payload) +
                    " data bytes, file holds " + std::to_string(available));
  }
  if (available > payload) {
    throw DataError(file.string() + ": " + std::to_string(available - payload) +
                    " unexpected bytes after the announced data");
  }
  return shape;
}

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
  const auto bytes = read_bytes(file);
  const auto shape = parse_header(file, bytes, 0x00000803, 3, "image");
  if ((expected_rows > 0 && shape[1] != expected_rows) ||
      (expected_cols > 0 && shape[2] != expected_cols)) {
    throw DataError(file.string() + ": images are " + std::to_string(shape[1]) + "x" +
                    std::to_string(shape[2]) + ", expected " + std::to_string(expected_rows) +
                    "x" + std::to_string(expected_cols));
  }
  auto images = payload_tensor(bytes, 16, {shape[0], 1, shape[1], shape[2]});
  return images.to(torch::kFloat32).div_(255.0f);
}

torch::Tensor read_idx_labels(const std::filesystem::path& file, int64_t num_classes) {
  const auto bytes = read_bytes(file);
  const auto shape = parse_header(file, bytes, 0x00000801, 1, "label");
  auto labels = payload_tensor(bytes, 8, {shape[0]}).to(torch::kInt64);
  if (labels.numel() > 0) {
    const auto bad = (labels >= num_classes).nonzero();
    if (bad.numel() > 0) {
      const auto index = bad[0][0].item<int64_t>();
      throw DataError(file.string() + ": label " + std::to_string(labels[index].item<int64_t>()) +
                      " at index " + std::to_string(index) + " is out of range [0, " +
                      std::to_string(num_classes) + ")");
    }
  }
  return labels;
}

}  // namespace aerepro::data
