// Which PNGs are embedded as they are (their IDAT data under /FlateDecode), and which decoded.
#include "pipeline/file_bytes.hpp"
#include "pipeline/image_checks.hpp"
#include "pipeline/image_decode.hpp"
#include "pipeline/png_stream.hpp"
#include "test_helpers.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace factpress;

namespace {

void append_chunk(std::vector<std::uint8_t>& png, const std::string& kind,
                  const std::vector<std::uint8_t>& data) {
    for (int shift : {24, 16, 8, 0})
        png.push_back(static_cast<std::uint8_t>(data.size() >> shift));
    png.insert(png.end(), kind.begin(), kind.end());
    png.insert(png.end(), data.begin(), data.end());
    png.insert(png.end(), 4, 0); // the CRC, which decoding checked already
}

// A 2 x 1 PNG's chunks, its IDAT data split over two chunks ("ab", "cd"), after `extra` ones.
std::vector<std::uint8_t>
png(int depth, int type, int interlace = 0,
    std::vector<std::pair<std::string, std::vector<std::uint8_t>>> extra = {}) {
    std::vector<std::uint8_t> bytes{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    append_chunk(bytes, "IHDR",
                 {0, 0, 0, 2, 0, 0, 0, 1, std::uint8_t(depth), std::uint8_t(type), 0, 0,
                  std::uint8_t(interlace)});
    for (const auto& [kind, data] : extra)
        append_chunk(bytes, kind, data);
    append_chunk(bytes, "IDAT", {'a', 'b'});
    append_chunk(bytes, "IDAT", {'c', 'd'});
    append_chunk(bytes, "IEND", {});
    return bytes;
}

// The image as decoding left it: 8-bit samples.
Image decoded(int channels) {
    Image image;
    image.format = ImageFormat::png;
    image.width = 2;
    image.height = 1;
    image.channels = channels;
    image.data.assign(std::size_t(2 * channels), 7);
    return image;
}

const std::vector<std::uint8_t> idat{'a', 'b', 'c', 'd'};

} // namespace

TEST_CASE("an opaque RGB PNG of 8 bits keeps its IDAT data, and drops the decoded pixels") {
    Image image = decoded(3);
    keep_png_stream(png(8, 2), image);
    CHECK(image.deflated == idat);
    CHECK(image.bits == 8);
    CHECK(image.channels == 3);
    CHECK(image.data.empty());
}

TEST_CASE("a palette PNG keeps its IDAT data and its PLTE as it is") {
    Image image = decoded(1);
    image.palette = {9, 9, 9}; // as decoding made it
    std::vector<std::uint8_t> plte{255, 0, 0, 0, 0, 255};
    keep_png_stream(png(4, 3, 0, {{"PLTE", plte}}), image);
    CHECK(image.deflated == idat);
    CHECK(image.bits == 4);
    CHECK(image.palette == plte);
}

TEST_CASE("grey PNGs of 1, 2, 4 and 8 bits keep their IDAT data") {
    for (int depth : {1, 2, 4, 8}) {
        Image image = decoded(1);
        keep_png_stream(png(depth, 0), image);
        CHECK(image.deflated == idat);
        CHECK(image.bits == depth);
    }
}

TEST_CASE("PNGs whose decoded samples differ from the stored ones are decoded") {
    auto kept = [](const std::vector<std::uint8_t>& bytes, int channels = 3) {
        Image image = decoded(channels);
        keep_png_stream(bytes, image);
        // Either kept, the decoded pixels dropped, or decoded, the pixels left as they were.
        CHECK(image.deflated.empty() == (image.data.size() == std::size_t(2 * channels)));
        return !image.deflated.empty();
    };
    CHECK_FALSE(kept(png(16, 2)));                                   // 16 bits a sample
    CHECK_FALSE(kept(png(8, 2, 1)));                                 // interlaced
    CHECK_FALSE(kept(png(8, 2, 0, {{"tRNS", {0, 0, 0, 0, 0, 0}}}))); // a transparent colour
    CHECK_FALSE(kept(png(8, 2, 0, {{"gAMA", {0, 1, 0x86, 0xA0}}}))); // gamma 1.0, corrected
    CHECK_FALSE(kept(png(8, 3), 1));                                 // palette without PLTE
    CHECK(kept(png(8, 2, 0, {{"gAMA", {0, 0, 0xB1, 0x8F}}})));       // 1/2.2: sRGB's
    CHECK(kept(png(8, 2, 0, {{"gAMA", {0, 1, 0x86, 0xA0}}, {"sRGB", {0}}}))); // sRGB rules
}

TEST_CASE("chunks that do not reach IEND leave the image decoded") {
    std::vector<std::uint8_t> bytes = png(8, 2);
    bytes.resize(bytes.size() - 16); // into the second IDAT
    Image image = decoded(3);
    keep_png_stream(bytes, image);
    CHECK(image.deflated.empty());
    CHECK(image.data.size() == 6);
}

TEST_CASE("a PNG embedded as it is is decoded once a run: later sheets take its verdict") {
    auto chart = read_file(test::test_dir() / "documents" / "img" / "chart.png", 1 << 20);
    REQUIRE(chart);
    ImageChecks checks;
    Image first, again;
    CHECK(decode_image(byte_span(*chart), first, &checks).empty());
    CHECK_FALSE(first.deflated.empty());
    CHECK(checks.find(byte_span(*chart)) == ImageProblem());
    CHECK(decode_image(byte_span(*chart), again, &checks).empty());
    CHECK(again == first);

    // The verdict is what spares the decoding: bytes remembered as sound are not decoded again,
    // however damaged (here the zlib stream's first byte inside IDAT).
    std::string damaged = *chart;
    damaged[damaged.find("IDAT") + 4] ^= 0x55;
    Image broken;
    CHECK_FALSE(decode_image(byte_span(damaged), broken).empty());
    CHECK(checks.check(byte_span(damaged), [] { return ImageProblem(); }).empty()); // "sound"
    CHECK(decode_image(byte_span(damaged), broken, &checks).empty());
}

TEST_CASE("a PNG that must be decoded is decoded once from its second sheet on, within a budget") {
    auto emblem = read_file(test::test_dir() / "documents" / "img" / "emblem.png", 1 << 20);
    REQUIRE(emblem);
    auto bytes = byte_span(*emblem);
    int decodings = 0;
    auto decode = [&](Image& image) {
        ++decodings;
        return decode_image(bytes, image);
    };
    ImageChecks checks;
    Image first, second, third;
    CHECK(checks.decoded(bytes, first, decode).empty());
    CHECK(checks.decoded(bytes, second, decode).empty());
    CHECK(checks.decoded(bytes, third, decode).empty());
    CHECK(decodings == 2); // a photo seen once is not kept; seen twice, it is
    // Decoded, then made into streams of its own: its colours and its transparency.
    REQUIRE_FALSE(first.alpha_deflated.empty());
    CHECK_FALSE(first.deflated.empty());
    CHECK(first.data.empty());
    CHECK(second == first);
    CHECK(third == first);

    ImageChecks small(first.deflated.size()); // no room for its colours and transparency
    decodings = 0;
    for (int sheet = 0; sheet < 3; ++sheet) {
        Image image;
        CHECK(small.decoded(bytes, image, decode).empty());
        CHECK(image == first);
    }
    CHECK(decodings == 3);
}
