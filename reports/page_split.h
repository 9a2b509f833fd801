// A page too long to read, cut into linked pages (html_page.h): <stem>.html, <stem>-2.html, …,
// each with a pager at its top and its foot that names what every page holds, the page shown
// in bold, and the previous and next pages.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace aerepro::reports {

// Items [begin, end) of a list, on one page.
struct PageRange {
  size_t begin = 0, end = 0;
  size_t size() const { return end - begin; }
};

// Cuts the items 0 … n − 1 (n = groups.size()), in order, into pages of at most `most` items
// (`most` ≥ 1). `groups` names each item's group (e.g. its report): a page ends where a group
// ends when the next whole group does not fit, consecutive groups share a page while they fit,
// and a group of more than `most` items is cut into as few pages as hold it, as even as they
// can be (29 items of one group, 12 a page: 10, 10, 9). n = 0: one empty page.
std::vector<PageRange> split_pages(const std::vector<std::string>& groups, size_t most);

// The file of page `k` (from 0) of `stem`: "s2.html", "s2-2.html", "s2-3.html".
std::string page_file(const std::string& stem, size_t k);

// The stem a page file belongs to: "s2-3.html" → "s2", "run.html" → "run".
std::string page_stem(const std::string& file);

// The pager of page `here` of the pages of `stem`, `labels` saying what each holds (HTML,
// already escaped): "Page 2 of 3: 1 (…) · 2 (…) · 3 (…) · ← previous · next →". "" for a
// single page.
std::string pager_html(const std::string& stem, const std::vector<std::string>& labels,
                       size_t here);

}  // namespace aerepro::reports
