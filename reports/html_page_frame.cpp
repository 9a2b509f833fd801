// The frame of the report's HTML pages (html_page_parts.h): inline styles, the script that
// counts the loaded figures, escaping, verdict badges and figures.
#include "reports/html_page_parts.h"

#include "reports/text_format.h"

#include <fmt/format.h>

namespace aerepro::reports::html {
namespace {

constexpr const char* kStyle = R"(
* { box-sizing: border-box; }
body { font-family: system-ui, sans-serif; margin: 1.2em auto; max-width: 1400px; padding: 0 1em;
       color: #222; line-height: 1.4; }
h1 { margin: 0 0 0.3em; font-size: 1.6em; } h2 { border-bottom: 2px solid #ddd; padding-bottom: 0.2em; margin-top: 1.6em; }
h3 { margin: 1.2em 0 0.3em; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.5em; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; }
th { background: #f2f2f2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.claims, table.card { width: 100%; table-layout: fixed; }
table.claims td.num, table.card td.num { white-space: normal; }
col.c-claim { width: 27%; } col.c-metric { width: 15%; } col.c-source { width: 13%; }
col.c-ours { width: 13%; } col.c-threshold { width: 19%; } col.c-verdict { width: 13%; }
col.c-statement { width: 38%; } col.c-printed { width: 17%; } col.c-bias { width: 8%; }
table.card col.c-verdict { width: 20%; } table.card col.c-ours { width: 17%; }
.wide { overflow-x: auto; max-width: 100%; }
table.env td:first-child { font-weight: 600; white-space: nowrap; }
details.env summary, details.departure summary { cursor: pointer; }
code, .mono { font-family: ui-monospace, monospace; font-size: 0.92em; }
.checksum { word-break: break-all; }
.verdict { font-weight: 600; padding: 0.1em 0.45em; border-radius: 4px; display: inline-block; }
.reproduced { background: #d9f2d9; color: #145214; }
.not-reproduced { background: #fde2c8; color: #7a3300; }
.error { background: #f8d0d0; color: #7a0000; }
.not-run { background: #e6e6e6; color: #555; }
.inconclusive { background: #fff3b0; color: #5a4a00; }
.vacuous { background: #f6dff0; color: #6b1d52; }
tr.control td { color: #555; background: #fafafa; }
.other { background: #dde8f8; color: #1d3d6b; }
.departure { color: #5a4a00; background: #fff8dc; padding: 0.2em 0.4em; }
.banner { background: #fff3b0; border-left: 6px solid #c9a400; padding: 0.5em 0.8em; }
section.card { border: 1px solid #bbb; border-radius: 6px; padding: 0.2em 0.9em 0.4em;
               margin: 0.8em 0; }
section.card h3 { margin-top: 0.5em; }
.tally { font-weight: 600; margin: 0.2em 0; }
table.card td.num { text-align: left; }
tr.o-reproduced_as_made td:first-child { border-left: 6px solid #3c9a3c; }
tr.o-survives_correction td:first-child { border-left: 6px solid #8cc08c; }
tr.o-not_reproduced td:first-child { border-left: 6px solid #d9822b; }
tr.o-undecided td:first-child { border-left: 6px solid #d4b800; }
tr.o-vacuous td:first-child { border-left: 6px solid #cc79a7; }
table.glance td:first-child { white-space: nowrap; }
.verdict-line { margin-bottom: 0.3em; }
.position { color: #1d3d6b; font-size: 0.9em; }
ul.unchecked { margin-top: 0.2em; } ul.unchecked li { margin-bottom: 0.2em; }
.range { color: #555; font-size: 0.9em; }
.flag { color: #b00000; font-weight: 700; }
figure { display: inline-block; margin: 0.5em 0.8em 0.5em 0; vertical-align: top; max-width: 100%; }
figure img { max-width: 100%; height: auto; border: 1px solid #e4e4e4; }
figcaption { font-size: 0.9em; color: #444; max-width: 660px; }
.missing { border: 2px dashed #c00; padding: 1em; color: #900; max-width: 600px; }
.problems li { margin-bottom: 0.4em; }
nav ul { columns: 2; }
nav.pages { font-size: 0.95em; margin-bottom: 0.6em; padding: 0.3em 0; border-bottom: 1px solid #ddd; }
nav.pager { margin: 0.6em 0; padding: 0.35em 0.7em; background: #f4f7fb; border: 1px solid #d6e0ee;
            border-radius: 4px; }
nav.pager b.here { background: #dde8f8; padding: 0 0.3em; border-radius: 3px; }
a.term { color: inherit; text-decoration: underline dotted; }
table.tally td.num { text-align: right; } table.tally th { font-weight: 600; min-width: 5.5em; }
article.row { display: grid; grid-template-columns: minmax(0, 1fr) 500px; gap: 0.4em 1em;
              border-top: 1px solid #ddd; padding: 0.6em 0 0.6em 0.6em; border-left: 6px solid #ccc; }
article.o-holds { border-left-color: #0072b2; }
article.o-holds_only_as_made, article.o-holds_once_corrected { border-left-color: #56b4e9; }
article.o-not_reproduced { border-left-color: #d55e00; }
article.o-inconclusive, article.o-interim, article.o-depends_on_the_reading,
article.o-vacuous { border-left-color: #e69f00; }
.standing { font-weight: 700; text-transform: uppercase; font-size: 0.8em; letter-spacing: 0.03em;
            background: #eee; padding: 0.05em 0.4em; border-radius: 3px; }
p.quote { margin: 0 0 0.3em; } p.quote q { font-size: 1.05em; }
dl.evidence { margin: 0; display: grid; grid-template-columns: 11em minmax(0, 1fr); gap: 0.2em 0.6em; }
dl.evidence dt { font-weight: 600; color: #444; font-size: 0.9em; }
dl.evidence dd { margin: 0; }
.card-note { margin-bottom: 0.15em; }
.pos-above, .pos-below { color: #a33b00; }
p.more { margin: 0.3em 0 0; font-size: 0.9em; }
figure.deciding { margin: 0; width: 500px; }
figure.deciding img { width: 480px; max-width: 480px; height: auto; }
figure.deciding figcaption { font-size: 0.85em; }
details.unchecked { margin: 0.2em 0; } details.unchecked summary { cursor: pointer; }
details.claim { border: 1px solid #ccc; border-radius: 5px; padding: 0.3em 0.7em; margin: 0.4em 0; }
details.claim > summary { cursor: pointer; }
table.seeds td, table.seeds th, table.metrics td, table.metrics th { white-space: nowrap; }
table.metrics td:last-child { white-space: normal; min-width: 16em; }
dl.glossary dt { font-weight: 700; margin-top: 0.5em; } dl.glossary dd { margin-left: 1.5em; }
footer { margin-top: 2em; border-top: 1px solid #ddd; padding-top: 0.5em; color: #555;
         font-size: 0.9em; }
)";

// Counts the figures that loaded (complete, non-zero width) and writes "k/n" on <body>, with
// the page's width as laid out (more than the window's: it scrolls sideways).
constexpr const char* kScript = R"(
function aereproMeasure() {
  var images = Array.prototype.slice.call(document.images);
  var loaded = images.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
  var body = document.body, root = document.documentElement;
  body.setAttribute('data-figures-loaded', loaded + '/' + images.length);
  body.setAttribute('data-scroll-width', root.scrollWidth);
  body.setAttribute('data-page-height', root.scrollHeight);
  var widths = Array.prototype.map.call(document.querySelectorAll('img.card-figure'),
                                        function (i) { return Math.round(i.getBoundingClientRect().width); });
  body.setAttribute('data-card-figure-min-width', widths.length ? Math.min.apply(null, widths) : -1);
  body.setAttribute('data-card-figures', widths.length);
  // Card notes may name only metrics their row's claims have (data-metrics).
  var stale = 0;
  document.querySelectorAll('article.row').forEach(function (row) {
    var known = (row.getAttribute('data-metrics') || '').split(' ');
    row.querySelectorAll('.card-note').forEach(function (note) {
      (note.textContent.match(/\b[a-z][a-z0-9]*(_[a-z0-9]+)+\b/g) || []).forEach(function (w) {
        if (known.indexOf(w) < 0) stale += 1;
      });
    });
  });
  body.setAttribute('data-stale-card-notes', stale);
  // With every <details> open: tables wider than their box (outside a scrolling box) and cells
  // squeezed narrower than 40 px.
  var closed = Array.prototype.filter.call(document.querySelectorAll('details'),
                                           function (d) { return !d.open; });
  closed.forEach(function (d) { d.open = true; });
  var overflowing = 0, squeezed = 0;
  document.querySelectorAll('table').forEach(function (t) {
    var box = t.parentElement;
    var scrolls = box && getComputedStyle(box).overflowX === 'auto';
    var right = t.getBoundingClientRect().right;
    var limit = (scrolls ? box : body).getBoundingClientRect().right + 1;
    if (right > limit && !scrolls) overflowing += 1;
    if (scrolls && box.getBoundingClientRect().right > body.getBoundingClientRect().right + 1)
      overflowing += 1;
    t.querySelectorAll('td, th').forEach(function (c) {
      if (c.getBoundingClientRect().width < 40 && c.textContent.trim().length > 3) squeezed += 1;
    });
  });
  body.setAttribute('data-tables-overflowing', overflowing);
  body.setAttribute('data-cells-squeezed', squeezed);
  body.setAttribute('data-scroll-width-open', root.scrollWidth);
  closed.forEach(function (d) { d.open = false; });
  var out = document.getElementById('figures-loaded');
  if (out && images.length)
    out.textContent = loaded + ' of ' + images.length + ' figures loaded in this browser.';
}
// A link to a claim's details opens them.
function aereproOpenTarget() {
  var target = location.hash && document.getElementById(location.hash.slice(1));
  if (target && target.tagName === 'DETAILS') target.open = true;
}
window.addEventListener('hashchange', aereproOpenTarget);
window.addEventListener('load', function () { aereproMeasure(); aereproOpenTarget(); });
)";

}  // namespace

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

std::string join(const std::vector<std::string>& values, const std::string& empty) {
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

}  // namespace aerepro::reports::html
