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
    std::span data(reinterpret_cast<const std::uint8_t*>(bytes->data()), bytes->size());
    ImageHeader header = probe_image(data);
    if (header.format != ImageFormat::jpeg || header.width <= 0 || header.height <= 0 ||
        std::uint64_t(header.width) * std::uint64_t(header.height) > limits.max_image_pixels)
        return;
    checks.check(data, header.width, header.components);
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
