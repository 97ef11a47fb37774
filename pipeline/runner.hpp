// The runner: chains parse, validate, build, normalize and resolve for one document, timing each
// stage and collecting every diagnostic.
#pragma once

#include "model/fact_sheet.hpp"
#include "pipeline/document_files.hpp"
#include "pipeline/resolve.hpp"
#include "pipeline/source_text.hpp"

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace factpress {

struct StageTiming {
    std::string stage;
    double milliseconds = 0;
};

class StageClock {
  public:
    explicit StageClock(std::vector<StageTiming>& timings) : timings_(timings) {}
    template <typename F> auto time(std::string stage, F&& work) {
        auto start = std::chrono::steady_clock::now();
        struct Record {
            StageClock& clock;
            std::string stage;
            std::chrono::steady_clock::time_point start;
            ~Record() {
                std::chrono::duration<double, std::milli> spent =
                    std::chrono::steady_clock::now() - start;
                clock.timings_.push_back({std::move(stage), spent.count()});
            }
        } record{*this, std::move(stage), start};
        return work();
    }

  private:
    std::vector<StageTiming>& timings_;
};

struct LoadedDocument {
    std::filesystem::path path;
    SourceText source; // for the diagnostics of later stages (place_at_subjects)
    FactSheet sheet;
    Diagnostics diagnostics;
    std::vector<StageTiming> timings;
    bool ok() const { return !has_errors(diagnostics); }
};

// Moves each diagnostic that names a subject to where the subject first appears in `source` at
// or after the diagnostic's position (a character no font covers, reported by its paragraph).
void place_at_subjects(Diagnostics& diagnostics, const SourceText& source);

// Reads and runs every stage up to resolve; on errors, `sheet` is whatever could be built.
LoadedDocument load_document(const std::filesystem::path& path, const ResolveOptions& options);

// The same from the document's files already read; the parse stage takes the source's bytes.
LoadedDocument load_document(DocumentFiles& files, const ResolveOptions& options);

// The same from bytes already in memory (fuzzing, tests); `options.document` names the file.
LoadedDocument load_document_from_bytes(std::string bytes, const ResolveOptions& options);

} // namespace factpress

namespace factpress {

// "FILE:LINE:COLUMN: error: MESSAGE" (or "FILE: error: MESSAGE" without a position).
std::string format_diagnostic(const std::string& file, const Diagnostic& diagnostic);

} // namespace factpress
