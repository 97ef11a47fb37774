#include "pipeline/runner.hpp"
#include "pipeline/build_model.hpp"
#include "pipeline/document_files.hpp"
#include "pipeline/normalize.hpp"
#include "pipeline/parse.hpp"
#include "pipeline/schema.hpp"
#include "pipeline/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace factpress {
namespace fs = std::filesystem;

LoadedDocument load_document_from_bytes(std::string bytes, const ResolveOptions& options) {
    LoadedDocument loaded;
    loaded.path = options.document;
    StageClock clock(loaded.timings);
    auto& diagnostics = loaded.diagnostics;
    ParsedDocument parsed = clock.time("parse", [&] {
        return parse(SourceText(options.document.string(), std::move(bytes)), options.limits,
                     diagnostics);
    });
    if (!parsed.tree) return loaded;
    Diagnostics problems = clock.time("validate", [&] { return validate(parsed); });
    diagnostics.insert(diagnostics.end(), problems.begin(), problems.end());
    // An invalid tree is still built (the builder reads it through pugixml's null-safe calls) so
    // that figure problems are reported together with the others; not when it nests too deep
    // for the builder's recursion.
    if (parsed.depth <= schema::max_depth) {
        FactSheet sheet = clock.time("build", [&] { return build_model(parsed); });
        sheet = clock.time("normalize", [&] { return normalize(std::move(sheet)); });
        loaded.sheet =
            clock.time("resolve", [&] { return resolve(std::move(sheet), options, diagnostics); });
    }
    sort_in_source_order(diagnostics);
    loaded.source = std::move(parsed.source);
    return loaded;
}

void place_at_subjects(Diagnostics& diagnostics, const SourceText& source) {
    // Looked for within a reach past its block's start, so that a document of thousands of such
    // diagnostics costs no pass over the whole text for each one.
    constexpr std::size_t reach = 1 << 16;
    for (Diagnostic& diagnostic : diagnostics) {
        if (diagnostic.subject.empty() || diagnostic.position.line == 0) continue;
        std::string_view text = source.bytes();
        std::size_t from = source.offset_of(diagnostic.position);
        std::size_t found =
            text.substr(0, std::min(text.size(), from + reach)).find(diagnostic.subject, from);
        // Not there as written (a character reference, say): the block's position stays.
        if (found != std::string_view::npos) diagnostic.position = source.position_of(found);
        diagnostic.subject.clear();
    }
}

LoadedDocument load_document(DocumentFiles& files, const ResolveOptions& options) {
    ResolveOptions with_files = options;
    with_files.document = files.source_path;
    with_files.files = &files;
    if (!files.source) {
        LoadedDocument loaded;
        loaded.path = files.source_path;
        loaded.diagnostics.push_back({Severity::error, {}, files.source_problem});
        return loaded;
    }
    return load_document_from_bytes(*std::exchange(files.source, std::nullopt), with_files);
}

LoadedDocument load_document(const fs::path& path, const ResolveOptions& options) {
    DocumentFiles files = read_document_files(path, options.limits);
    return load_document(files, options);
}

} // namespace factpress

namespace factpress {

std::string format_diagnostic(const std::string& file, const Diagnostic& d) {
    const char* severity = d.severity == Severity::error ? "error" : "warning";
    if (d.position.line == 0) return fmt::format("{}: {}: {}", file, severity, d.message);
    return fmt::format("{}:{}:{}: {}: {}", file, d.position.line, d.position.column, severity,
                       d.message);
}

} // namespace factpress
