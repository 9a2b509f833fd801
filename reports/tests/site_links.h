// Test helper: the links of a report's pages that lead nowhere (a page, a file or an anchor that
// is not there).
#pragma once
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace aerepro::reports::testing {

// The links of `pages` (file name → HTML) that lead nowhere, each as "<page>: <link>": every
// href and src but a web address must name one of `pages` or of `files` (the folder's other
// files), and its #anchor an id on the page it names (an anchor alone: on its own page).
std::vector<std::string> broken_links(const std::map<std::string, std::string>& pages,
                                      const std::set<std::string>& files = {});
// The same for a report folder: its HTML pages, and every other file in it.
std::vector<std::string> broken_links(const std::filesystem::path& dir);

}  // namespace aerepro::reports::testing
