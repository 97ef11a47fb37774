#include "pipeline/image_decode.hpp"
#include "pipeline/exif_orientation.hpp"
#include "pipeline/jpeg_segments.hpp"
#include "pipeline/png_chunks.hpp"
#include "pipeline/png_stream.hpp"

#include <fmt/format.h>
#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <jpeglib.h>
#include <optional>

namespace factpress {
namespace {

ImageHeader probe_png(std::span<const std::uint8_t> b) {
    // Signature, then IHDR as the first chunk: length 13, "IHDR", width, height.
    if (b.size() < 24 ||
        std::string_view(reinterpret_cast<const char*>(b.data() + 12), 4) != "IHDR")
        return {};
    return {ImageFormat::png,
            static_cast<int>(std::min<std::uint32_t>(big_endian32(&b[16]), 1u << 30)),
            static_cast<int>(std::min<std::uint32_t>(big_endian32(&b[20]), 1u << 30))};
}

ImageHeader probe_jpeg(std::span<const std::uint8_t> b) {
    // The first start-of-frame segment (SOF0..SOF15 less DHT, JPG, DAC) holds the size.
    ImageHeader header;
    visit_jpeg_segments(b, [&](std::uint8_t marker, std::span<const std::uint8_t> data) {
        bool frame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame && data.size() >= 6)
            header = {ImageFormat::jpeg, (data[3] << 8) | data[4], (data[1] << 8) | data[2],
                      data[5]};
        return !frame;
    });
    return header;
}

// Reads the pixels (and the palette, when `colormap` is given) of a PNG begun, and its size into
// `image`; why not, or nothing.
std::string finish_png(png_image& png, Image& image, std::uint8_t* pixels, std::uint8_t* colormap) {
    if (!png_image_finish_read(&png, nullptr, pixels, 0, colormap)) {
        std::string message = png.message;
        png_image_free(&png);
        return fmt::format("damaged or truncated PNG: {}", message);
    }
    image.format = ImageFormat::png;
    image.width = static_cast<int>(png.width);
    image.height = static_cast<int>(png.height);
    return {};
}

// An opaque palette PNG (a chart, a logo) stays an index a pixel and its palette, which PDF keeps
// as they are (/Indexed): a third of the bytes of RGB pixels.
std::string decode_png_palette(png_image& png, Image& image) {
    png.format = PNG_FORMAT_RGB_COLORMAP;
    std::vector<std::uint8_t> indices(PNG_IMAGE_SIZE(png)), palette(PNG_IMAGE_COLORMAP_SIZE(png));
    if (std::string error = finish_png(png, image, indices.data(), palette.data()); !error.empty())
        return error;
    image.channels = 1;
    image.data = std::move(indices);
    palette.resize(std::size_t(png.colormap_entries) * 3);
    image.palette = std::move(palette);
    image.flat_colours = true;
    return {};
}

std::string decode_png(std::span<const std::uint8_t> bytes, Image& image) {
    png_image png{};
    png.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&png, bytes.data(), bytes.size()))
        return fmt::format("damaged PNG: {}", png.message);
    bool colour = png.format & PNG_FORMAT_FLAG_COLOR;
    bool alpha = png.format & PNG_FORMAT_FLAG_ALPHA;
    if ((png.format & PNG_FORMAT_FLAG_COLORMAP) && !alpha) return decode_png_palette(png, image);
    png.format = (colour ? PNG_FORMAT_FLAG_COLOR : 0) | (alpha ? PNG_FORMAT_FLAG_ALPHA : 0);
    std::vector<std::uint8_t> pixels(PNG_IMAGE_SIZE(png));
    if (std::string error = finish_png(png, image, pixels.data(), nullptr); !error.empty())
        return error;
    image.channels = colour ? 3 : 1;
    // IHDR's bit depth and colour type (bytes 24 and 25; the header was read, so they are there).
    image.flat_colours = bytes[24] < 8 || bytes[25] == 3;
    if (!alpha) {
        image.data = std::move(pixels);
        return {};
    }
    // Split interleaved alpha into its own mask, which PDF keeps as a soft mask.
    std::size_t count = std::size_t(png.width) * png.height;
    int stride = image.channels + 1;
    image.data.resize(count * image.channels);
    image.alpha.resize(count);
    bool opaque = true;
    for (std::size_t i = 0; i < count; ++i) {
        std::copy_n(&pixels[i * stride], image.channels, &image.data[i * image.channels]);
        image.alpha[i] = pixels[i * stride + image.channels];
        opaque = opaque && image.alpha[i] == 255;
    }
    if (opaque) image.alpha.clear();
    return {};
}

struct JpegErrors {
    jpeg_error_mgr manager;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

void jpeg_fail(j_common_ptr info) {
    auto* errors = reinterpret_cast<JpegErrors*>(info->err);
    (*info->err->format_message)(info, errors->message);
    std::longjmp(errors->jump, 1);
}

// libjpeg only warns about a truncated file and fills the rest with grey: treat warnings as errors.
void jpeg_message(j_common_ptr info, int level) {
    if (level < 0) jpeg_fail(info);
}

// Decodes at 1/8 scale: every scan's data is still read and checked, at a fraction of the cost.
// Only C objects live in this frame, so the longjmp skips no destructor.
bool check_jpeg(std::span<const std::uint8_t> bytes, JpegErrors& errors, int& components,
                std::uint8_t* row, std::size_t row_size) {
    jpeg_decompress_struct info;
    info.err = jpeg_std_error(&errors.manager);
    errors.manager.error_exit = jpeg_fail;
    errors.manager.emit_message = jpeg_message;
    if (setjmp(errors.jump)) {
        jpeg_destroy_decompress(&info);
        return false;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, bytes.data(), static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&info, TRUE);
    info.scale_num = 1;
    info.scale_denom = 8;
    jpeg_start_decompress(&info);
    components = info.num_components;
    if (info.output_width * static_cast<std::size_t>(info.output_components) > row_size) {
        std::snprintf(errors.message, sizeof errors.message, "image too wide");
        jpeg_destroy_decompress(&info);
        return false;
    }
    while (info.output_scanline < info.output_height) {
        JSAMPROW rows[1] = {row};
        jpeg_read_scanlines(&info, rows, 1);
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);
    return true;
}

std::string decode_jpeg(std::span<const std::uint8_t> bytes, const ImageHeader& header,
                        Image& image, ImageChecks* checks) {
    if (std::string problem = take_unchecked_jpeg(bytes, header, image); !problem.empty())
        return problem;
    ImageProblem problem = checks ? checks->check(bytes, header.width, header.components)
                                  : check_jpeg_data(bytes, header.width, header.components);
    if (!problem.empty()) image = {};
    return problem;
}

} // namespace

ImageHeader probe_image(std::span<const std::uint8_t> bytes) {
    static constexpr std::uint8_t png_signature[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (bytes.size() >= 8 &&
        std::equal(std::begin(png_signature), std::end(png_signature), bytes.begin()))
        return probe_png(bytes);
    if (bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        return probe_jpeg(bytes);
    return {};
}

std::string check_jpeg_data(std::span<const std::uint8_t> bytes, int width, int components) {
    JpegErrors errors{};
    int decoded_components = 0;
    std::vector<std::uint8_t> row((std::size_t(width) / 8 + 2) * 4);
    if (!check_jpeg(bytes, errors, decoded_components, row.data(), row.size()))
        return fmt::format("damaged or truncated JPEG: {}", errors.message);
    if (decoded_components != components)
        return fmt::format("damaged JPEG: its frame header gives {} colour components, its data {}",
                           components, decoded_components);
    return {};
}

std::string take_unchecked_jpeg(std::span<const std::uint8_t> bytes, const ImageHeader& header,
                                Image& image) {
    if (header.components != 1 && header.components != 3 && header.components != 4)
        return fmt::format("JPEG with {} colour components is not supported", header.components);
    image.format = ImageFormat::jpeg;
    image.width = header.width;
    image.height = header.height;
    image.channels = header.components;
    image.data.assign(bytes.begin(), bytes.end());
    image.orientation = exif_orientation(bytes);
    return {};
}

std::string decode_image(std::span<const std::uint8_t> bytes, Image& image, ImageChecks* checks) {
    ImageHeader header = probe_image(bytes);
    if (header.format == ImageFormat::png) {
        Image kept;
        kept.format = ImageFormat::png;
        kept.width = header.width;
        kept.height = header.height;
        keep_png_stream(bytes, kept);
        if (kept.deflated.empty()) { // its pixels are needed
            auto decode = [&](Image& pixels) {
                std::string error = decode_png(bytes, pixels);
                if (error.empty()) deflate_pixels(pixels);
                return error;
            };
            return checks ? checks->decoded(bytes, image, decode) : decode(image);
        }
        // Embedded as it is, it needs no pixels, only the full decode that finds it damaged or
        // truncated: made once a run for the same bytes (the logo or chart of many sheets).
        auto decode = [&] {
            Image pixels;
            return decode_png(bytes, pixels);
        };
        std::string error = checks ? checks->check(bytes, decode) : decode();
        if (error.empty()) image = std::move(kept);
        return error;
    }
    if (header.format == ImageFormat::jpeg) return decode_jpeg(bytes, header, image, checks);
    return "not a PNG or JPEG image";
}

} // namespace factpress
