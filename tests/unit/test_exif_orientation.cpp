// The EXIF orientation of a JPEG, read from its APP1 segment before the first scan.
#include "pipeline/exif_orientation.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace factpress;

namespace {

// A JPEG's first bytes: SOI, an APP0 (JFIF), an APP1 holding `exif`, then the start of a scan.
std::vector<std::uint8_t> jpeg_with(const std::string& exif) {
    std::string bytes = "\xFF\xD8\xFF\xE0";
    bytes += std::string("\x00\x07JFIF", 7);
    std::size_t length = exif.size() + 2;
    bytes += "\xFF\xE1";
    bytes += static_cast<char>(length >> 8);
    bytes += static_cast<char>(length & 0xFF);
    bytes += exif + "\xFF\xDA";
    return {bytes.begin(), bytes.end()};
}

// "Exif\0\0" and a TIFF structure whose IFD0 holds the image width, then the orientation, in
// little- or big-endian order.
std::string exif(bool little, int orientation, std::uint16_t type = 3) {
    auto u16 = [little](unsigned v) {
        return little ? std::string{char(v & 0xFF), char(v >> 8)}
                      : std::string{char(v >> 8), char(v & 0xFF)};
    };
    auto u32 = [&](unsigned v) {
        return little ? u16(v & 0xFFFF) + u16(v >> 16) : u16(v >> 16) + u16(v & 0xFFFF);
    };
    std::string tiff = (little ? "II" : "MM") + u16(42) + u32(8) + u16(2);
    tiff += u16(0x0100) + u16(3) + u32(1) + u16(640) + u16(0);            // image width
    tiff += u16(0x0112) + u16(type) + u32(1) + u16(orientation) + u16(0); // orientation
    return std::string("Exif\0\0", 6) + tiff + u32(0);
}

} // namespace

TEST_CASE("the EXIF orientation of a JPEG, in either byte order; 1 when absent or unreadable") {
    for (bool little : {true, false})
        for (int orientation = 1; orientation <= 8; ++orientation) {
            CAPTURE(little);
            CAPTURE(orientation);
            CHECK(exif_orientation(jpeg_with(exif(little, orientation))) == orientation);
        }
    CHECK(exif_orientation(jpeg_with(exif(false, 9))) == 1);               // no such orientation
    CHECK(exif_orientation(jpeg_with(exif(false, 6, 4))) == 1);            // not a SHORT
    CHECK(exif_orientation(jpeg_with(std::string("Exif\0\0MM", 8))) == 1); // cut short
    CHECK(exif_orientation(jpeg_with("XMP data")) == 1);                   // another APP1
    std::vector<std::uint8_t> cut = jpeg_with(exif(true, 6));
    cut.resize(cut.size() - 12); // the segment runs past the end of the file
    CHECK(exif_orientation(cut) == 1);
    CHECK(exif_orientation({}) == 1);
}
