// The report page's other sections (html_page_parts.h): the environment table at the top, the
// benchmarks and the problems (the comparison page's too).
#include "reports/html_page_parts.h"

#include "reports/text_format.h"

#include <fmt/format.h>

#include <map>
#include <sstream>

namespace aerepro::reports::html {

std::string environment_table(const ProfileData& data, const PageInfo& info) {
  const auto env = data.environment();
  std::vector<std::string> checksums;
  for (const auto& c : env.dataset_checksums)
    checksums.push_back("<code class=\"checksum\">" + e(c) + "</code>");
  // Each revision with the number of claims whose rows it wrote (the claims' own sections name
  // theirs), so that the header and the sections tell one story.
  std::map<std::string, int> claims_of;
  for (const auto& c : data.claims) {
    if (!c.summary.empty()) ++claims_of[c.summary.front().git_revision];
  }
  std::vector<std::string> revisions, torch, devices, threads;
  for (const auto& r : env.git_revisions) {
    const auto it = claims_of.find(r);
    revisions.push_back("<code>" + e(r) + "</code>" +
                        (it == claims_of.end() ? std::string()
                                               : fmt::format(" ({} claim{})", it->second,
                                                             it->second == 1 ? "" : "s")));
  }
  for (const auto& t : env.torch_versions) torch.push_back(e(t));
  for (const auto& d : env.devices) devices.push_back(e(d));
  for (const auto& t : env.threads) threads.push_back(e(t));
  std::ostringstream out;
  out << "<details class=\"env\"><summary><b>Where these numbers come from:</b> git "
      << join(revisions) << "; LibTorch " << join(torch) << "; " << join(devices) << "; "
      << join(threads) << " thread(s)</summary>\n<table class=\"env\">\n"
      << "<tr><td>profile</td><td>" << e(data.profile) << "</td></tr>\n"
      << "<tr><td>results folder</td><td><code>" << e(data.dir.string()) << "</code></td></tr>\n"
      << "<tr><td>inventory</td><td><code>" << e(info.inventory.dir.string()) << "</code>"
      << (info.inventory.found ? "" : " (not found)") << "</td></tr>\n"
      << "<tr><td>generated</td><td>" << e(info.generated_at) << "</td></tr>\n"
      << "<tr><td>git revision</td><td>" << join(revisions) << "</td></tr>\n"
      << "<tr><td>LibTorch</td><td>" << join(torch) << "</td></tr>\n"
      << "<tr><td>device</td><td>" << join(devices) << "</td></tr>\n"
      << "<tr><td>threads</td><td>" << join(threads) << "</td></tr>\n"
      << "<tr><td>dataset checksums</td><td>" << join(checksums, "—") << "</td></tr>\n"
      << "</table></details>\n";
  return out.str();
}

std::string bench_section(const ProfileData& data, const std::vector<Figure>& figures,
                          const PageInfo& info) {
  std::ostringstream out;
  out << "<h2 id=\"benchmarks\">Benchmarks</h2>\n";
  if (data.bench.empty()) {
    if (info.results_are_records) {
      out << "<p>None here: the records hold the claims' values only. Timings belong to the "
             "machine that takes them; <code>./ci/report</code> (or <code>benchmarks/run</code>) "
             "measures them on yours, into <code>results/bench/</code>.</p>\n";
    } else {
      out << "<p>None: no benchmark results were found (looked for <code>"
          << e((info.bench_dir / "*.csv").string())
          << "</code>); <code>benchmarks/run</code> writes them.</p>\n";
    }
    return out.str();
  }
  out << "<p>From ";
  for (size_t i = 0; i < data.bench_files.size(); ++i) {
    out << (i ? ", " : "") << "<code>" << e(data.bench_files[i].string()) << "</code>";
  }
  out << ".</p>\n";
  if (data.bench_rounds <= 1) {
    out << "<p class=\"flag\">One round of timings: times taken once, on a machine whose cores "
           "other work may share, vary from run to run, so the C++ / Python ratios here are "
           "noisy. <code>benchmarks/run --rounds 3</code> keeps each benchmark's fastest of "
           "three alternating rounds.</p>\n";
  } else {
    out << "<p>Each benchmark's fastest of " << data.bench_rounds
        << " alternating rounds (C++ and Python taken in turn).</p>\n";
  }
  for (const auto& f : figures) {
    if (f.claim.empty()) out << figure_html(f);
  }
  out << "<div class=\"wide\"><table><tr><th>benchmark</th><th>model</th><th>kind</th><th>device</"
         "th><th>implementation</th>"
         "<th>batch</th><th>ms</th><th>images/s</th><th>GFLOP/s</th><th>% of peak</th>"
         "<th>threads</th><th>LibTorch</th><th>git</th></tr>\n";
  for (const auto& r : data.bench) {
    out << "<tr><td>" << id(r.benchmark) << "</td><td>" << e(r.model) << "</td><td>" << e(r.kind)
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
  out << "</table></div>\n";
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
