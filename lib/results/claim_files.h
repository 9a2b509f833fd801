// Which source files define a claim, and which of them changed between two revisions (git). The
// report marks a record stale by it (reports/staleness.h); `aerepro merge` joins seed shards of
// different revisions by it when nothing that defines the claim changed between them.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace aerepro::results {

// Files that define what claim `claim_id` measures: the source files under lib/{common,data,
// models,train,recipes,analysis,claims}/ except other sources' own claims and recipes
// (lib/claims/sN_*, lib/claims/sN/, lib/recipes/sN_*; S1's claims live with S0's) and except
// the files that only judge the measured values (judges_claims).
bool defines_claim(const std::string& file, const std::string& claim_id);

// Files that judge every claim's values (the verdict rules: lib/claims/verdict.*,
// lib/claims/statistics.*): a change to them makes a summary's verdicts stale, not its values
// (`aerepro rejudge` judges the values again).
bool judges_claims(const std::string& file);

// The files under lib/ that differ between `from` and `to` (a revision, or "" for the working
// tree), as `git diff --name-only` lists them in `source_dir`; none when git cannot say (no git,
// not a checkout, an unknown revision), with the reason in `why`.
std::optional<std::vector<std::string>> changed_lib_files(const std::filesystem::path& source_dir,
                                                          const std::string& from,
                                                          const std::string& to,
                                                          std::string* why = nullptr);

// Runs `command` through the shell and returns its exit status and standard output. Callers
// quote every word that comes from outside (shell_quoted).
std::pair<int, std::string> run_command(const std::string& command);
std::string shell_quoted(const std::string& text);  // one single-quoted shell word

}  // namespace aerepro::results
