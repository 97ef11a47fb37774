// Batch builds: many documents in one process over a thread pool, fail-soft, incremental, with a
// JSON report. Each document is independent (its own libharu document); style, fonts and
// hyphenation patterns are shared read-only.
#pragma once

#include "pipeline/inputs.hpp"
#include "pipeline/render.hpp"

#include <functional>
#include <string>
#include <vector>

namespace factpress {

struct BatchOptions {
    std::filesystem::path out_dir = "out";
    RenderOptions render;
    int jobs = 1;
    bool force = false;
    std::string fingerprint; // style, fonts, version and options: a change rebuilds everything
};

enum class DocumentStatus { ok, failed, up_to_date };

struct DocumentResult {
    InputDocument input;
    DocumentStatus status = DocumentStatus::ok;
    std::vector<std::string> outputs;
    int pages = 0;
    double spacing = 1; // below 1 when the space between blocks was tightened to save a page
    std::vector<StageTiming> timings;
    Diagnostics diagnostics;
};

struct Progress {
    std::size_t done = 0, total = 0, failed = 0;
};

// Builds every input; `report` is called (from one thread at a time) as each document finishes.
std::vector<DocumentResult>
build_batch(const std::vector<InputDocument>& inputs, SharedResources& shared,
            const BatchOptions& options,
            const std::function<void(const DocumentResult&, const Progress&)>& report);

// The JSON report of a run.
std::string report_json(const std::vector<DocumentResult>& results, double seconds);

} // namespace factpress
