// The declared sample of a claim (issue 34): the seeds its verdict uses, declared before they run
// (results/seed_plan.h). Rows of other seeds are set aside; fewer of its seeds give an interim
// result (results/claim_runner.h).
#pragma once
#include "results/result_row.h"

#include <optional>
#include <string>
#include <vector>

namespace aerepro::results {

// The sample a claim's verdict uses: seeds first_seed .. first_seed + seeds - 1.
struct DeclaredSample {
  long long first_seed = 0;
  int seeds = 0;
  bool contains(long long seed) const { return seed >= first_seed && seed < first_seed + seeds; }
  std::string describe() const;  // "seeds 5..50"
};

// The rows of `declared`'s seeds (all rows when none is declared). Rows of other seeds are set
// aside and `note` says which; when no row lies in the sample (a pilot record judged against a
// final sample of new seeds), every row is kept and shown, and the result is interim (0 of N).
std::vector<ResultRow> sample_rows(const std::vector<ResultRow>& rows,
                                   const std::optional<DeclaredSample>& declared,
                                   std::string* note);

}  // namespace aerepro::results
