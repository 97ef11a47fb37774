#include "app/commands.hpp"
#include "pipeline/inputs.hpp"
#include "pipeline/runner.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace factpress::cli {

std::optional<std::vector<InputDocument>> inputs_of(const CommandLine& line) {
    std::string missing;
    auto inputs = collect_inputs(line.paths, missing);
    if (!inputs) {
        fmt::print(stderr, "factpress: no such file or folder: {}\n", missing);
        return std::nullopt;
    }
    if (line.shard) return select_shard(std::move(*inputs), line.shard->first, line.shard->second);
    return inputs;
}

void print_diagnostics(const std::string& file, const Diagnostics& diagnostics, int verbosity) {
    for (const auto& d : diagnostics)
        if (d.severity == Severity::error || verbosity > 0) fmt::print(stderr, "{}\n", format_diagnostic(file, d));
}

int run_check(const CommandLine& line) {
    auto inputs = inputs_of(line);
    if (!inputs) return 2;
    ResolveOptions options{{}, line.draft, line.limits};
    int failed = 0;
    for (const auto& input : *inputs) {
        LoadedDocument loaded = load_document(input.source, options);
        print_diagnostics(input.source.string(), loaded.diagnostics, line.verbosity);
        if (!loaded.ok()) ++failed;
        if (line.verbosity > 1)
            for (const auto& t : loaded.timings) fmt::print(stderr, "  {:<10} {:8.3f} ms\n", t.stage, t.milliseconds);
    }
    if (line.verbosity > 0 && inputs->size() > 1)
        fmt::print(stderr, "{} documents checked, {} failed\n", inputs->size(), failed);
    return failed ? 1 : 0;
}

} // namespace factpress::cli

namespace factpress::cli {
int run_build(const CommandLine&) { return 2; }
int run_styles(const CommandLine&) { return 0; }
int run_report_merge(const CommandLine&) { return 2; }
} // namespace factpress::cli
