// Fuzzes the image header readers and decoders (PNG through libpng, JPEG through libjpeg), and
// the reader of their colour profiles.
#include "pipeline/colour_profile.hpp"
#include "pipeline/image_decode.hpp"

#include <cstdint>

using namespace factpress;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::span<const std::uint8_t> bytes(data, size);
    ImageHeader header = probe_image(bytes);
    // The resolve stage refuses large claims before decoding; so does the harness.
    if (std::uint64_t(header.width) * std::uint64_t(header.height) > 4'000'000) return 0;
    Image image;
    if (decode_image(bytes, image).empty()) read_colour_profile(bytes, image);
    return 0;
}
