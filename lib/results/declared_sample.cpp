#include "results/declared_sample.h"

#include <fmt/format.h>

#include <algorithm>

namespace aerepro::results {

std::string DeclaredSample::describe() const {
  return fmt::format("seeds {}..{}", first_seed, first_seed + seeds - 1);
}

std::vector<ResultRow> sample_rows(const std::vector<ResultRow>& rows,
                                   const std::optional<DeclaredSample>& declared,
                                   std::string* note) {
  if (!declared) return rows;
  std::vector<ResultRow> in, out;
  std::vector<long long> outside;
  for (const auto& r : rows) {
    (declared->contains(r.seed) ? in : out).push_back(r);
    if (!declared->contains(r.seed) &&
        std::find(outside.begin(), outside.end(), r.seed) == outside.end())
      outside.push_back(r.seed);
  }
  if (outside.empty()) return rows;
  std::string list;
  for (const auto seed : outside) list += (list.empty() ? "" : " ") + std::to_string(seed);
  if (in.empty()) {
    *note = fmt::format(
        "the values shown are of seeds {}, outside the declared sample ({}): none of its seeds "
        "has run",
        list, declared->describe());
    return rows;
  }
  *note = fmt::format("seeds {} lie outside the declared sample ({}): not judged", list,
                      declared->describe());
  return in;
}

}  // namespace aerepro::results
