#include "results/host_cpu.h"

#include <cctype>
#include <fstream>

namespace aerepro::results {

std::string host_cpu() {
  std::string model;
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (model.empty() && std::getline(cpuinfo, line)) {
    const auto colon = line.find(':');
    if (line.rfind("model name", 0) != 0 || colon == std::string::npos) continue;
    model = line.substr(colon + 1);
    model.erase(0, model.find_first_not_of(" \t"));
    while (!model.empty() && std::isspace(static_cast<unsigned char>(model.back())))
      model.pop_back();
  }
  if (model.empty()) model = "unknown";
#if defined(__x86_64__) && defined(__GNUC__)
  const char* isa = __builtin_cpu_supports("avx512f") ? "avx512"
                    : __builtin_cpu_supports("avx2")  ? "avx2"
                                                      : "sse";
  return model + " [" + isa + "]";
#else
  return model;
#endif
}

}  // namespace aerepro::results
