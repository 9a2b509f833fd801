// Drawing the figures: one gnuplot process for all of them. Their scripts are written by
// series_figures.cpp and bench_figures.cpp (shared pieces: gnuplot_script.h).
#include "reports/gnuplot_figures.h"

#include "common/atomic_file.h"
#include "reports/gnuplot_script.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include <gnuplot-iostream.h>
#pragma GCC diagnostic pop

#include <fmt/format.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <map>

namespace aerepro::reports {
namespace {

namespace fs = std::filesystem;

}  // namespace

bool is_png(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char signature[8] = {};
  in.read(signature, 8);
  return in.gcount() == 8 && std::string(signature, 8) == std::string("\x89PNG\r\n\x1a\n", 8);
}

void render_figures(std::vector<Figure>& figures, const fs::path& out_dir,
                    const std::string& gnuplot_command) {
  using namespace gnuplot;  // reports/gnuplot_script.h
  // Absolute: the shell changes into the folder before its log's redirection is opened.
  const fs::path dir = fs::absolute(out_dir);
  // Each figure goes to its own script file, loaded through the pipe: gnuplot reads files
  // fast (stdin 2-3 times slower) and an error ends only that figure's `load`.
  std::string all = "# The figures of this report; re-draw them here with: gnuplot figures.gp\n";
  std::string commands;
  std::vector<fs::path> parts;
  for (size_t k = 0; k < figures.size(); ++k) {
    const auto& f = figures[k];
    if (f.script.empty()) continue;  // nothing to draw (error already set)
    const std::string text = fmt::format(
                                 "\n# --- {} {}\nreset session\nset encoding utf8\n"
                                 "set terminal pngcairo size {},{} font 'sans,10' noenhanced\n"
                                 "set output {}\n",
                                 f.claim, f.name, f.width, f.height, gp_string(f.file)) +
                             f.script + "unset output\n";
    all += text;
    const fs::path part = dir / fmt::format(".figure-{}.gp", k);
    write_text_atomically(part, text);
    parts.push_back(part);
    commands += fmt::format("load {}\nprint 'AEREPRO_FIGURE_DONE {}'\n",
                            gp_string(part.filename().string()), k);
  }
  write_text_atomically(dir / "figures.gp", all);
  if (parts.empty()) return;  // nothing to draw: no gnuplot process at all
  const fs::path log = dir / ".gnuplot.log";
  const auto quoted = [](const fs::path& p) {
    std::string q = "'";
    for (char c : p.string()) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  };
  {
    // A pipe whose reader died (no gnuplot) must not kill the report: SIGPIPE is ignored while
    // writing.
    struct sigaction ignore {
    }, previous{};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, &previous);
    {
      Gnuplot gp("cd " + quoted(dir) + " && " + gnuplot_command + " 2> " + quoted(log));
      gp << commands << std::flush;
    }
    sigaction(SIGPIPE, &previous, nullptr);
  }
  std::error_code ignored;
  for (const auto& part : parts) fs::remove(part, ignored);
  // gnuplot's messages, split at the markers printed after each figure.
  std::map<size_t, std::string> messages;
  std::string pending, said_anywhere;
  {
    std::ifstream in(log);
    std::string line;
    while (std::getline(in, line)) {
      size_t k = 0;
      if (std::sscanf(line.c_str(), "AEREPRO_FIGURE_DONE %zu", &k) == 1) {
        messages[k] = pending;
        pending.clear();
      } else if (!line.empty()) {
        pending += line + "\n";
        said_anywhere += line + "\n";
      }
    }
  }
  fs::remove(log, ignored);
  for (size_t k = 0; k < figures.size(); ++k) {
    auto& f = figures[k];
    if (f.script.empty()) continue;
    f.rendered = is_png(dir / f.file);
    if (f.rendered) continue;
    std::string said = messages.count(k) ? messages[k] : said_anywhere;
    while (!said.empty() && (said.back() == '\n' || said.back() == ' ')) said.pop_back();
    f.error = said.empty() ? "gnuplot wrote no image" : "gnuplot wrote no image: " + said;
    fs::remove(dir / f.file, ignored);
  }
}

}  // namespace aerepro::reports
