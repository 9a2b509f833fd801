// Whether a claim's results (or record) may be stale: the lib/ files that define the claim and
// changed since the git revision its rows were computed at, found with git in the source tree
// the report tool was built from. The rows say only which revision ran; a change to a defining
// file after it may change the values, so the report lists those files beside the verdict.
#pragma once
#include "results/claim_files.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace aerepro::reports {

struct Staleness {
  bool known = false;                // false: `why` says why nothing could be said
  std::string why;                   // e.g. "git: unknown revision 0123abcd"
  bool dirty = false;                // the rows came from a tree with uncommitted changes
  std::vector<std::string> changed;  // defining files changed since the revision (sorted)
  int layout_only = 0;               // lib/ files whose clang-formatted text did not change
  bool stale() const { return known && !changed.empty(); }
  std::string describe() const;  // one line for the report
};

// Files that define claim `claim_id` (results/claim_files.h).
using results::defines_claim;

// Asks git once per revision (`git diff --name-only <revision> -- lib/`, the working tree
// included), leaves out the files changed in layout only (the same text once clang-formatted:
// a reformatting does not make results stale) and filters per claim. A few processes per
// revision, whatever the number of changed files: one `git cat-file --batch` reads their texts
// at the revision and one clang-format formats every text not formatted before (each file's
// text in the tree once, each text at a revision once).
class StalenessChecker {
 public:
  explicit StalenessChecker(std::filesystem::path source_dir);
  // `revision` as the rows record it: 7 to 40 hex digits, optionally followed by "-dirty";
  // `judged_revision` the summary's judging revision (the verdict rules count from it; "": from
  // `revision`).
  Staleness check(const std::string& revision, const std::string& claim_id,
                  const std::string& judged_revision = "");

 private:
  struct Changes {
    bool known = false;
    std::string why;
    std::vector<std::string> files;
    int layout_only = 0;
  };
  // For each of `files`: it differs from its text at `revision` only in layout, both
  // clang-formatting to the same text (with the tree's .clang-format). False where clang-format
  // or the file (in the tree or at the revision) is missing.
  std::vector<bool> layout_only(const std::string& revision, const std::vector<std::string>& files);
  const Changes& changes_since(const std::string& base);  // cached per revision
  std::filesystem::path source_dir_;
  std::map<std::string, Changes> by_revision_;
  // clang-formatted texts ("" where clang-format failed): the tree's, by file; a revision's, by
  // "<blob>:<file>".
  std::map<std::string, std::string> formatted_now_, formatted_then_;
};

}  // namespace aerepro::reports
