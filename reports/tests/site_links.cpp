#include "site_links.h"

#include "fixtures.h"

namespace aerepro::reports::testing {

namespace fs = std::filesystem;

namespace {

// The values of `attribute="…"` in `html`, entities &amp; and &#39; undone.
std::vector<std::string> attribute_values(const std::string& html, const std::string& attribute) {
  std::vector<std::string> out;
  const std::string open = " " + attribute + "=\"";
  for (size_t at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
    const size_t begin = at + open.size();
    std::string value = html.substr(begin, html.find('"', begin) - begin);
    for (const auto& [entity, c] :
         {std::pair<std::string, std::string>{"&amp;", "&"}, {"&#39;", "'"}}) {
      for (size_t i = value.find(entity); i != std::string::npos; i = value.find(entity, i + 1))
        value.replace(i, entity.size(), c);
    }
    out.push_back(value);
  }
  return out;
}

}  // namespace

std::vector<std::string> broken_links(const std::map<std::string, std::string>& pages,
                                      const std::set<std::string>& files) {
  std::map<std::string, std::set<std::string>> ids;
  for (const auto& [name, html] : pages) {
    for (const auto& id : attribute_values(html, "id")) ids[name].insert(id);
  }
  std::vector<std::string> out;
  for (const auto& [name, html] : pages) {
    auto links = attribute_values(html, "href");
    const auto sources = attribute_values(html, "src");
    links.insert(links.end(), sources.begin(), sources.end());
    for (const auto& link : links) {
      if (link.rfind("http://", 0) == 0 || link.rfind("https://", 0) == 0) continue;
      const size_t hash = link.find('#');
      const std::string file = hash == 0 ? name : link.substr(0, hash);
      const bool page = pages.count(file) > 0;
      if (!page && !files.count(file)) {
        out.push_back(name + ": " + link + " (no such file)");
      } else if (hash != std::string::npos && (!page || !ids[file].count(link.substr(hash + 1)))) {
        out.push_back(name + ": " + link + " (no such anchor)");
      }
    }
  }
  return out;
}

std::vector<std::string> broken_links(const fs::path& dir) {
  std::map<std::string, std::string> pages;
  std::set<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".html") {
      pages[name] = read_text(entry.path());
    } else {
      files.insert(name);
    }
  }
  return broken_links(pages, files);
}

}  // namespace aerepro::reports::testing
