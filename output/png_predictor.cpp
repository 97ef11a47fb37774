#include "output/png_predictor.hpp"

#include <array>
#include <cstdlib>

namespace factpress {
namespace {

std::uint8_t paeth(int left, int up, int up_left) {
    int estimate = left + up - up_left;
    int to_left = std::abs(estimate - left), to_up = std::abs(estimate - up),
        to_up_left = std::abs(estimate - up_left);
    if (to_left <= to_up && to_left <= to_up_left) return static_cast<std::uint8_t>(left);
    return static_cast<std::uint8_t>(to_up <= to_up_left ? up : up_left);
}

// The row filtered by `filter`: 0 none, 1 sub, 2 up, 3 average, 4 paeth.
void filter_row(int filter, const std::uint8_t* row, const std::uint8_t* above, std::size_t length,
                std::size_t step, std::uint8_t* out) {
    for (std::size_t i = 0; i < length; ++i) {
        int left = i >= step ? row[i - step] : 0, up = above ? above[i] : 0;
        int up_left = above && i >= step ? above[i - step] : 0;
        int predicted = filter == 1   ? left
                        : filter == 2 ? up
                        : filter == 3 ? (left + up) / 2
                        : filter == 4 ? paeth(left, up, up_left)
                                      : 0;
        out[i] = static_cast<std::uint8_t>(row[i] - predicted);
    }
}

// How far the filtered bytes are from zero, read as signed: the smaller, the better they deflate.
unsigned long magnitude(const std::uint8_t* bytes, std::size_t length) {
    unsigned long sum = 0;
    for (std::size_t i = 0; i < length; ++i)
        sum += static_cast<unsigned long>(
            std::abs(static_cast<int>(static_cast<std::int8_t>(bytes[i]))));
    return sum;
}

} // namespace

std::vector<std::uint8_t> png_filtered(std::span<const std::uint8_t> pixels, int width, int height,
                                       int channels) {
    std::size_t step = static_cast<std::size_t>(channels);
    std::size_t length = static_cast<std::size_t>(width) * step;
    std::vector<std::uint8_t> out;
    out.reserve(static_cast<std::size_t>(height) * (length + 1));
    std::array<std::vector<std::uint8_t>, 5> trials;
    for (auto& trial : trials)
        trial.resize(length);
    for (std::size_t y = 0; y < static_cast<std::size_t>(height); ++y) {
        const std::uint8_t* row = pixels.data() + y * length;
        const std::uint8_t* above = y > 0 ? row - length : nullptr;
        int best = 0;
        unsigned long best_magnitude = 0;
        for (int filter = 0; filter < 5; ++filter) {
            filter_row(filter, row, above, length, step,
                       trials[static_cast<std::size_t>(filter)].data());
            unsigned long m = magnitude(trials[static_cast<std::size_t>(filter)].data(), length);
            if (filter == 0 || m < best_magnitude) best = filter, best_magnitude = m;
        }
        out.push_back(static_cast<std::uint8_t>(best));
        const auto& chosen = trials[static_cast<std::size_t>(best)];
        out.insert(out.end(), chosen.begin(), chosen.end());
    }
    return out;
}

} // namespace factpress
