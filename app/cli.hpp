// The command line of CLI.md parsed into plain options.
#pragma once

#include "pipeline/limits.hpp"

#include <optional>
#include <string>
#include <vector>

namespace factpress::cli {

enum class Command { none, build, check, styles, report_merge, help, version };

struct CommandLine {
    Command command = Command::none;
    std::vector<std::string> paths;
    std::string out_dir = "out";
    bool pdf = true;
    bool txt = true;
    std::string style = "nato";
    bool brief = false;
    int width = 72;
    int jobs = 0; // 0: number of cores
    std::string report;
    bool draft = false;
    bool force = false;
    int verbosity = 1;                        // 0 quiet, 1 normal, 2 verbose
    std::optional<std::pair<int, int>> shard; // K/N, K from 1
    Limits limits;
};

// Parses argv; on bad usage returns nullopt after printing why to stderr.
std::optional<CommandLine> parse(const std::vector<std::string>& args);

void print_help();

} // namespace factpress::cli
