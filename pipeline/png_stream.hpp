// A PNG's compressed pixel data, for a PDF to take as it is: PDF's FlateDecode with /Predictor 15
// undoes the same zlib stream and row filters, so the pixels need not be decoded and deflated
// again (for a 900 x 600 chart, 10 ms a document).
#pragma once

#include "model/fact_sheet.hpp"

#include <cstdint>
#include <span>

namespace factpress {

// When PDF can show the samples of PNG `bytes` unchanged, moves its IDAT chunks' data into
// `image.deflated` (and PLTE into `image.palette`), sets `image.bits` and drops `image.data`:
// not interlaced; grey or palette at 1, 2, 4 or 8 bits, or RGB at 8; no transparency (tRNS);
// no gamma that decoding would correct (a gAMA other than sRGB's). Else leaves `image` as it is.
// Whether the bytes decode whole is not checked here.
void keep_png_stream(std::span<const std::uint8_t> bytes, Image& image);

// The same for a PNG that had to be decoded (one with transparency, say): its 8-bit pixels (an
// index a pixel with a palette) made into such a stream, each row PNG-filtered for a photo and
// left as it is for flat colours (a chart, a logo, a mask: they deflate best so), and its
// transparency into `alpha_deflated`; `data` and `alpha` dropped. Made once an image a run
// (ImageChecks), not once a document.
void deflate_pixels(Image& image);

} // namespace factpress
