// One document from source to outputs: the runner's stages, then layout and the back ends.
#pragma once

#include "output/font_set.hpp"
#include "output/hyphenator.hpp"
#include "output/text_renderer.hpp"
#include "pipeline/runner.hpp"
#include "styles/style.hpp"

#include <cstdint>
#include <ctime>
#include <optional>
#include <vector>

namespace factpress {

// Read-only data shared by every document of a run: loaded once, not once per document.
struct SharedResources {
    Style style;
    FontLibrary library;
    std::unique_ptr<FontSet> fonts;
    Hyphenator hyphenator;
    ImageChecks checked_images;
};

struct RenderOptions {
    bool pdf = true;
    bool txt = true;
    TextOptions text;
    ResolveOptions resolve;
    std::optional<std::time_t> source_date_epoch; // from SOURCE_DATE_EPOCH; else the file's time
    // A run with fewer documents than jobs has a core to spare: a document's JPEG checks run on
    // it while the document is laid out. In a full batch the other documents use that core.
    bool spare_core = false;
};

struct RenderedDocument {
    LoadedDocument loaded;
    std::string pdf;
    std::string text;
    int pages = 0;
    double spacing = 1; // PageLayout::spacing
};

// `files` are the document's own, read with it (read_document_files).
RenderedDocument render_document(DocumentFiles& files, SharedResources& shared,
                                 const RenderOptions& options);

// The same, from bytes in memory (fuzzing); `options.resolve.document` names the file.
RenderedDocument render_bytes(std::string bytes, SharedResources& shared,
                              const RenderOptions& options);

// Lays a loaded document out and writes nothing: adds what a build would report beyond the
// stages up to resolve (characters no font covers, too many pages, something too big for one).
void check_layout(LoadedDocument& loaded, SharedResources& shared, const Limits& limits);

} // namespace factpress
