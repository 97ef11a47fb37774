// Walking a JPEG's marker segments before its first scan, where its header and metadata are: the
// frame header (size, colour components) and APP1's EXIF (orientation) are read this way.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>

namespace factpress {

// Calls `visit(marker, data)` for each segment after SOI, in order, `data` being the bytes after
// its length field (cut short where the file ends); stops where `visit` returns false, at the
// first scan or the end of the image, and at anything that is not a segment.
template <typename Visit> void visit_jpeg_segments(std::span<const std::uint8_t> b, Visit visit) {
    if (b.size() < 2 || b[0] != 0xFF || b[1] != 0xD8) return;
    for (std::size_t pos = 2; pos + 4 <= b.size();) {
        if (b[pos] != 0xFF) return;
        std::uint8_t marker = b[pos + 1];
        if (marker == 0xFF) { // fill byte
            ++pos;
            continue;
        }
        if (marker == 0xDA || marker == 0xD9) return;
        std::size_t length = (std::size_t(b[pos + 2]) << 8) | b[pos + 3];
        if (length < 2) return;
        std::size_t start = pos + 4, end = std::min(pos + 2 + length, b.size());
        if (!visit(marker, b.subspan(start, end - start))) return;
        pos += 2 + length;
    }
}

} // namespace factpress
