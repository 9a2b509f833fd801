// The report page's other sections (html_page_parts.h): the environment table at the top, the
// benchmarks and the problems (the comparison page's too).
#include "reports/html_page_parts.h"

#include "reports/text_format.h"

#include <fmt/format.h>

#include <sstream>

namespace aerepro::reports::html {

std::string environment_table(const ProfileData& data, const PageInfo& info) {
  const auto env = data.environment();
  std::vector<std::string> checksums;
  for (const auto& c : env.dataset_checksums)
    checksums.push_back("<code class=\"checksum\">" + e(c) + "</code>");
  std::vector<std::string> revisions, torch, devices;
  for (const auto& r : env.git_revisions) revisions.push_back("<code>" + e(r) + "</code>");
  for (const auto& t : env.torch_versions) torch.push_back(e(t));
  for (const auto& d : env.devices) devices.push_back(e(d));
  std::vector<std::string> threads;
  for (const auto& t : env.threads) threads.push_back(e(t));
  std::ostringstream out;
  out << "<table class=\"env\">\n"
      << "<tr><td>profile</td><td>" << e(data.profile) << "</td></tr>\n"
      << "<tr><td>results folder</td><td><code>" << e(data.dir.string()) << "</code></td></tr>\n"
      << "<tr><td>generated</td><td>" << e(info.generated_at) << "</td></tr>\n"
      << "<tr><td>git revision</td><td>" << join(revisions) << "</td></tr>\n"
      << "<tr><td>LibTorch</td><td>" << join(torch) << "</td></tr>\n"
      << "<tr><td>device</td><td>" << join(devices) << "</td></tr>\n"
      << "<tr><td>threads</td><td>" << join(threads) << "</td></tr>\n"
      << "<tr><td>dataset checksums</td><td>" << join(checksums, "—") << "</td></tr>\n"
      << "</table>\n";
  return out.str();
}

std::string bench_section(const ProfileData& data, const std::vector<Figure>& figures,
                          const PageInfo& info) {
  std::ostringstream out;
  out << "<h2 id=\"benchmarks\">Benchmarks</h2>\n";
  if (data.bench.empty()) {
    out << "<p>No benchmark results found (looked for <code>"
        << e((info.bench_dir / "*.csv").string()) << "</code>).</p>\n";
    return out.str();
  }
  out << "<p>From ";
  for (size_t i = 0; i < data.bench_files.size(); ++i) {
    out << (i ? ", " : "") << "<code>" << e(data.bench_files[i].string()) << "</code>";
  }
  out << ".</p>\n";
  for (const auto& f : figures) {
    if (f.claim.empty()) out << figure_html(f);
  }
  out << "<table><tr><th>benchmark</th><th>model</th><th>kind</th><th>device</"
         "th><th>implementation</th>"
         "<th>batch</th><th>ms</th><th>images/s</th><th>GFLOP/s</th><th>% of peak</th>"
         "<th>threads</th><th>LibTorch</th><th>git</th></tr>\n";
  for (const auto& r : data.bench) {
    out << "<tr><td>" << e(r.benchmark) << "</td><td>" << e(r.model) << "</td><td>" << e(r.kind)
        << "</td><td>" << e(r.device) << "</td><td>" << e(r.implementation)
        << "</td><td class=\"num\">"
        << (r.batch_size ? std::to_string(*r.batch_size) : std::string("—"))
        << "</td><td class=\"num\">" << e(format_number(r.milliseconds))
        << "</td><td class=\"num\">" << e(format_number(r.images_per_second))
        << "</td><td class=\"num\">" << e(format_number(r.gflop_per_second))
        << "</td><td class=\"num\">" << e(format_number(r.percent_of_peak))
        << "</td><td class=\"num\">" << r.threads << "</td><td>" << e(r.torch_version)
        << "</td><td><code>" << e(r.git_revision) << "</code></td></tr>\n";
  }
  out << "</table>\n";
  return out.str();
}

std::string problems_section(const std::vector<Problem>& problems,
                             const std::vector<Figure>& figures) {
  std::ostringstream out;
  out << "<h2 id=\"problems\">Problems</h2>\n";
  std::vector<std::string> items;
  for (const auto& p : problems) items.push_back(e(p.message));
  for (const auto& f : figures) {
    if (!f.rendered) {
      items.push_back(fmt::format(
          "figure <code>{}</code>{}: {}", e(f.name),
          f.claim.empty() ? "" : " of claim <code>" + e(f.claim) + "</code>", e(f.error)));
    }
  }
  if (items.empty()) {
    out << "<p>None: every file was read and every figure drawn.</p>\n";
    return out.str();
  }
  out << "<p>" << items.size()
      << " problem(s); everything else is shown above.</p>\n<ul class=\"problems\">\n";
  for (const auto& i : items) out << "<li><span class=\"mono\">" << i << "</span></li>\n";
  out << "</ul>\n";
  return out.str();
}

}  // namespace aerepro::reports::html
