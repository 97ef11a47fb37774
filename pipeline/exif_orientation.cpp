#include "pipeline/exif_orientation.hpp"
#include "pipeline/jpeg_segments.hpp"

#include <cstring>

namespace factpress {
namespace {

// TIFF's orientation tag (0x0112) in IFD0 of the TIFF structure `tiff` holds.
int orientation_in_tiff(std::span<const std::uint8_t> tiff) {
    if (tiff.size() < 8) return 1;
    bool little = tiff[0] == 'I' && tiff[1] == 'I';
    if (!little && !(tiff[0] == 'M' && tiff[1] == 'M')) return 1;
    auto u16 = [&](std::size_t at) -> unsigned {
        return little ? tiff[at] | (tiff[at + 1] << 8) : (tiff[at] << 8) | tiff[at + 1];
    };
    auto u32 = [&](std::size_t at) -> std::uint32_t {
        return little ? u16(at) | (std::uint32_t(u16(at + 2)) << 16)
                      : (std::uint32_t(u16(at)) << 16) | u16(at + 2);
    };
    if (u16(2) != 42) return 1;
    std::uint32_t ifd = u32(4);
    if (ifd > tiff.size() - 2) return 1;
    unsigned entries = u16(ifd);
    for (unsigned k = 0; k < entries; ++k) {
        std::size_t entry = ifd + 2 + std::size_t(k) * 12;
        if (entry + 12 > tiff.size()) return 1;
        if (u16(entry) != 0x0112) continue;
        unsigned type = u16(entry + 2), value = u16(entry + 8); // a SHORT, held in the entry
        return type == 3 && value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
    }
    return 1;
}

} // namespace

int exif_orientation(std::span<const std::uint8_t> jpeg) {
    int orientation = 1;
    visit_jpeg_segments(jpeg, [&](std::uint8_t marker, std::span<const std::uint8_t> data) {
        bool exif =
            marker == 0xE1 && data.size() >= 6 && std::memcmp(data.data(), "Exif\0\0", 6) == 0;
        if (exif) orientation = orientation_in_tiff(data.subspan(6));
        return !exif;
    });
    return orientation;
}

} // namespace factpress
