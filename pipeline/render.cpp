#include "pipeline/render.hpp"
#include "output/flow.hpp"
#include "output/layout.hpp"
#include "output/pdf_document.hpp"
#include "output/pdf_renderer.hpp"

#include <fmt/format.h>

#include <sys/stat.h>

namespace factpress {
namespace fs = std::filesystem;
namespace {

std::time_t document_date(const fs::path& source, const RenderOptions& options) {
    if (options.source_date_epoch) return *options.source_date_epoch;
    struct stat info {};
    if (::stat(source.c_str(), &info) != 0) return 0;
    return info.st_mtime;
}

// Runs `work`, a document's layout or output, turning what the document can cause into errors
// of its own: too slow, too many pages, something bigger than a page, a PDF libharu refuses.
template <typename Work> void reporting_errors(Diagnostics& diagnostics, Work&& work) {
    try {
        work();
    } catch (const TimeLimitExceeded& error) {
        diagnostics.push_back({Severity::error, {}, error.what()});
    } catch (const PageLimitExceeded& error) {
        diagnostics.push_back({Severity::error, {}, error.what()});
    } catch (const DoesNotFit& error) {
        diagnostics.push_back({Severity::error, error.position, error.what()});
    } catch (const PdfError& error) {
        diagnostics.push_back(
            {Severity::error, {}, fmt::format("PDF output failed: {}", error.what())});
    }
}

PageLayout lay_out(LoadedDocument& loaded, SharedResources& shared, const Limits& limits,
                   const Deadline& deadline) {
    StageClock clock(loaded.timings);
    LayoutOptions options{limits.max_pages, deadline};
    PageLayout pages = clock.time("layout", [&] {
        return layout(loaded.sheet, shared.style, *shared.fonts, shared.hyphenator, options,
                      loaded.diagnostics);
    });
    place_at_subjects(loaded.diagnostics, loaded.source);
    return pages;
}

void render_outputs(RenderedDocument& result, SharedResources& shared, const RenderOptions& options,
                    const Deadline& deadline) {
    LoadedDocument& loaded = result.loaded;
    if (!loaded.ok()) return;
    StageClock clock(loaded.timings);
    reporting_errors(loaded.diagnostics, [&] {
        if (options.pdf) {
            PageLayout pages = lay_out(loaded, shared, options.resolve.limits, deadline);
            result.pages = static_cast<int>(pages.pages.size());
            result.spacing = pages.spacing;
            PdfOptions pdf_options{document_date(loaded.path, options)};
            result.pdf = clock.time("pdf", [&] { return render_pdf(pages, pdf_options); });
            deadline.check();
        }
        if (options.txt)
            result.text =
                clock.time("text", [&] { return render_text(loaded.sheet, options.text); });
    });
}

} // namespace

RenderedDocument render_document(DocumentFiles& files, SharedResources& shared,
                                 const RenderOptions& options) {
    RenderedDocument result;
    Deadline deadline(options.resolve.limits.max_seconds);
    ResolveOptions resolve = options.resolve;
    resolve.checked_images = &shared.checked_images;
    DeferredImageChecks deferred(shared.checked_images);
    if (options.spare_core) resolve.deferred_checks = &deferred;
    result.loaded = load_document(files, resolve);
    deferred.start();
    render_outputs(result, shared, options, deadline);
    deferred.settle(result.loaded.diagnostics);
    if (!result.loaded.ok()) { // a photo found damaged late: no outputs, as for any error
        result.pdf.clear();
        result.text.clear();
    }
    return result;
}

void check_layout(LoadedDocument& loaded, SharedResources& shared, const Limits& limits) {
    if (!loaded.ok()) return;
    Deadline deadline(limits.max_seconds);
    reporting_errors(loaded.diagnostics, [&] { lay_out(loaded, shared, limits, deadline); });
}

RenderedDocument render_bytes(std::string bytes, SharedResources& shared,
                              const RenderOptions& options) {
    RenderedDocument result;
    Deadline deadline(options.resolve.limits.max_seconds);
    result.loaded = load_document_from_bytes(std::move(bytes), options.resolve);
    render_outputs(result, shared, options, deadline);
    return result;
}

} // namespace factpress
