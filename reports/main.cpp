// aerepro-report: a results folder → a report (reports/out/<profile>/index.html, report.md).
//   aerepro-report [--results DIR] [--profile ci] [--bench DIR] [--out DIR]
//   aerepro-report --compare results/ci /tmp/other/ci [--out DIR]
#include "reports/report.h"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
  CLI::App app{"aerepro-report: the grading report of a results folder (no training)"};
  aerepro::reports::ReportCommand command;
  aerepro::reports::add_report_options(app, command);
  CLI11_PARSE(app, argc, argv);
  return aerepro::reports::run_report_command(command, std::cout);
}
