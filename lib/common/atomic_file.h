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

// Creates `folder` if needed and proves that a file can be written there (a one-byte probe,
// removed again); ArtifactError naming the folder otherwise (unwritable, not a folder, disk
// full). Lets a run fail before its work rather than when it saves the results.
void require_writable_folder(const std::filesystem::path& folder);

// write_atomically with a string's bytes.
void write_text_atomically(const std::filesystem::path& target, const std::string& text);

}  // namespace aerepro
