#include "reports/html_page.h"

#include "reports/text_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

namespace aerepro::reports {
namespace {

constexpr const char* kStyle = R"(
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1400px; padding: 0 1em;
       color: #222; line-height: 1.4; }
h1 { margin-bottom: 0.2em; } h2 { border-bottom: 2px solid #ddd; padding-bottom: 0.2em; margin-top: 2em; }
h3 { margin-top: 1.8em; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
th { background: #f2f2f2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.env td:first-child { font-weight: 600; white-space: nowrap; }
code, .mono { font-family: ui-monospace, monospace; font-size: 0.92em; }
.checksum { word-break: break-all; }
.verdict { font-weight: 600; padding: 0.1em 0.45em; border-radius: 4px; display: inline-block; }
.reproduced { background: #d9f2d9; color: #145214; }
.not-reproduced { background: #fde2c8; color: #7a3300; }
.error { background: #f8d0d0; color: #7a0000; }
.not-run { background: #e6e6e6; color: #555; }
.inconclusive { background: #fff3b0; color: #5a4a00; }
.other { background: #dde8f8; color: #1d3d6b; }
.departure { color: #5a4a00; background: #fff8dc; }
table.claims { width: 100%; } td.sentence { min-width: 12em; } td.departure { min-width: 14em; }
.range { color: #555; font-size: 0.9em; }
.flag { color: #b00000; font-weight: 700; }
figure { display: inline-block; margin: 0.5em 0.8em 0.5em 0; vertical-align: top; max-width: 100%; }
figure img { max-width: 100%; height: auto; border: 1px solid #e4e4e4; }
figcaption { font-size: 0.9em; color: #444; max-width: 660px; }
.missing { border: 2px dashed #c00; padding: 1em; color: #900; max-width: 600px; }
.problems li { margin-bottom: 0.4em; }
nav ul { columns: 2; }
)";

// Counts the figures that loaded (complete, non-zero width) and writes "k/n" on <body>.
constexpr const char* kScript = R"(
window.addEventListener('load', function () {
  var images = Array.prototype.slice.call(document.images);
  var loaded = images.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
  document.body.setAttribute('data-figures-loaded', loaded + '/' + images.length);
  var out = document.getElementById('figures-loaded');
  if (out) out.textContent = loaded + ' of ' + images.length + ' figures loaded in this browser.';
});
)";

std::string e(std::string_view text) {
  return html_escape(text);
}

// An identifier that may wrap after '_' and '.' (long claim and metric names in narrow cells).
std::string id(std::string_view text) {
  std::string out;
  for (char c : e(text)) {
    out += c;
    if (c == '_' || c == '.') out += "<wbr>";
  }
  return out;
}

std::string verdict_badge(const std::string& verdict) {
  return fmt::format("<span class=\"verdict {}\">{}</span>", verdict_class(verdict), e(verdict));
}

std::string join(const std::vector<std::string>& values, const std::string& empty = "—") {
  if (values.empty()) return empty;
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + values[i];
  return out;
}

std::string page_start(const std::string& title) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n"
      "<body data-figures-loaded=\"pending\">\n",
      e(title), kStyle);
}

std::string page_end() {
  return fmt::format(
      "<p id=\"figures-loaded\" class=\"mono\"></p>\n<script>{}</script>\n"
      "</body>\n</html>\n",
      kScript);
}

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

std::string counts_line(const ProfileData& data) {
  std::map<std::string, int> counts;
  int differs = 0, stale = 0;
  for (const auto& c : data.claims) {
    ++counts[c.verdict()];
    if (!c.summary.empty() && c.summary.front().record_status == "differs") ++differs;
    if (c.staleness.stale()) ++stale;
  }
  std::string out = fmt::format("{} claims:", data.claims.size());
  bool first = true;
  for (const auto& [verdict, n] : counts) {
    out += fmt::format("{} {} {}", first ? "" : ",", n, verdict_badge(verdict));
    first = false;
  }
  if (differs > 0) out += fmt::format(". {} differ from their record", differs);
  if (stale > 0) {
    out += fmt::format(
        ". <span class=\"flag\">{} may be stale</span>: files that define them "
        "changed since the revision that ran them (see each claim)",
        stale);
  }
  return "<p>" + out +
         ".</p>\n<p>How a verdict is reached: for each asserted metric the one-sided "
         "95 % Student-t bound of the mean over seeds, in the claim's direction, must clear the "
         "threshold (<i>holds</i>); if even the opposite bound misses it the metric <i>fails</i>, "
         "otherwise it is <i>inconclusive</i>; a claim is reproduced when all its metrics hold, "
         "not "
         "reproduced when one fails, else inconclusive (and a profile whose departures favour the "
         "claim cannot call it reproduced).</p>\n";
}

std::string met_mark(const results::SummaryRow& s) {
  if (s.comparison.empty() || std::isnan(s.threshold)) return "";
  return s.met ? " ✓" : " ✗";
}

// "mean ± std" over "[min, max], n = 3" (two short lines keep the column narrow).
std::string spread_html(const results::SummaryRow& s) {
  const std::string text = format_spread(s);
  const size_t cut = text.find(" [");
  if (cut == std::string::npos) return e(text);
  return e(text.substr(0, cut)) + "<br><span class=\"range\">" + e(text.substr(cut + 1)) +
         "</span>";
}

std::string claims_table(const ProfileData& data) {
  std::ostringstream out;
  out << "<p>One row per asserted metric (the verdict rests on these); every metric, with each "
         "seed's value, is in the claim's own section.</p>\n"
         "<table class=\"claims\">\n<tr><th>claim</th><th>SOURCES</th><th>sentence</th>"
         "<th>metric</th><th>source figure</th><th>reproduced: mean ± std [min, max], n seeds</th>"
         "<th>threshold</th><th>verdict</th><th>departure in this profile</th></tr>\n";
  for (const auto& c : data.claims) {
    const auto rows = c.asserted();
    const size_t span = std::max<size_t>(rows.size(), 1);
    const std::string claim_cells = fmt::format(
        "<td rowspan=\"{0}\"><a href=\"#claim-{1}\"><code>{2}</code></a></td>"
        "<td rowspan=\"{0}\">{3}</td><td rowspan=\"{0}\" class=\"sentence\">{4}</td>",
        span, file_safe(c.id), id(c.id), e(c.source()), e(c.sentence()));
    const std::string tail_cells = fmt::format(
        "<td rowspan=\"{0}\">{1}</td><td rowspan=\"{0}\" class=\"departure\">{2}</td>", span,
        verdict_badge(c.verdict()), c.departure().empty() ? "none" : e(c.departure()));
    if (rows.empty()) {
      out << "<tr>" << claim_cells << "<td>—</td><td class=\"num\">—</td><td class=\"num\">—</td>"
          << "<td>—</td>" << tail_cells << "</tr>\n";
      continue;
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      const auto& s = rows[i];
      out << "<tr>" << (i == 0 ? claim_cells : "") << "<td><code>" << id(s.metric) << "</code></td>"
          << "<td class=\"num\">" << e(format_number(s.source_figure)) << "</td>"
          << "<td class=\"num\">" << spread_html(s) << "</td>"
          << "<td class=\"num\">" << e(format_threshold(s)) << met_mark(s)
          << (s.metric_verdict.empty()
                  ? ""
                  : "<br><span class=\"range\">" + e(s.metric_verdict) +
                        (std::isnan(s.bound) ? std::string()
                                             : ", bound " + e(format_number(s.bound))) +
                        fmt::format(", {}/{} seeds", s.seeds_met, s.n) +
                        (s.seeds_to_settle > 0
                             ? fmt::format(", ~{} seeds to settle", s.seeds_to_settle)
                             : "") +
                        "</span>")
          << "</td>" << (i == 0 ? tail_cells : "") << "</tr>\n";
    }
  }
  out << "</table>\n";
  return out.str();
}

// Every metric of the claim: the summary over seeds, then each seed's value (<claim>.csv).
std::string metrics_table(const ClaimData& c) {
  if (c.summary.empty() && c.rows.empty()) return "";
  std::vector<std::string> metrics;
  std::set<long long> seeds;
  std::map<std::pair<std::string, long long>, double> values;
  std::vector<std::string> notes;
  for (const auto& s : c.summary) metrics.push_back(s.metric);
  for (const auto& r : c.rows) {
    if (std::find(metrics.begin(), metrics.end(), r.metric) == metrics.end())
      metrics.push_back(r.metric);
    seeds.insert(r.seed);
    values[{r.metric, r.seed}] = r.value;
    const auto note = fmt::format("seed {}: {}", r.seed, r.note);
    if (!r.note.empty() && std::find(notes.begin(), notes.end(), note) == notes.end())
      notes.push_back(note);
  }
  std::ostringstream out;
  out << "<table class=\"metrics\"><tr><th>metric</th><th>source figure</th>"
         "<th>mean ± std [min, max], n</th><th>95% CI of the mean</th><th>threshold</th>";
  for (auto s : seeds) out << "<th>seed " << s << "</th>";
  out << "</tr>\n";
  for (const auto& m : metrics) {
    out << "<tr><td><code>" << id(m) << "</code></td>";
    const results::SummaryRow* row = nullptr;
    for (const auto& s : c.summary) {
      if (s.metric == m) row = &s;
    }
    if (row) {
      out << "<td class=\"num\">" << e(format_number(row->source_figure))
          << "</td><td class=\"num\">" << e(format_spread(*row)) << "</td><td class=\"num\">"
          << (row->n > 1 ? e(fmt::format("[{}, {}]", format_number(row->ci95_low),
                                         format_number(row->ci95_high)))
                         : "—")
          << "</td><td class=\"num\">" << e(format_threshold(*row)) << met_mark(*row) << "</td>";
    } else {
      out << "<td></td><td></td><td></td><td></td>";
    }
    for (auto s : seeds) {
      auto it = values.find({m, s});
      out << "<td class=\"num\">" << (it == values.end() ? "" : e(format_number(it->second)))
          << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</table>\n";
  for (const auto& n : notes) out << "<p class=\"error\">" << e(n) << "</p>\n";
  return out.str();
}

std::string figure_html(const Figure& f) {
  if (!f.rendered) {
    return fmt::format(
        "<figure><div class=\"missing\">Figure <code>{}</code> could not be drawn: "
        "{}</div><figcaption>{}</figcaption></figure>\n",
        e(f.name), e(f.error), e(f.title));
  }
  return fmt::format(
      "<figure><img src=\"{}\" width=\"{}\" height=\"{}\" alt=\"{}\">"
      "<figcaption><b>{}</b> <code>{}</code> — {}</figcaption></figure>\n",
      e(f.file), f.width, f.height, e(f.title), e(f.title), e(f.name), e(f.note));
}

std::string claim_section(const ProfileData& data, const ClaimData& c,
                          const std::vector<Figure>& figures) {
  std::ostringstream out;
  out << fmt::format("<section id=\"claim-{}\">\n<h3><code>{}</code> {}</h3>\n", file_safe(c.id),
                     e(c.id), verdict_badge(c.verdict()));
  out << "<p>" << e(c.sentence()) << " <i>(SOURCES " << e(c.source()) << ")</i></p>\n";
  out << "<p class=\"departure\"><b>Departure in this profile:</b> "
      << (c.departure().empty() ? "none" : e(c.departure())) << "</p>\n";
  if (!c.summary.empty()) {
    const auto& s = c.summary.front();
    if (!s.verdict_note.empty()) out << "<p><b>Verdict:</b> " << e(s.verdict_note) << "</p>\n";
    out << "<p>Against its record (records/" << e(s.profile) << "/): <b>" << e(s.record_status)
        << "</b>"
        << (s.record_status == "differs"
                ? " — <span class=\"flag\">the run differs from its record.</span>"
                : "")
        << fmt::format(" The claim took {} s.", format_number(s.claim_seconds)) << "</p>\n";
    if (!s.record_note.empty()) out << "<p><b>Record:</b> " << e(s.record_note) << "</p>\n";
    out << "<p" << (c.staleness.stale() ? " class=\"flag\"" : "") << "><b>Revision "
        << e(s.git_revision) << ":</b> " << e(c.staleness.describe()) << "</p>\n";
    if (!s.error.empty()) out << "<p class=\"error\"><b>Error:</b> " << e(s.error) << "</p>\n";
  } else if (c.record && !c.record->assertions.empty()) {
    out << "<p><b>Asserts:</b> " << e(c.record->assertions) << "</p>\n";
  }
  if (c.summary.empty()) {
    out << "<p class=\"not-run\">"
        << (c.summary_unreadable ? "Its summary file is unreadable (see Problems)."
                                 : "Not run in this profile: no summary file.")
        << "</p>\n";
  }
  out << metrics_table(c);
  for (const auto& p : data.problems) {
    const auto name = p.file.filename().string();
    if (name.rfind(c.id + ".", 0) == 0) {
      out << "<p class=\"error\">Unreadable: " << e(p.message) << "</p>\n";
    }
  }
  for (const auto& f : figures) {
    if (f.claim == c.id) out << figure_html(f);
  }
  out << "</section>\n";
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

}  // namespace

std::string report_html(const ProfileData& data, const std::vector<Figure>& figures,
                        const PageInfo& info) {
  std::ostringstream out;
  out << page_start("aerepro report — " + data.profile);
  out << "<h1>aerepro report — profile <code>" << e(data.profile) << "</code></h1>\n";
  out << "<p>Each claim of <code>SOURCES.md</code> re-run over seeds and judged on the mean; "
         "everything below is read from the results CSV files.</p>\n";
  out << environment_table(data, info) << counts_line(data);
  out << "<nav><b>Contents:</b> <a href=\"#claims\">claims table</a> · <a href=\"#benchmarks\">"
         "benchmarks</a> · <a href=\"#problems\">problems</a><ul>\n";
  for (const auto& c : data.claims) {
    out << fmt::format("<li><a href=\"#claim-{}\"><code>{}</code></a> {}</li>\n", file_safe(c.id),
                       e(c.id), verdict_badge(c.verdict()));
  }
  out << "</ul></nav>\n<h2 id=\"claims\">Claims</h2>\n" << claims_table(data);
  out << "<h2>Claims in detail</h2>\n";
  for (const auto& c : data.claims) out << claim_section(data, c, figures);
  out << bench_section(data, figures, info) << problems_section(data.problems, figures);
  out << page_end();
  return out.str();
}

std::string comparison_html(const Comparison& cmp, const PageInfo& info) {
  std::ostringstream out;
  out << page_start("aerepro comparison");
  out << "<h1>aerepro comparison</h1>\n<table class=\"env\">\n"
      << "<tr><td>A</td><td><code>" << e(cmp.a.dir.string()) << "</code> (git "
      << e(join(cmp.a.environment().git_revisions)) << ")</td></tr>\n"
      << "<tr><td>B</td><td><code>" << e(cmp.b.dir.string()) << "</code> (git "
      << e(join(cmp.b.environment().git_revisions)) << ")</td></tr>\n"
      << "<tr><td>generated</td><td>" << e(info.generated_at) << "</td></tr>\n</table>\n";
  out << "<p>" << e(spread_rule()) << "</p>\n";
  out << fmt::format("<p><b>{}</b> metric(s) flagged, <b>{}</b> verdict change(s).</p>\n",
                     cmp.flagged, cmp.verdict_changes);
  out << "<table><tr><th>claim</th><th>verdict A</th><th>verdict B</th><th>metric</th>"
         "<th>A: mean ± std (n)</th><th>B: mean ± std (n)</th><th>Δ (B − A)</th>"
         "<th>spread</th><th></th></tr>\n";
  const auto side = [](const std::optional<results::SummaryRow>& s) {
    if (!s) return std::string("—");
    return fmt::format("{} ± {} ({})", format_number(s->mean), format_number(s->std), s->n);
  };
  for (const auto& c : cmp.claims) {
    const size_t span = std::max<size_t>(c.metrics.size(), 1);
    const std::string head = fmt::format(
        "<td rowspan=\"{0}\"><code>{1}</code></td><td rowspan=\"{0}\">{2}</td>"
        "<td rowspan=\"{0}\">{3}{4}</td>",
        span, e(c.claim), verdict_badge(c.verdict_a), verdict_badge(c.verdict_b),
        c.verdict_changed ? " <span class=\"flag\">changed</span>" : "");
    if (c.metrics.empty()) {
      out << "<tr>" << head << "<td>—</td><td>—</td><td>—</td><td>—</td><td>—</td><td></td></tr>\n";
      continue;
    }
    for (size_t i = 0; i < c.metrics.size(); ++i) {
      const auto& m = c.metrics[i];
      out << "<tr>" << (i == 0 ? head : "") << "<td><code>" << e(m.metric) << "</code></td>"
          << "<td class=\"num\">" << e(side(m.a)) << "</td><td class=\"num\">" << e(side(m.b))
          << "</td><td class=\"num\">" << e(format_number(m.delta)) << "</td><td class=\"num\">"
          << e(format_number(m.spread)) << "</td><td>"
          << (m.flagged
                  ? "<span class=\"flag\" title=\"|Δ| exceeds the spread\">⚑ beyond spread</span>"
                  : "")
          << "</td></tr>\n";
    }
  }
  out << "</table>\n";
  std::vector<Problem> problems = cmp.a.problems;
  problems.insert(problems.end(), cmp.b.problems.begin(), cmp.b.problems.end());
  out << problems_section(problems, {}) << page_end();
  return out.str();
}

}  // namespace aerepro::reports
