// Reading PNG and JPEG files: the header's dimensions first (cheap, before any decoding), then a
// full decode that rejects damaged or truncated data instead of letting a C library abort.
#pragma once

#include "model/fact_sheet.hpp"
#include "pipeline/image_checks.hpp"

#include <cstdint>
#include <span>
#include <string>

namespace factpress {

struct ImageHeader {
    ImageFormat format = ImageFormat::none;
    int width = 0;
    int height = 0;
    int components = 0; // JPEG: colour components, from the frame header
};

// Dimensions from the signature and header alone; format none when the bytes are neither format.
ImageHeader probe_image(std::span<const std::uint8_t> bytes);

// Decodes `bytes` into an Image (PNG: 8-bit pixels plus alpha; JPEG: the bytes kept for embedding
// after a check that every scan decodes, skipped when `checks` already holds these bytes'
// verdict). Returns an error message, empty on success.
std::string decode_image(std::span<const std::uint8_t> bytes, Image& image,
                         ImageChecks* checks = nullptr);

// Whether every scan of a JPEG `width` pixels wide decodes, into `components` colour components
// (libjpeg, its warnings taken as errors): what is wrong, or empty.
std::string check_jpeg_data(std::span<const std::uint8_t> bytes, int width, int components);

// A JPEG's bytes kept for embedding without the full check, which the caller makes later (see
// DeferredImageChecks); an error message when its colour components are not supported.
std::string take_unchecked_jpeg(std::span<const std::uint8_t> bytes, const ImageHeader& header,
                                Image& image);

} // namespace factpress
