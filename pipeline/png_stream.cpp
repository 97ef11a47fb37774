#include "pipeline/png_stream.hpp"

#include <string_view>
#include <vector>

namespace factpress {
namespace {

std::uint32_t big_endian(const std::uint8_t* p) {
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
}

// libpng's simplified reading corrects a file gamma that is not sRGB's (1/2.2, within 5%) to
// sRGB; within 4% of it, decoding gives the stored samples.
bool gamma_kept(std::uint32_t gamma) {
    return gamma >= 43700 && gamma <= 47300;
}

} // namespace

void keep_png_stream(std::span<const std::uint8_t> bytes, Image& image) {
    constexpr std::size_t signature = 8, ihdr_data = signature + 8;
    if (bytes.size() < ihdr_data + 13) return;
    int depth = bytes[ihdr_data + 8], type = bytes[ihdr_data + 9];
    bool interlaced = bytes[ihdr_data + 12] != 0;
    bool samples_kept = (type == 0 || type == 3)
                            ? (depth == 1 || depth == 2 || depth == 4 || depth == 8)
                            : type == 2 && depth == 8;
    if (interlaced || !samples_kept) return;
    std::vector<std::uint8_t> stream, palette;
    bool srgb = false, gamma_corrected = false, ended = false;
    for (std::size_t at = signature; at + 12 <= bytes.size();) {
        std::uint32_t length = big_endian(&bytes[at]);
        if (length > bytes.size() - at - 12) return;
        std::string_view kind(reinterpret_cast<const char*>(&bytes[at + 4]), 4);
        const std::uint8_t* data = &bytes[at + 8];
        if (kind == "IDAT") stream.insert(stream.end(), data, data + length);
        if (kind == "PLTE") palette.assign(data, data + length);
        if (kind == "tRNS") return;
        if (kind == "sRGB") srgb = true;
        if (kind == "gAMA" && length == 4) gamma_corrected = !gamma_kept(big_endian(data));
        if (kind == "IEND") {
            ended = true;
            break;
        }
        at += 12 + length;
    }
    if (!ended || (gamma_corrected && !srgb) || stream.empty() || (type == 3 && palette.empty()))
        return;
    image.deflated = std::move(stream);
    image.bits = depth;
    image.channels = type == 2 ? 3 : 1;
    image.flat_colours = depth < 8 || type == 3; // as decoding says
    if (type == 3) image.palette = std::move(palette);
    image.data.clear();
    image.data.shrink_to_fit();
}

} // namespace factpress
