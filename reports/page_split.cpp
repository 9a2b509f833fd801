#include "reports/page_split.h"

#include <fmt/format.h>

#include <algorithm>

namespace aerepro::reports {

std::vector<PageRange> split_pages(const std::vector<std::string>& groups, size_t most) {
  most = std::max<size_t>(most, 1);
  // The groups' pieces: a whole group, or an even cut of one longer than a page.
  std::vector<PageRange> pieces;
  for (size_t begin = 0; begin < groups.size();) {
    size_t end = begin + 1;
    while (end < groups.size() && groups[end] == groups[begin]) ++end;
    const size_t n = end - begin, cuts = (n + most - 1) / most;
    for (size_t i = 0, at = begin; i < cuts; ++i) {
      const size_t size = n / cuts + (i < n % cuts ? 1 : 0);
      pieces.push_back({at, at + size});
      at += size;
    }
    begin = end;
  }
  // Consecutive pieces share a page while they fit.
  std::vector<PageRange> pages;
  for (const auto& piece : pieces) {
    if (!pages.empty() && pages.back().size() + piece.size() <= most) {
      pages.back().end = piece.end;
    } else {
      pages.push_back(piece);
    }
  }
  if (pages.empty()) pages.push_back({0, 0});
  return pages;
}

std::string page_file(const std::string& stem, size_t k) {
  return k == 0 ? stem + ".html" : fmt::format("{}-{}.html", stem, k + 1);
}

std::string page_stem(const std::string& file) {
  std::string stem = file.substr(0, file.rfind(".html"));
  const size_t dash = stem.rfind('-');
  if (dash != std::string::npos && dash + 1 < stem.size() &&
      std::all_of(stem.begin() + static_cast<long>(dash) + 1, stem.end(),
                  [](char c) { return c >= '0' && c <= '9'; })) {
    stem.erase(dash);
  }
  return stem;
}

std::string pager_html(const std::string& stem, const std::vector<std::string>& labels,
                       size_t here) {
  if (labels.size() < 2) return "";
  std::string out =
      fmt::format("<nav class=\"pager\"><b>Page {} of {}</b>:", here + 1, labels.size());
  for (size_t k = 0; k < labels.size(); ++k) {
    const std::string item = fmt::format("{} <span class=\"range\">({})</span>", k + 1, labels[k]);
    out += (k ? " · " : " ") +
           (k == here ? "<b class=\"here\">" + item + "</b>"
                      : fmt::format("<a href=\"{}\">{}</a>", page_file(stem, k), item));
  }
  out += " —";
  if (here > 0)
    out += fmt::format(" <a href=\"{}\" rel=\"prev\">← previous</a>", page_file(stem, here - 1));
  if (here + 1 < labels.size()) {
    out += fmt::format("{}<a href=\"{}\" rel=\"next\">next →</a>", here > 0 ? " · " : " ",
                       page_file(stem, here + 1));
  }
  return out + "</nav>\n";
}

}  // namespace aerepro::reports
