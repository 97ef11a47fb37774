// PNG row filters as a PDF reader undoes them (/Predictor 15): every row comes back exactly.
#include "output/png_predictor.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <set>

using namespace factpress;

namespace {

// PNG 1.2's reconstruction, written from the specification, independently of the filter code.
std::vector<std::uint8_t> unfiltered(const std::vector<std::uint8_t>& rows, int width, int height,
                                     int channels, std::set<int>& filters_seen) {
    std::size_t length = static_cast<std::size_t>(width * channels), step = channels;
    std::vector<std::uint8_t> pixels;
    for (std::size_t y = 0; y < static_cast<std::size_t>(height); ++y) {
        int filter = rows[y * (length + 1)];
        filters_seen.insert(filter);
        const std::uint8_t* in = &rows[y * (length + 1) + 1];
        std::size_t start = pixels.size();
        for (std::size_t i = 0; i < length; ++i) {
            int a = i >= step ? pixels[start + i - step] : 0;
            int b = y > 0 ? pixels[start - length + i] : 0;
            int c = y > 0 && i >= step ? pixels[start - length + i - step] : 0;
            int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
            int paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
            int predicted = filter == 1   ? a
                            : filter == 2 ? b
                            : filter == 3 ? (a + b) / 2
                            : filter == 4 ? paeth
                                          : 0;
            pixels.push_back(static_cast<std::uint8_t>(in[i] + predicted));
        }
    }
    return pixels;
}

} // namespace

TEST_CASE("PNG-filtered rows reconstruct the pixels exactly, each row with its filter's number") {
    for (int channels : {1, 3}) {
        CAPTURE(channels);
        int width = 37, height = 40;
        std::vector<std::uint8_t> pixels;
        std::srand(7);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width * channels; ++x)
                // Bands of noise, smooth gradients and flat runs, so that every filter wins a row.
                pixels.push_back(
                    static_cast<std::uint8_t>(y % 4 == 0   ? std::rand() % 256
                                              : y % 4 == 1 ? x * 3 + y
                                              : y % 4 == 2 ? y * 5
                                                           : (x / channels) * 7 + (y * y) % 50));
        auto rows = png_filtered(pixels, width, height, channels);
        REQUIRE(rows.size() == static_cast<std::size_t>(height * (1 + width * channels)));
        std::set<int> seen;
        CHECK(unfiltered(rows, width, height, channels, seen) == pixels);
        for (int filter : seen)
            CHECK((filter >= 0 && filter <= 4));
        CHECK(seen.size() >= 3);
    }
}
