#include "data/checksum.h"

#include "common/error.h"

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <memory>
#include <regex>

namespace aerepro::data {
namespace {

struct DigestContext {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx{EVP_MD_CTX_new(), &EVP_MD_CTX_free};
  DigestContext() {
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) {
      throw Error("OpenSSL: cannot initialise SHA-256");
    }
  }
  void update(const void* data, size_t size) { EVP_DigestUpdate(ctx.get(), data, size); }
  std::string hex() {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_DigestFinal_ex(ctx.get(), digest.data(), &size);
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
      out += digits[digest[i] >> 4];
      out += digits[digest[i] & 15];
    }
    return out;
  }
};

}  // namespace

std::string sha256_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw DataError(file.string() + ": cannot open for reading");
  DigestContext digest;
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    digest.update(buffer.data(), static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) throw DataError(file.string() + ": read error");
  return digest.hex();
}

std::string sha256_string(const std::string& text) {
  DigestContext digest;
  digest.update(text.data(), text.size());
  return digest.hex();
}

std::string sha256_tensor(const torch::Tensor& tensor) {
  const auto host = tensor.to(torch::kCPU).contiguous();
  DigestContext digest;
  const std::string header =
      std::string(c10::toString(host.scalar_type())) + " " + c10::str(host.sizes());
  digest.update(header.data(), header.size());
  digest.update(host.data_ptr(), host.nbytes());
  return digest.hex();
}

std::map<std::string, std::string> read_checksum_list(const std::filesystem::path& list) {
  std::ifstream in(list);
  if (!in) throw DataError(list.string() + ": checksum list not found or unreadable");
  static const std::regex line_pattern(R"(([0-9a-f]{64}) [ *](\S.*))");
  std::map<std::string, std::string> sums;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::smatch match;
    if (!std::regex_match(line, match, line_pattern)) {
      throw DataError(list.string() + ":" + std::to_string(number) +
                      ": not a sha256sum line ('<64 hex digits>  <path>')");
    }
    sums[match[2]] = match[1];
  }
  return sums;
}

std::string verify_checksum(const std::filesystem::path& root, const std::string& relative,
                            const std::filesystem::path& list) {
  const auto sums = read_checksum_list(list);
  const auto expected = sums.find(relative);
  if (expected == sums.end()) {
    throw DataError(list.string() + ": has no checksum for '" + relative + "'");
  }
  const auto file = root / relative;
  if (!std::filesystem::exists(file)) {
    throw DataError(file.string() +
                    ": missing; run ./datasets/fetch (or set AEREPRO_DATA_DIR "
                    "to the folder that holds mnist/ and fashion-mnist/)");
  }
  const auto actual = sha256_file(file);
  if (actual != expected->second) {
    throw DataError(file.string() + ": SHA-256 mismatch (expected " + expected->second + ", got " +
                    actual +
                    "); the file is corrupt or not the original, "
                    "delete it and run ./datasets/fetch");
  }
  return actual;
}

}  // namespace aerepro::data
