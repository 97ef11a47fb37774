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

void render_outputs(RenderedDocument& result, SharedResources& shared, const RenderOptions& options,
                    const Deadline& deadline) {
    LoadedDocument& loaded = result.loaded;
    if (!loaded.ok()) return;
    StageClock clock(loaded.timings);
    try {
        if (options.pdf) {
            LayoutOptions layout_options{options.resolve.limits.max_pages, deadline};
            PageLayout pages = clock.time("layout", [&] {
                return layout(loaded.sheet, shared.style, *shared.fonts, shared.hyphenator,
                              layout_options, loaded.diagnostics);
            });
            result.pages = static_cast<int>(pages.pages.size());
            PdfOptions pdf_options{document_date(loaded.path, options)};
            result.pdf = clock.time("pdf", [&] { return render_pdf(pages, pdf_options); });
            deadline.check();
        }
        if (options.txt)
            result.text =
                clock.time("text", [&] { return render_text(loaded.sheet, options.text); });
    } catch (const TimeLimitExceeded& error) {
        loaded.diagnostics.push_back({Severity::error, {}, error.what()});
    } catch (const PageLimitExceeded& error) {
        loaded.diagnostics.push_back({Severity::error, {}, error.what()});
    } catch (const DoesNotFit& error) {
        loaded.diagnostics.push_back({Severity::error, {}, error.what()});
    } catch (const PdfError& error) {
        loaded.diagnostics.push_back(
            {Severity::error, {}, fmt::format("PDF output failed: {}", error.what())});
    }
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

RenderedDocument render_bytes(std::string bytes, SharedResources& shared,
                              const RenderOptions& options) {
    RenderedDocument result;
    Deadline deadline(options.resolve.limits.max_seconds);
    result.loaded = load_document_from_bytes(std::move(bytes), options.resolve);
    render_outputs(result, shared, options, deadline);
    return result;
}

} // namespace factpress
