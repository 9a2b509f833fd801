// The frame of the report's HTML pages (html_page_parts.h): inline styles, the script that
// counts the loaded figures, escaping, verdict badges and figures.
#include "reports/html_page_parts.h"

#include "reports/text_format.h"

#include <fmt/format.h>

namespace aerepro::reports::html {
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
