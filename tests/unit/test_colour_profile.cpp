// A figure's colour profile and ink polarity, read from its JPEG segments or PNG chunks.
#include "pipeline/colour_profile.hpp"

#include <doctest/doctest.h>
#include <libdeflate.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

using namespace factpress;

namespace {

using Bytes = std::vector<std::uint8_t>;

void put32(Bytes& bytes, std::size_t at, std::uint32_t value) {
    for (int k = 0; k < 4; ++k)
        bytes[at + k] = static_cast<std::uint8_t>(value >> (24 - 8 * k));
}

// The header of an ICC profile for `space` ("RGB ", "GRAY", "CMYK"), an empty tag table after it.
Bytes profile(const char* space, std::size_t size = 132) {
    Bytes bytes(size, 0);
    put32(bytes, 0, static_cast<std::uint32_t>(size));
    std::memcpy(&bytes[16], space, 4);
    std::memcpy(&bytes[36], "acsp", 4);
    return bytes;
}

Bytes jpeg_with(const std::vector<std::pair<std::uint8_t, Bytes>>& segments) {
    Bytes bytes{0xFF, 0xD8};
    for (const auto& [marker, data] : segments) {
        std::size_t length = data.size() + 2;
        bytes.insert(bytes.end(), {0xFF, marker, std::uint8_t(length >> 8), std::uint8_t(length)});
        bytes.insert(bytes.end(), data.begin(), data.end());
    }
    bytes.insert(bytes.end(), {0xFF, 0xDA});
    return bytes;
}

Bytes icc_part(int number, int count, const Bytes& part) {
    Bytes data{'I', 'C', 'C', '_', 'P', 'R', 'O', 'F', 'I', 'L', 'E', 0};
    data.push_back(std::uint8_t(number));
    data.push_back(std::uint8_t(count));
    data.insert(data.end(), part.begin(), part.end());
    return data;
}

Bytes chunk(const std::string& kind, const Bytes& data) {
    Bytes bytes(8 + data.size());
    put32(bytes, 0, static_cast<std::uint32_t>(data.size()));
    std::memcpy(&bytes[4], kind.data(), 4);
    std::copy(data.begin(), data.end(), bytes.begin() + 8);
    bytes.insert(bytes.end(), 4, 0); // the CRC, which nothing here reads
    return bytes;
}

// A PNG's chunks up to IDAT: IHDR, the `extra` chunks, then an empty IDAT and IEND.
Bytes png_with(const Bytes& extra) {
    Bytes bytes{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    Bytes ihdr = chunk("IHDR", Bytes(13, 0));
    bytes.insert(bytes.end(), ihdr.begin(), ihdr.end());
    bytes.insert(bytes.end(), extra.begin(), extra.end());
    for (const Bytes& tail : {chunk("IDAT", {}), chunk("IEND", {})})
        bytes.insert(bytes.end(), tail.begin(), tail.end());
    return bytes;
}

Bytes iccp(const Bytes& icc) {
    libdeflate_compressor* compressor = libdeflate_alloc_compressor(6);
    Bytes packed(libdeflate_zlib_compress_bound(compressor, icc.size()));
    packed.resize(
        libdeflate_zlib_compress(compressor, icc.data(), icc.size(), packed.data(), packed.size()));
    libdeflate_free_compressor(compressor);
    Bytes data{'i', 'c', 'c', 0, 0};
    data.insert(data.end(), packed.begin(), packed.end());
    return chunk("iCCP", data);
}

Image decoded(ImageFormat format, int channels) {
    Image image;
    image.format = format;
    image.channels = channels;
    return image;
}

} // namespace

TEST_CASE("an ICC profile is whole and for the image's colours, or said what it is not") {
    CHECK(profile_problem(profile("RGB "), 3).empty());
    CHECK(profile_problem(profile("GRAY"), 1).empty());
    CHECK(profile_problem(profile("CMYK"), 4).empty());
    CHECK(profile_problem(profile("RGB "), 1) ==
          "its colour profile is for RGB colours, its samples are GRAY");
    Bytes cut = profile("RGB ", 200);
    cut.resize(150);
    CHECK(profile_problem(cut, 3) == "its colour profile is damaged or cut short");
    Bytes unsigned_profile = profile("RGB ");
    unsigned_profile[36] = 'x';
    CHECK(profile_problem(unsigned_profile, 3) == "its colour profile is damaged or cut short");
    CHECK(profile_problem(Bytes(100, 0), 3) == "its colour profile is damaged or cut short");
}

TEST_CASE("a JPEG's profile is joined from its APP2 parts by their numbers") {
    Bytes whole = profile("RGB ", 300);
    whole[200] = 7;
    Bytes first(whole.begin(), whole.begin() + 100), second(whole.begin() + 100, whole.end());
    Image image = decoded(ImageFormat::jpeg, 3);
    CHECK(read_colour_profile(
              jpeg_with({{0xE2, icc_part(2, 2, second)}, {0xE2, icc_part(1, 2, first)}}), image)
              .empty());
    CHECK(image.colour_profile == whole);
    CHECK_FALSE(image.inverted_inks);

    Image missing = decoded(ImageFormat::jpeg, 3);
    CHECK(read_colour_profile(jpeg_with({{0xE2, icc_part(1, 2, first)}}), missing) ==
          "its colour profile's APP2 segments are missing or repeated");
    CHECK(missing.colour_profile.empty());
    Image repeated = decoded(ImageFormat::jpeg, 3);
    CHECK_FALSE(read_colour_profile(jpeg_with({{0xE2, icc_part(1, 2, first)},
                                               {0xE2, icc_part(1, 2, first)},
                                               {0xE2, icc_part(2, 2, second)}}),
                                    repeated)
                    .empty());
    CHECK(repeated.colour_profile.empty());
}

TEST_CASE("a JPEG's inks are inverted only with Adobe's APP14, and only when there are four") {
    Bytes adobe{'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
    Image cmyk = decoded(ImageFormat::jpeg, 4), plain = decoded(ImageFormat::jpeg, 4),
          rgb = decoded(ImageFormat::jpeg, 3);
    CHECK(read_colour_profile(jpeg_with({{0xEE, adobe}}), cmyk).empty());
    CHECK(read_colour_profile(jpeg_with({{0xE0, {'J', 'F', 'I', 'F', 0}}}), plain).empty());
    CHECK(read_colour_profile(jpeg_with({{0xEE, adobe}}), rgb).empty());
    CHECK(cmyk.inverted_inks);
    CHECK_FALSE(plain.inverted_inks);
    CHECK_FALSE(rgb.inverted_inks);
}

TEST_CASE("a PNG's iCCP profile is used unless decoding corrected the samples' gamma") {
    Bytes icc = profile("RGB ", 400);
    Image image = decoded(ImageFormat::png, 3);
    CHECK(read_colour_profile(png_with(iccp(icc)), image).empty());
    CHECK(image.colour_profile == icc);

    Bytes gamma_one(4); // gAMA 1.0: decoding brings the samples to sRGB
    put32(gamma_one, 0, 100000);
    Bytes chunks = chunk("gAMA", gamma_one), profile_chunk = iccp(icc);
    chunks.insert(chunks.end(), profile_chunk.begin(), profile_chunk.end());
    Image corrected = decoded(ImageFormat::png, 3);
    CHECK(read_colour_profile(png_with(chunks), corrected).empty());
    CHECK(corrected.colour_profile.empty());

    Image palette = decoded(ImageFormat::png, 1); // an index a pixel into RGB colours
    palette.palette = {1, 2, 3};
    CHECK(read_colour_profile(png_with(iccp(icc)), palette).empty());
    CHECK(palette.colour_profile == icc);

    Bytes broken = iccp(icc);
    broken[broken.size() - 10] ^= 0xFF; // in the zlib stream
    Image damaged = decoded(ImageFormat::png, 3);
    CHECK(read_colour_profile(png_with(broken), damaged) ==
          "its colour profile's iCCP chunk is damaged");
    CHECK(damaged.colour_profile.empty());
}
