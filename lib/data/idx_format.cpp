#include "data/idx_format.h"

#include "common/error.h"

#include <boost/iostreams/device/array.hpp>
#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filtering_stream.hpp>

#include <cstdio>
#include <fstream>

namespace aerepro::data {
namespace {

namespace io = boost::iostreams;

uint32_t big_endian_u32(const std::vector<uint8_t>& bytes, size_t offset) {
  return (uint32_t{bytes[offset]} << 24) | (uint32_t{bytes[offset + 1]} << 16) |
         (uint32_t{bytes[offset + 2]} << 8) | uint32_t{bytes[offset + 3]};
}

std::string hex(uint32_t value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "0x%08x", value);
  return buffer;
}

}  // namespace

std::vector<uint8_t> gunzip_if_compressed(const std::string& name, std::vector<uint8_t> raw) {
  const bool gzip = raw.size() >= 2 && raw[0] == 0x1f && raw[1] == 0x8b;
  if (!gzip) return raw;
  std::vector<uint8_t> out;
  try {
    io::filtering_istream unzip;
    unzip.push(io::gzip_decompressor());
    unzip.push(io::array_source(reinterpret_cast<const char*>(raw.data()), raw.size()));
    char buffer[1 << 16];
    while (unzip.read(buffer, sizeof buffer) || unzip.gcount() > 0) {
      out.insert(out.end(), buffer, buffer + unzip.gcount());
      if (out.size() > kMaxIdxBytes) {
        throw DataError(name + ": gzip stream unpacks to more than " +
                        std::to_string(kMaxIdxBytes) + " bytes (not an IDX file)");
      }
    }
    if (unzip.bad()) throw std::ios_base::failure("read error");
  } catch (const DataError&) {
    throw;
  } catch (const std::exception& e) {
    throw DataError(name + ": corrupt gzip stream (" + e.what() + ")");
  }
  return out;
}

std::vector<uint8_t> read_idx_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  if (!in || error) {
    throw DataError(file.string() +
                    ": cannot open (missing or unreadable); run ./datasets/fetch "
                    "or set AEREPRO_DATA_DIR");
  }
  if (size > kMaxIdxBytes) {
    throw DataError(file.string() + ": " + std::to_string(size) +
                    " bytes, too large for an IDX file");
  }
  std::vector<uint8_t> raw(size);
  if (!in.read(reinterpret_cast<char*>(raw.data()), static_cast<std::streamsize>(raw.size()))) {
    throw DataError(file.string() + ": read error");
  }
  return gunzip_if_compressed(file.string(), std::move(raw));
}

IdxLayout parse_idx_header(const std::string& name, const std::vector<uint8_t>& bytes,
                           uint32_t magic, size_t dims, const char* kind) {
  IdxLayout layout;
  layout.header_bytes = 4 * (1 + dims);
  if (bytes.size() < 4) {
    throw DataError(name + ": truncated: " + std::to_string(bytes.size()) +
                    " bytes, no IDX header");
  }
  const uint32_t found = big_endian_u32(bytes, 0);
  if (found != magic) {
    throw DataError(name + ": wrong magic number " + hex(found) + " (expected " + hex(magic) +
                    ", an IDX " + kind + " file)");
  }
  if (bytes.size() < layout.header_bytes) {
    throw DataError(name + ": truncated: " + std::to_string(bytes.size()) +
                    " bytes, shorter than the " + std::to_string(layout.header_bytes) +
                    "-byte IDX header");
  }
  const uint64_t available = bytes.size() - layout.header_bytes;
  uint64_t payload = 1;
  bool too_large = false;  // the announced size does not even fit in 64 bits
  bool empty = false;      // a zero extent: no data, whatever the others say
  for (size_t d = 0; d < dims; ++d) {
    const uint32_t extent = big_endian_u32(bytes, 4 * (1 + d));
    layout.shape.push_back(extent);
    if (extent == 0) empty = true;
    if (!too_large && __builtin_mul_overflow(payload, uint64_t{extent}, &payload)) {
      too_large = true;
    }
  }
  if (empty) {
    too_large = false;
    payload = 0;
  }
  if (too_large || available < payload) {
    std::string announced;
    for (size_t d = 0; d < dims; ++d) {
      announced += (d ? "x" : "") + std::to_string(layout.shape[d]);
    }
    throw DataError(name + ": truncated: header announces " +
                    (too_large ? announced : std::to_string(payload)) + " data bytes, file holds " +
                    std::to_string(available));
  }
  if (available > payload) {
    throw DataError(name + ": " + std::to_string(available - payload) +
                    " unexpected bytes after the announced data");
  }
  return layout;
}

int64_t first_label_out_of_range(const std::vector<uint8_t>& bytes, const IdxLayout& layout,
                                 int64_t num_classes) {
  for (size_t i = layout.header_bytes; i < bytes.size(); ++i) {
    if (bytes[i] >= num_classes) return static_cast<int64_t>(i - layout.header_bytes);
  }
  return -1;
}

}  // namespace aerepro::data
