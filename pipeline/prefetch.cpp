#include "pipeline/prefetch.hpp"
#include "pipeline/declared_language.hpp"
#include "pipeline/document_files.hpp"
#include "pipeline/image_decode.hpp"
#include "pipeline/resolve.hpp"

namespace factpress {
namespace fs = std::filesystem;
namespace {

// A photo's full check, under the same limits resolve applies before decoding anything.
void check_photo(const std::string& bytes, ImageChecks& checks, const Limits& limits) {
    ImageHeader header = probe_image(byte_span(bytes));
    if (header.format == ImageFormat::jpeg && header_problem(header, limits).empty())
        checks.check(byte_span(bytes), header.width, header.components);
}

} // namespace

std::jthread prefetch(const fs::path& source, SharedResources& shared, const Limits& limits) {
    return std::jthread([source, &shared, limits] {
        try {
            DocumentFiles files = read_document_files(source, limits);
            if (!files.source) return;
            if (auto language = declared_language(*files.source); !language.empty())
                shared.hyphenator.patterns(language);
            for (const NamedImage& image : files.images)
                if (image.bytes) check_photo(*image.bytes, shared.checked_images, limits);
        } catch (...) {
            // Only a head start: whatever failed here is done, and reported, by the stages.
        }
    });
}

} // namespace factpress
