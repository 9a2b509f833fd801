// Files that are either complete or absent: written to a temporary sibling, flushed, renamed.
#pragma once
#include <filesystem>
#include <functional>
#include <string>

namespace aerepro {

// Calls `write(temporary_path)`, then renames the temporary file onto `target` (creating the
// folder first). If `write` throws, or the disk is full or the folder unwritable, the temporary
// file is removed, `target` is left as it was, and an ArtifactError names `target`.
void write_atomically(const std::filesystem::path& target,
                      const std::function<void(const std::filesystem::path&)>& write);

// write_atomically with a string's bytes.
void write_text_atomically(const std::filesystem::path& target, const std::string& text);

}  // namespace aerepro
