#include "app/commands.hpp"
#include "app/memory_tuning.hpp"
#include "app/program_identity.hpp"
#include "pipeline/batch.hpp"
#include "pipeline/file_bytes.hpp"
#include "pipeline/inputs.hpp"
#include "pipeline/manifest.hpp"
#include "pipeline/output_file.hpp"
#include "pipeline/prefetch.hpp"
#include "pipeline/runner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>
#include <unistd.h>

namespace factpress::cli {

std::optional<std::vector<InputDocument>> inputs_of(const CommandLine& line) {
    std::string missing;
    std::vector<std::string> empty_folders;
    auto inputs = collect_inputs(line.paths, missing, empty_folders);
    if (!inputs) {
        fmt::print(stderr, "factpress: no such file or folder: {}\n", missing);
        return std::nullopt;
    }
    if (line.verbosity > 0) // a mistyped folder should not pass for an empty batch
        for (const auto& folder : empty_folders)
            fmt::print(stderr, "factpress: warning: no .xml files in {}\n", folder);
    if (line.shard) return select_shard(std::move(*inputs), line.shard->first, line.shard->second);
    return inputs;
}

void print_diagnostics(const std::string& file, const Diagnostics& diagnostics, int verbosity) {
    for (const auto& d : diagnostics)
        if (d.severity == Severity::error || verbosity > 0)
            fmt::print(stderr, "{}\n", format_diagnostic(file, d));
}

} // namespace factpress::cli

namespace factpress::cli {
namespace {

std::optional<std::time_t> source_date_epoch() {
    const char* value = std::getenv("SOURCE_DATE_EPOCH");
    if (!value || !*value) return std::nullopt;
    char* end = nullptr;
    long long seconds = std::strtoll(value, &end, 10);
    if (*end != '\0' || seconds < 0) return std::nullopt;
    return static_cast<std::time_t>(seconds);
}

// Everything besides the document that decides the outputs' bytes.
std::string fingerprint(const CommandLine& line, const SharedResources& shared) {
    std::string print =
        fmt::format("factpress {}|{}|{}|{}|{}|{}|{}", FACTPRESS_VERSION, line.pdf, line.txt,
                    line.brief, line.width, line.draft, line.limits.max_pages);
    print += "|" + program_identity();
    // The date inside the PDF: SOURCE_DATE_EPOCH's, else each source file's own time.
    if (auto epoch = source_date_epoch()) print += fmt::format("|epoch {}", *epoch);
    for (const auto& file : shared.style.files)
        print += fmt::format("|{:x}", hash_bytes(read_file(file).value_or("")));
    for (const auto& path : shared.fonts->paths()) {
        std::error_code ec;
        print += fmt::format("|{}:{}", path.string(), std::filesystem::file_size(path, ec));
    }
    return print;
}

// A style sheet kept beside the sheets it styles is found with them in their folder: the one in
// use (or one it extends) is no fact sheet to build, and is said to be left out.
void drop_style_sheets(std::vector<InputDocument>& inputs, const Style& style, int verbosity) {
    std::error_code ec;
    std::erase_if(inputs, [&](const InputDocument& input) {
        bool style_sheet = input.found_in_folder && std::ranges::any_of(style.files, [&](auto& f) {
                               return std::filesystem::equivalent(f, input.source, ec);
                           });
        if (style_sheet && verbosity > 0)
            fmt::print(stderr,
                       "factpress: {} is the style sheet in use, not a fact sheet: left out\n",
                       input.source.string());
        return style_sheet;
    });
}

// Why outputs cannot go into `out_dir`, when that is plain before any document is built: it, or
// the nearest of its folders that exists, is a file. Empty when it looks usable; nothing is
// created here, so that a run whose documents all fail leaves no folder behind.
std::string out_dir_problem(const std::filesystem::path& out_dir) {
    std::error_code ec;
    std::filesystem::path existing = out_dir;
    while (!existing.empty() && !std::filesystem::exists(existing, ec))
        existing = existing.has_relative_path() ? existing.parent_path() : std::filesystem::path();
    if (existing.empty() || std::filesystem::is_directory(existing, ec)) return {};
    return existing == out_dir ? "it is a file, not a folder"
                               : fmt::format("{} is a file, not a folder", existing.string());
}

// The style and its fonts into `shared`; false (after saying why) when they cannot be used.
bool load_shared(const CommandLine& line, SharedResources& shared) {
    auto loaded = load_style(line.style);
    if (!loaded.style) {
        print_diagnostics(loaded.file, loaded.diagnostics, 1);
        fmt::print(stderr,
                   "factpress: cannot use style '{}' (bundled styles: nato, letter, plain)\n",
                   line.style);
        return false;
    }
    shared.style = std::move(*loaded.style);
    std::vector<std::string> problems;
    shared.fonts = std::make_unique<FontSet>(shared.style, shared.library, problems);
    for (const auto& problem : problems)
        fmt::print(stderr, "{}: warning: {}\n", loaded.file, problem);
    if (shared.fonts->paths().empty()) {
        fmt::print(stderr, "factpress: style '{}' has no usable font\n", line.style);
        return false;
    }
    return true;
}

class ProgressLine {
  public:
    explicit ProgressLine(bool enabled)
        : enabled_(enabled && ::isatty(2)), start_(std::chrono::steady_clock::now()) {}
    // Redrawn ten times a second at most (a batch finishes hundreds of documents a second, too
    // many lines for a terminal over ssh), and at once after `cleared` it for diagnostics.
    void update(const Progress& p, bool cleared) {
        if (!enabled_) return;
        auto now = std::chrono::steady_clock::now();
        if (!cleared && p.done != p.total && now - drawn_ < std::chrono::milliseconds(100)) return;
        drawn_ = now;
        double seconds = std::chrono::duration<double>(now - start_).count();
        double rate = seconds > 0 ? p.done / seconds : 0;
        double eta = rate > 0 ? (p.total - p.done) / rate : 0;
        fmt::print(stderr, "\r\033[K[{}/{}] {} failed, {:.1f} documents/s, ETA {:.0f} s", p.done,
                   p.total, p.failed, rate, eta);
        if (p.done == p.total) fmt::print(stderr, "\n");
    }
    bool enabled() const { return enabled_; }

  private:
    bool enabled_;
    std::chrono::steady_clock::time_point start_, drawn_;
};

} // namespace

int run_build(const CommandLine& line) {
    auto inputs = inputs_of(line);
    if (!inputs) return 2;
    if (std::string problem = out_dir_problem(line.out_dir); !problem.empty()) {
        fmt::print(stderr, "factpress: cannot use out-dir {}: {}\n", line.out_dir, problem);
        return 2;
    }
    int jobs = line.jobs > 0 ? line.jobs
                             : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    auto shared = std::make_unique<SharedResources>();
    std::jthread head_start; // a lone document's patterns and photo checks, on the idle core
    if (static_cast<std::size_t>(jobs) > inputs->size() && inputs->size() == 1) {
        use_one_arena();
        head_start = prefetch(inputs->front().source, *shared, line.limits);
    }
    if (!load_shared(line, *shared)) return 2;
    drop_style_sheets(*inputs, shared->style, line.verbosity);
    BatchOptions options;
    options.out_dir = line.out_dir;
    options.render.pdf = line.pdf;
    options.render.txt = line.txt;
    options.render.text = {line.width, line.brief, shared->style.labels};
    options.render.resolve = {{}, line.draft, line.limits};
    options.render.source_date_epoch = source_date_epoch();
    options.jobs = jobs;
    options.force = line.force;
    options.fingerprint = fingerprint(line, *shared);
    ProgressLine progress(line.verbosity > 0 && inputs->size() > 1);
    auto start = std::chrono::steady_clock::now();
    auto results =
        build_batch(*inputs, *shared, options, [&](const DocumentResult& r, const Progress& p) {
            bool clear = progress.enabled() && (!r.diagnostics.empty() || line.verbosity > 1);
            if (clear) fmt::print(stderr, "\r\033[K");
            print_diagnostics(r.input.source.string(), r.diagnostics, line.verbosity);
            if (line.verbosity > 1) {
                for (const auto& t : r.timings)
                    fmt::print(stderr, "  {:<10} {:8.3f} ms\n", t.stage, t.milliseconds);
                if (r.spacing < 1)
                    fmt::print(
                        stderr,
                        "  spacing    {:.0f}% of the style's between blocks, to save a page\n",
                        r.spacing * 100);
            }
            progress.update(p, clear);
        });
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::size_t failed = 0;
    for (const auto& r : results)
        failed += r.status == DocumentStatus::failed;
    if (!line.report.empty()) {
        std::string json = report_json(results, seconds);
        if (auto error = write_atomically(line.report, std::move(json)); !error.empty())
            fmt::print(stderr, "factpress: {}\n", error);
    }
    if (line.verbosity > 0 && results.size() > 1)
        fmt::print(stderr, "{} documents, {} failed, {:.2f} s\n", results.size(), failed, seconds);
    return failed ? 1 : 0;
}

int run_check(const CommandLine& line) {
    auto inputs = inputs_of(line);
    if (!inputs) return 2;
    // The style's fonts too: a character none of them covers is reported as build reports it.
    auto shared = std::make_unique<SharedResources>();
    if (!load_shared(line, *shared)) return 2;
    drop_style_sheets(*inputs, shared->style, line.verbosity);
    ResolveOptions options{{}, line.draft, line.limits};
    int failed = 0;
    for (const auto& input : *inputs) {
        LoadedDocument loaded = load_document(input.source, options);
        check_layout(loaded, *shared, line.limits);
        print_diagnostics(input.source.string(), loaded.diagnostics, line.verbosity);
        if (!loaded.ok()) ++failed;
        if (line.verbosity > 1)
            for (const auto& t : loaded.timings)
                fmt::print(stderr, "  {:<10} {:8.3f} ms\n", t.stage, t.milliseconds);
    }
    if (line.verbosity > 0 && inputs->size() > 1)
        fmt::print(stderr, "{} documents checked, {} failed\n", inputs->size(), failed);
    return failed ? 1 : 0;
}

// Joins shard reports: our report writes one document per line, so lines are merged as they are.
int run_report_merge(const CommandLine& line) {
    std::vector<std::string> documents;
    std::size_t built = 0, skipped = 0, failed = 0;
    double seconds = 0;
    for (const auto& path : line.paths) {
        std::ifstream in(path);
        if (!in) {
            fmt::print(stderr, "factpress: cannot read report {}\n", path);
            return 2;
        }
        std::string row;
        while (std::getline(in, row)) {
            if (row.starts_with("    {\"source\"")) {
                if (!row.ends_with(",")) row += ",";
                documents.push_back(row);
                built += row.find("\"status\": \"ok\"") != std::string::npos;
                skipped += row.find("\"status\": \"up-to-date\"") != std::string::npos;
                failed += row.find("\"status\": \"failed\"") != std::string::npos;
            } else if (auto at = row.find("\"seconds\": "); at != std::string::npos) {
                seconds = std::max(seconds, std::strtod(row.c_str() + at + 11, nullptr));
            }
        }
    }
    if (!documents.empty()) documents.back().pop_back();
    fmt::print("{{\n  \"documents\": [\n");
    for (const auto& row : documents)
        fmt::print("{}\n", row);
    fmt::print("  ],\n  \"totals\": {{\"documents\": {}, \"built\": {}, \"up_to_date\": {}, "
               "\"failed\": {}, \"seconds\": {:.3f}}}\n}}\n",
               documents.size(), built, skipped, failed, seconds);
    return 0;
}

int run_styles(const CommandLine&) {
    for (const auto& name : bundled_style_names()) {
        auto loaded = load_style(name);
        std::string size = loaded.style ? loaded.style->text("page", "size", "A4") : "unavailable";
        fmt::print("{:<8} {:<7} {}\n", name, size,
                   (bundled_style_dir() / (name + ".xml")).string());
    }
    return 0;
}

} // namespace factpress::cli
