// factpress: the command-line entry point.
#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/memory_tuning.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
    using namespace factpress::cli;
    tune_memory();
    try {
        auto line = parse(std::vector<std::string>(argv + 1, argv + argc));
        if (!line) return 2;
        switch (line->command) {
        case Command::help:
            print_help();
            return 0;
        case Command::version:
            fmt::print("factpress {}\n", FACTPRESS_VERSION);
            return 0;
        case Command::check:
            return run_check(*line);
        case Command::build:
            return run_build(*line);
        case Command::styles:
            return run_styles(*line);
        case Command::report_merge:
            return run_report_merge(*line);
        case Command::none:
            break;
        }
        return 2;
    } catch (const std::exception& error) {
        fmt::print(stderr, "factpress: internal error: {}\n", error.what());
        return 1;
    }
}
