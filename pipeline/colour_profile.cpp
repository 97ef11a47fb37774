#include "pipeline/colour_profile.hpp"
#include "pipeline/jpeg_segments.hpp"
#include "pipeline/png_chunks.hpp"

#include <fmt/format.h>
#include <libdeflate.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>

namespace factpress {
namespace {

// A profile is a few kilobytes (sRGB, Adobe RGB) to a few megabytes (a press's CMYK tables).
constexpr std::size_t largest_profile = 16 << 20;

struct JpegColour {
    bool adobe = false;
    std::vector<std::uint8_t> profile;
    std::string problem;
};

// APP2 "ICC_PROFILE\0", sequence number (from 1), count, then that part of the profile.
JpegColour jpeg_colour(std::span<const std::uint8_t> jpeg) {
    JpegColour colour;
    constexpr std::string_view icc_tag{"ICC_PROFILE\0", 12};
    std::vector<std::span<const std::uint8_t>> parts;
    bool parts_agree = true;
    visit_jpeg_segments(jpeg, [&](std::uint8_t marker, std::span<const std::uint8_t> data) {
        if (marker == 0xEE && data.size() >= 5 && std::memcmp(data.data(), "Adobe", 5) == 0)
            colour.adobe = true;
        if (marker == 0xE2 && data.size() >= 14 &&
            std::memcmp(data.data(), icc_tag.data(), icc_tag.size()) == 0) {
            std::size_t number = data[12], count = data[13];
            if (parts.empty()) parts.resize(count);
            if (count != parts.size() || number == 0 || number > count ||
                !parts[number - 1].empty())
                parts_agree = false;
            else
                parts[number - 1] = data.subspan(14);
        }
        return true;
    });
    if (parts.empty()) return colour;
    bool whole = parts_agree &&
                 std::none_of(parts.begin(), parts.end(), [](auto part) { return part.empty(); });
    if (!whole) {
        colour.problem = "its colour profile's APP2 segments are missing or repeated";
        return colour;
    }
    for (auto part : parts)
        colour.profile.insert(colour.profile.end(), part.begin(), part.end());
    return colour;
}

struct DecompressorDeleter {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

// iCCP: a name (1 to 79 bytes), a zero, the compression method (0: zlib), the zlib stream.
std::string inflate_iccp(std::span<const std::uint8_t> data, std::vector<std::uint8_t>& profile) {
    auto name_end = std::find(data.begin(), data.end(), 0);
    if (name_end == data.end() || name_end + 2 > data.end() || name_end[1] != 0)
        return "its colour profile's iCCP chunk is damaged";
    auto stream = data.subspan(static_cast<std::size_t>(name_end + 2 - data.begin()));
    std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> inflater(
        libdeflate_alloc_decompressor());
    if (!inflater) return "no memory to read its colour profile";
    for (std::size_t room = std::max<std::size_t>(stream.size() * 4, 4096);; room *= 2) {
        profile.resize(std::min(room, largest_profile));
        std::size_t size = 0;
        auto result = libdeflate_zlib_decompress(inflater.get(), stream.data(), stream.size(),
                                                 profile.data(), profile.size(), &size);
        if (result == LIBDEFLATE_SUCCESS) {
            profile.resize(size);
            return {};
        }
        if (result != LIBDEFLATE_INSUFFICIENT_SPACE)
            return "its colour profile's iCCP chunk is damaged";
        if (profile.size() == largest_profile)
            return fmt::format("its colour profile is over {} MB", largest_profile >> 20);
    }
}

std::string png_colour_profile(std::span<const std::uint8_t> png,
                               std::vector<std::uint8_t>& profile) {
    std::span<const std::uint8_t> iccp;
    GammaCorrection gamma;
    visit_png_chunks(png, [&](std::string_view kind, std::span<const std::uint8_t> data) {
        if (kind == "iCCP") iccp = data;
        gamma.see(kind, data);
        return kind != "IDAT"; // colour chunks come before the pixels
    });
    // Samples decoding brought to sRGB are no longer those the profile describes.
    if (iccp.empty() || gamma.changes_samples()) return {};
    return inflate_iccp(iccp, profile);
}

} // namespace

std::string profile_problem(std::span<const std::uint8_t> profile, int channels) {
    // The header: its size (0), the data colour space (16), the signature "acsp" (36); 128 bytes,
    // then the tag count.
    if (profile.size() < 132 || big_endian32(profile.data()) != profile.size() ||
        std::memcmp(profile.data() + 36, "acsp", 4) != 0)
        return "its colour profile is damaged or cut short";
    std::string_view space(reinterpret_cast<const char*>(profile.data() + 16), 4);
    std::string_view expected = channels == 1 ? "GRAY" : channels == 3 ? "RGB " : "CMYK";
    if (space != expected)
        return fmt::format("its colour profile is for {} colours, its samples are {}",
                           space == "RGB " ? "RGB" : space, expected == "RGB " ? "RGB" : expected);
    return {};
}

std::string read_colour_profile(std::span<const std::uint8_t> bytes, Image& image) {
    std::vector<std::uint8_t> profile;
    std::string problem;
    if (image.format == ImageFormat::jpeg) {
        JpegColour colour = jpeg_colour(bytes);
        image.inverted_inks = colour.adobe && image.channels == 4;
        profile = std::move(colour.profile);
        problem = std::move(colour.problem);
    } else if (image.format == ImageFormat::png) {
        problem = png_colour_profile(bytes, profile);
    }
    if (problem.empty() && !profile.empty())
        problem = profile_problem(profile, image.palette.empty() ? image.channels : 3);
    if (problem.empty()) image.colour_profile = std::move(profile);
    return problem;
}

} // namespace factpress
