#include "pipeline/batch.hpp"
#include "pipeline/commit_queue.hpp"
#include "pipeline/document_files.hpp"
#include "pipeline/manifest.hpp"
#include "pipeline/output_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>

namespace factpress {
namespace fs = std::filesystem;
namespace {

std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (unsigned char c : text) {
        if (c == '"' || c == '\\')
            out += '\\', out += static_cast<char>(c);
        else if (c < 0x20)
            out += fmt::format("\\u{:04x}", c);
        else
            out += static_cast<char>(c);
    }
    return out + "\"";
}

// A document rendered, its outputs on their way to the disk but not yet under their names.
struct Built {
    DocumentResult result;
    std::vector<PendingOutput> outputs;
    std::optional<std::pair<std::string, std::uint64_t>> manifest_entry; // once committed
    bool flush_together = false; // a core to spare: the outputs' flushes overlap
};

Built build_one(const InputDocument& input, SharedResources& shared, const BatchOptions& options,
                Manifest& manifest) {
    Built built{{input, DocumentStatus::ok, {}, 0, 1, {}, {}}, {}, {}};
    DocumentResult& result = built.result;
    fs::path pdf = options.out_dir / input.output_stem;
    pdf += ".pdf";
    fs::path txt = options.out_dir / input.output_stem;
    txt += ".txt";
    std::string stem = input.output_stem.generic_string();
    if (!input.same_outputs_as.empty()) { // never one output overwritten by another's
        result.status = DocumentStatus::failed;
        std::string outputs = options.render.pdf && options.render.txt
                                  ? fmt::format("{} and {}", pdf.string(), txt.string())
                                  : (options.render.pdf ? pdf : txt).string();
        result.diagnostics.push_back(
            {Severity::error,
             {},
             fmt::format("not built: {} already has the outputs {}; rename one of the two, or "
                         "build them into different out-dirs",
                         input.same_outputs_as.string(), outputs)});
        return built;
    }
    DocumentFiles files = read_document_files(input.source, options.render.resolve.limits);
    std::uint64_t hash = hash_bytes(options.fingerprint, files.hash());
    std::error_code ec;
    bool outputs_exist = (!options.render.pdf || fs::exists(pdf, ec)) &&
                         (!options.render.txt || fs::exists(txt, ec));
    if (!options.force && outputs_exist && manifest.matches(stem, hash)) {
        result.status = DocumentStatus::up_to_date;
        return built;
    }
    RenderedDocument rendered = render_document(files, shared, options.render);
    result.timings = std::move(rendered.loaded.timings);
    result.diagnostics = std::move(rendered.loaded.diagnostics);
    result.pages = rendered.pages;
    result.spacing = rendered.spacing;
    if (has_errors(result.diagnostics)) {
        result.status = DocumentStatus::failed;
        return built;
    }
    if (options.render.pdf) built.outputs.emplace_back(pdf, std::move(rendered.pdf));
    if (options.render.txt) built.outputs.emplace_back(txt, std::move(rendered.text));
    // Of what was built: with any image the scan before parsing missed, it never matches again.
    built.manifest_entry = {stem, hash_bytes(options.fingerprint, files.hash())};
    built.flush_together = options.render.spare_core;
    return built;
}

// Gives a document's outputs their names once all of them are on disk, then records it in the
// manifest. If one cannot be written, none is named: the earlier PDF and briefing both stay, never
// a new briefing beside an old PDF.
void commit(Built& built, Manifest& manifest) {
    DocumentResult& result = built.result;
    {
        // With a core to spare the flushes overlap: this thread does the first, one each the rest.
        std::size_t here = built.flush_together ? 1 : built.outputs.size();
        std::vector<std::jthread> others;
        for (std::size_t k = here; k < built.outputs.size(); ++k)
            others.emplace_back([&output = built.outputs[k]] { output.flush(); });
        for (std::size_t k = 0; k < here && k < built.outputs.size(); ++k)
            built.outputs[k].flush();
    }
    auto fail = [&](const std::string& error) {
        result.status = DocumentStatus::failed;
        for (const Diagnostic& said : result.diagnostics)
            if (said.message == error) return; // both outputs in one unusable folder: said once
        result.diagnostics.push_back({Severity::error, {}, error});
    };
    if (!std::ranges::all_of(built.outputs, &PendingOutput::ok)) {
        for (const PendingOutput& output : built.outputs)
            if (!output.ok()) fail(output.error());
    } else {
        for (PendingOutput& output : built.outputs)
            if (std::string error = output.commit(); error.empty())
                result.outputs.push_back(output.path().string());
            else
                fail(error);
    }
    built.outputs.clear();
    if (result.status == DocumentStatus::ok && built.manifest_entry)
        manifest.record(built.manifest_entry->first, built.manifest_entry->second);
}

} // namespace

std::vector<DocumentResult>
build_batch(const std::vector<InputDocument>& inputs, SharedResources& shared,
            const BatchOptions& options,
            const std::function<void(const DocumentResult&, const Progress&)>& report) {
    Manifest manifest(options.out_dir);
    BatchOptions run = options;
    run.render.spare_core = options.jobs > static_cast<int>(inputs.size());
    std::vector<DocumentResult> results(inputs.size());
    std::atomic<std::size_t> next{0};
    std::mutex report_mutex;
    Progress progress{0, inputs.size(), 0};
    using Item = std::pair<std::size_t, Built>;
    auto finish = [&](Item& item) {
        auto& [i, built] = item;
        commit(built, manifest);
        results[i] = std::move(built.result);
        std::lock_guard lock(report_mutex);
        ++progress.done;
        if (results[i].status == DocumentStatus::failed) ++progress.failed;
        if (report) report(results[i], progress);
    };
    int jobs = std::max(1, std::min<int>(options.jobs, static_cast<int>(inputs.size())));
    {
        // As many committing threads as rendering ones: their fsyncs overlap (the block layer
        // merges the flushes of concurrent ones). Leaving this block commits what is left.
        CommitQueue<Item> committed(jobs, 2 * static_cast<std::size_t>(jobs), finish);
        auto worker = [&] {
            for (std::size_t i = next++; i < inputs.size(); i = next++)
                committed.push({i, build_one(inputs[i], shared, run, manifest)});
        };
        std::vector<std::jthread> threads;
        for (int j = 1; j < jobs; ++j)
            threads.emplace_back(worker);
        worker();
    }
    manifest.save();
    return results;
}

std::string report_json(const std::vector<DocumentResult>& results, double seconds) {
    std::string json = "{\n  \"documents\": [\n";
    std::size_t failed = 0, built = 0, skipped = 0;
    for (std::size_t i = 0; i < results.size(); ++i) {
        const DocumentResult& r = results[i];
        const char* status = r.status == DocumentStatus::ok       ? "ok"
                             : r.status == DocumentStatus::failed ? "failed"
                                                                  : "up-to-date";
        failed += r.status == DocumentStatus::failed;
        built += r.status == DocumentStatus::ok;
        skipped += r.status == DocumentStatus::up_to_date;
        json +=
            fmt::format("    {{\"source\": {}, \"status\": \"{}\", \"pages\": {}, \"spacing\": {}, "
                        "\"outputs\": [",
                        json_string(r.input.source.string()), status, r.pages, r.spacing);
        for (std::size_t k = 0; k < r.outputs.size(); ++k)
            json += (k ? ", " : "") + json_string(r.outputs[k]);
        json += "], \"timings_ms\": {";
        for (std::size_t k = 0; k < r.timings.size(); ++k)
            json += fmt::format("{}{}: {:.3f}", k ? ", " : "", json_string(r.timings[k].stage),
                                r.timings[k].milliseconds);
        json += "}, \"diagnostics\": [";
        for (std::size_t k = 0; k < r.diagnostics.size(); ++k) {
            const Diagnostic& d = r.diagnostics[k];
            json += fmt::format("{}{{\"severity\": \"{}\", \"file\": {}, \"line\": {}, \"column\": "
                                "{}, \"message\": {}}}",
                                k ? ", " : "", d.severity == Severity::error ? "error" : "warning",
                                json_string(r.input.source.string()), d.position.line,
                                d.position.column, json_string(d.message));
        }
        json += fmt::format("]}}{}\n", i + 1 < results.size() ? "," : "");
    }
    json += fmt::format("  ],\n  \"totals\": {{\"documents\": {}, \"built\": {}, \"up_to_date\": "
                        "{}, \"failed\": {}, \"seconds\": {:.3f}}}\n}}\n",
                        results.size(), built, skipped, failed, seconds);
    return json;
}

} // namespace factpress
