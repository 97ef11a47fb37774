#include "pipeline/png_stream.hpp"
#include "output/libharu_deflate.hpp"
#include "output/png_predictor.hpp"
#include "pipeline/png_chunks.hpp"

#include <string_view>
#include <vector>

namespace factpress {
namespace {

// Each row of `pixels` after the number of its PNG filter: the one png_filtered picks for a
// photo, none (0) for flat colours.
std::vector<std::uint8_t> filtered_rows(std::span<const std::uint8_t> pixels, int width, int height,
                                        int channels, bool photo) {
    if (photo) return png_filtered(pixels, width, height, channels);
    std::size_t row = std::size_t(width) * static_cast<std::size_t>(channels);
    std::vector<std::uint8_t> rows;
    rows.reserve(std::size_t(height) * (row + 1));
    for (std::size_t y = 0; y < static_cast<std::size_t>(height); ++y) {
        rows.push_back(0);
        rows.insert(rows.end(), pixels.begin() + static_cast<std::ptrdiff_t>(y * row),
                    pixels.begin() + static_cast<std::ptrdiff_t>((y + 1) * row));
    }
    return rows;
}

} // namespace

void deflate_pixels(Image& image) {
    image.deflated = zlib_compressed(
        filtered_rows(image.data, image.width, image.height, image.channels, !image.flat_colours));
    image.bits = 8;
    if (!image.alpha.empty())
        image.alpha_deflated =
            zlib_compressed(filtered_rows(image.alpha, image.width, image.height, 1, false));
    image.data = {};
    image.alpha = {};
}

void keep_png_stream(std::span<const std::uint8_t> bytes, Image& image) {
    constexpr std::size_t ihdr_data = 8 + 8;
    if (bytes.size() < ihdr_data + 13) return;
    int depth = bytes[ihdr_data + 8], type = bytes[ihdr_data + 9];
    bool interlaced = bytes[ihdr_data + 12] != 0;
    bool samples_kept = (type == 0 || type == 3)
                            ? (depth == 1 || depth == 2 || depth == 4 || depth == 8)
                            : type == 2 && depth == 8;
    if (interlaced || !samples_kept) return;
    std::vector<std::uint8_t> stream, palette;
    GammaCorrection gamma;
    bool transparent = false;
    bool ended =
        visit_png_chunks(bytes, [&](std::string_view kind, std::span<const std::uint8_t> data) {
            if (kind == "IDAT") stream.insert(stream.end(), data.begin(), data.end());
            if (kind == "PLTE") palette.assign(data.begin(), data.end());
            if (kind == "tRNS") transparent = true;
            gamma.see(kind, data);
            return !transparent;
        });
    if (!ended || gamma.changes_samples() || stream.empty() || (type == 3 && palette.empty()))
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
