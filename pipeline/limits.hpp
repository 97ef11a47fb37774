// Resource limits: each has a documented default that a command-line option can change.
#pragma once

#include <cstddef>
#include <cstdint>

namespace factpress {

struct Limits {
    std::size_t max_file_bytes = 16u << 20;      // --max-file-size
    std::size_t max_nodes = 200'000;             // --max-nodes
    std::size_t max_image_bytes = 32u << 20;     // --max-image-size
    std::uint64_t max_image_pixels = 50'000'000; // --max-image-pixels
    int max_pages = 500;                         // --max-pages
    double max_seconds = 60.0;                   // --timeout, per document
};

} // namespace factpress
