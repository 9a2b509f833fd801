#include "test_files.h"

#include <boost/iostreams/copy.hpp>
#include <boost/iostreams/device/array.hpp>
#include <boost/iostreams/device/back_inserter.hpp>
#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filtering_stream.hpp>

#include <fstream>
#include <iterator>
#include <random>

namespace aerepro::testing {

TempDir::TempDir() {
  std::random_device device;
  path_ = std::filesystem::temp_directory_path() /
          ("aerepro-test-" + std::to_string(device()) + std::to_string(device()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_text(const std::filesystem::path& file, const std::string& text) {
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

namespace {
void put_u32(std::vector<uint8_t>& out, uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(value >> shift));
}
}  // namespace

std::vector<uint8_t> idx_images_bytes(uint32_t n, uint32_t rows, uint32_t cols, uint32_t magic) {
  std::vector<uint8_t> out;
  put_u32(out, magic);
  put_u32(out, n);
  put_u32(out, rows);
  put_u32(out, cols);
  for (uint64_t i = 0; i < uint64_t{n} * rows * cols; ++i)
    out.push_back(static_cast<uint8_t>(i % 256));
  return out;
}

std::vector<uint8_t> idx_labels_bytes(const std::vector<uint8_t>& labels, uint32_t magic) {
  std::vector<uint8_t> out;
  put_u32(out, magic);
  put_u32(out, static_cast<uint32_t>(labels.size()));
  out.insert(out.end(), labels.begin(), labels.end());
  return out;
}

std::vector<uint8_t> gzip(const std::vector<uint8_t>& bytes) {
  namespace io = boost::iostreams;
  std::vector<char> out;
  io::filtering_ostream zip;
  zip.push(io::gzip_compressor());
  zip.push(io::back_inserter(out));
  zip.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  zip.reset();
  return std::vector<uint8_t>(out.begin(), out.end());
}

void write_file(const std::filesystem::path& file, const std::vector<uint8_t>& bytes) {
  std::ofstream out(file, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

}  // namespace aerepro::testing
