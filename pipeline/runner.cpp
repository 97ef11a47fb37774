#include "pipeline/runner.hpp"
#include "pipeline/build_model.hpp"
#include "pipeline/file_bytes.hpp"
#include "pipeline/normalize.hpp"
#include "pipeline/parse.hpp"
#include "pipeline/schema.hpp"
#include "pipeline/validate.hpp"

#include <fmt/format.h>

#include <algorithm>

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
    return loaded;
}

LoadedDocument load_document(const fs::path& path, const ResolveOptions& options) {
    auto fail = [&](std::string message) {
        LoadedDocument loaded;
        loaded.path = path;
        loaded.diagnostics.push_back({Severity::error, {}, std::move(message)});
        return loaded;
    };
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return fail("not a regular file");
    auto size = fs::file_size(path, ec);
    if (ec) return fail(fmt::format("cannot read the file: {}", ec.message()));
    if (size > options.limits.max_file_bytes)
        return fail(fmt::format("the file has {} bytes, over the limit of {} (--max-file-size)",
                                size, options.limits.max_file_bytes));
    auto bytes = read_file(path, options.limits.max_file_bytes);
    if (!bytes) return fail("cannot read the file");
    ResolveOptions with_path = options;
    with_path.document = path;
    return load_document_from_bytes(std::move(*bytes), with_path);
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
