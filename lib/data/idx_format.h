// The IDX format (MNIST) checked without LibTorch: file bytes (gzip detected by content), the
// header and the payload size. lib/data/idx.h turns the checked bytes into tensors; the fuzz
// targets (fuzz/) call these functions directly.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace aerepro::data {

// The largest decompressed IDX file accepted (a gzip bomb stops here with a DataError).
constexpr size_t kMaxIdxBytes = size_t{1} << 30;

// The file's bytes, gunzipped when they start with the gzip magic. DataError naming the file if
// it is missing, unreadable, a corrupt gzip stream or larger than kMaxIdxBytes once unpacked.
std::vector<uint8_t> read_idx_file(const std::filesystem::path& file);

// `raw` gunzipped when it starts with the gzip magic, else unchanged (`name` for errors).
std::vector<uint8_t> gunzip_if_compressed(const std::string& name, std::vector<uint8_t> raw);

struct IdxLayout {
  std::vector<int64_t> shape;  // one entry per dimension, from the header
  size_t header_bytes = 0;     // where the payload starts
};

// Checks magic, header length and that the payload is exactly the announced size (with
// overflow-checked arithmetic); DataError naming `name` and the problem otherwise.
IdxLayout parse_idx_header(const std::string& name, const std::vector<uint8_t>& bytes,
                           uint32_t magic, size_t dims, const char* kind);

// The index of the first label >= num_classes in a checked IDX1 payload, or -1.
int64_t first_label_out_of_range(const std::vector<uint8_t>& bytes, const IdxLayout& layout,
                                 int64_t num_classes);

}  // namespace aerepro::data
