// The commands of the CLI: each returns the process exit status.
#pragma once

#include "app/cli.hpp"

namespace factpress::cli {

int run_check(const CommandLine& line);
int run_build(const CommandLine& line);
int run_styles(const CommandLine& line);
int run_report_merge(const CommandLine& line);

} // namespace factpress::cli
