#include "pipeline/prefetch.hpp"
#include "pipeline/declared_language.hpp"
#include "pipeline/file_bytes.hpp"
#include "pipeline/image_decode.hpp"
#include "pipeline/resolve.hpp"

namespace factpress {
namespace fs = std::filesystem;
namespace {

// A photo's full check, under the same limits resolve applies before decoding anything.
void check_photo(const fs::path& file, ImageChecks& checks, const Limits& limits) {
    auto bytes = read_file(file, limits.max_image_bytes);
    if (!bytes) return;
    ImageHeader header = probe_image(byte_span(*bytes));
    if (header.format == ImageFormat::jpeg && header_problem(header, limits).empty())
        checks.check(byte_span(*bytes), header.width, header.components);
}

} // namespace

std::jthread prefetch(const fs::path& source, SharedResources& shared, const Limits& limits) {
    return std::jthread([source, &shared, limits] {
        try {
            auto text = read_file(source, limits.max_file_bytes);
            if (!text) return;
            if (auto language = declared_language(*text); !language.empty())
                shared.hyphenator.patterns(language);
            for (const fs::path& file : files_named_by_src(*text, document_folder(source)))
                if (!file.empty()) check_photo(file, shared.checked_images, limits);
        } catch (...) {
            // Only a head start: whatever failed here is done, and reported, by the stages.
        }
    });
}

} // namespace factpress
