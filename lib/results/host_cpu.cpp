#include "results/host_cpu.h"

#include <cctype>
#include <fstream>

namespace aerepro::results {

std::string host_cpu() {
  // The first processor's fields: its model name, and the CPU family and model numbers that
  // OpenBLAS's and LibTorch's kernel choices read (a model name like "AMD EPYC" alone covers
  // several generations).
  std::string model, family, number;
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line) && !line.empty()) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string key = line.substr(0, colon), value = line.substr(colon + 1);
    const auto trim = [](std::string& text) {
      text.erase(0, text.find_first_not_of(" \t"));
      while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.pop_back();
    };
    trim(key);
    trim(value);
    if (key == "model name") model = value;
    if (key == "cpu family") family = value;
    if (key == "model") number = value;
  }
  std::string out = model.empty() ? "unknown" : model;
  if (!family.empty()) out += " (family " + family + " model " + number + ")";
#if defined(__x86_64__) && defined(__GNUC__)
  const char* isa = __builtin_cpu_supports("avx512f") ? "avx512"
                    : __builtin_cpu_supports("avx2")  ? "avx2"
                                                      : "sse";
  out += std::string(" [") + isa + "]";
#endif
  return out;
}

}  // namespace aerepro::results
