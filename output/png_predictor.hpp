// PNG's row filters (PNG 1.2, section 6), which PDF readers undo for a Flate stream whose
// /DecodeParms name /Predictor 15: pixels filtered this way deflate to about two thirds of the
// bytes of raw ones for a photo, so a PNG photo does not grow the PDF past the file it came from.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace factpress {

// Each row of `pixels` (8-bit samples, `channels` a pixel) preceded by the number of the filter
// that gave it the smallest sum of magnitudes (libpng's own choice): height * (1 + width *
// channels) bytes.
std::vector<std::uint8_t> png_filtered(std::span<const std::uint8_t> pixels, int width, int height,
                                       int channels);

} // namespace factpress
