// Font subsets: read back as fonts, they keep the glyphs and widths asked for, with composite
// glyphs whole and renumbered, and nothing else.
#include "output/font_subset.hpp"
#include "output/sfnt.hpp"
#include "pipeline/render.hpp"
#include "test_helpers.hpp"

#include <doctest/doctest.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_streams.h>

#include <fstream>
#include <iterator>
#include <unistd.h>

using namespace factpress;

namespace {

const std::filesystem::path liberation =
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf";

std::string file_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// A font written to a file of its own, so it can be loaded like any other.
struct FontFile {
    std::filesystem::path path;
    explicit FontFile(const std::string& bytes)
        : path(std::filesystem::temp_directory_path() /
               ("factpress-test-font-" + std::to_string(::getpid()) + ".ttf")) {
        std::ofstream(path, std::ios::binary) << bytes;
    }
    ~FontFile() { std::filesystem::remove(path); }
};

std::size_t glyph_offset(const sfnt::Reader& r, std::size_t head, std::size_t loca, unsigned g) {
    return r.s16(head + 50) ? r.u32(loca + 4 * g) : 2 * r.u16(loca + 2 * g);
}

} // namespace

TEST_CASE("a subset holds the glyphs and widths of its characters, and no others") {
    FontFace original = FontFace::load(liberation);
    const std::set<char32_t> characters{U'A', U'\u00E9', U'\u0401'}; // A, é, Ё
    std::string subset = subset_font(original, characters);
    REQUIRE(!subset.empty());
    FontFile file(subset);
    FontFace face = FontFace::load(file.path);
    for (char32_t cp : characters) {
        CAPTURE(static_cast<unsigned>(cp));
        CHECK(face.glyph(cp) != 0);
        CHECK(face.advance(cp) == original.advance(cp));
        CHECK(face.covers(cp));
    }
    CHECK(face.glyph(U'B') == 0);
    CHECK(original.glyph(U'B') != 0);

    sfnt::Reader r(subset);
    auto tables = sfnt::table_directory(r);
    std::size_t head = tables["head"].offset, loca = tables["loca"].offset,
                glyf = tables["glyf"].offset;
    unsigned glyphs = r.u16(tables["maxp"].offset + 4);
    // .notdef, A, é and Ё with their parts (e, acute, Е, dieresis): at most 8, ids from 0.
    CHECK(glyphs >= 4);
    CHECK(glyphs <= 8);
    CHECK(!tables.contains("GSUB"));
    CHECK(!tables.contains("fpgm"));

    // The whole file sums to the magic number the head table's adjustment is there for.
    std::uint32_t sum = 0;
    for (std::size_t at = 0; at + 4 <= subset.size(); at += 4)
        sum += r.u32(at);
    CHECK(subset.size() % 4 == 0);
    CHECK(sum == 0xB1B0AFBA);

    // é is composite: its parts are renumbered into the subset and have outlines.
    std::size_t e_acute = glyf + glyph_offset(r, head, loca, face.glyph(U'\u00E9'));
    REQUIRE(r.s16(e_acute) < 0);
    for (std::size_t at : sfnt::components(r, e_acute)) {
        unsigned part = r.u16(at + 2);
        CHECK(part < glyphs);
        CHECK(glyph_offset(r, head, loca, part + 1) > glyph_offset(r, head, loca, part));
        CHECK((r.u16(at) & 0x0100) == 0); // no instructions
    }
    // A is simple, and its hinting instructions are gone.
    std::size_t a = glyf + glyph_offset(r, head, loca, face.glyph(U'A'));
    unsigned contours = static_cast<unsigned>(r.s16(a));
    CHECK(r.u16(a + 10 + 2 * contours) == 0);
}

TEST_CASE("a composite glyph naming a glyph the font does not have: not covered, no subset") {
    FontFace original = FontFace::load(liberation);
    CHECK(!subset_font(original, {U'A'}).empty());
    // A's outline turned into a composite whose one part is glyph 65,535.
    std::string bytes = file_text(liberation);
    sfnt::Reader r(bytes);
    auto tables = sfnt::table_directory(r);
    std::size_t a =
        tables["glyf"].offset +
        glyph_offset(r, tables["head"].offset, tables["loca"].offset, original.glyph(U'A'));
    const unsigned char composite[] = {0xFF, 0xFF, 0,    0,    0, 0, 0, 0, 0, 0, // -1 contours, box
                                       0x00, 0x00, 0xFF, 0xFF, 0, 0}; // flags, glyph, x y
    std::copy(std::begin(composite), std::end(composite), bytes.begin() + static_cast<long>(a));
    FontFile file(bytes);
    FontFace broken = FontFace::load(file.path);
    CHECK(!broken.covers(U'A')); // drawn with a part missing: another font's A is used
    CHECK(subset_font(broken, {U'A'}).empty());
    CHECK(!subset_font(broken, {U'B'}).empty());
}

TEST_CASE("a font that says it has no glyphs gives no subset") {
    std::string bytes = file_text(liberation);
    sfnt::Reader r(bytes);
    std::size_t count = sfnt::table_directory(r)["maxp"].offset + 4;
    bytes[count] = bytes[count + 1] = '\0';
    FontFile file(bytes);
    CHECK(subset_font(FontFace::load(file.path), {U'A'}).empty());
}

// Found by fuzz_pipeline: with these fonts (Debian 12's), libharu's rewrite of one subset came
// to exactly 16,384 bytes before its empty 'prep' table, and saving failed with error 0x1033.
TEST_CASE("libharu saves a document whose rewritten font ends on a 4 KiB boundary") {
    SharedResources shared;
    shared.style = *load_style("nato").style;
    std::vector<std::string> problems;
    shared.fonts = std::make_unique<FontSet>(shared.style, shared.library, problems);
    RenderOptions options;
    options.resolve.document = test::test_dir() / "regressions" / "libharu-4k-boundary.xml";
    options.source_date_epoch = 0;
    RenderedDocument rendered = render_bytes(file_text(options.resolve.document), shared, options);
    std::string messages;
    for (const Diagnostic& d : rendered.loaded.diagnostics)
        messages += d.message + "\n";
    INFO(messages);
    CHECK(rendered.loaded.ok());
    CHECK(!rendered.pdf.empty());
}

TEST_CASE(
    "a libharu memory stream seeks to its end on a buffer boundary, and reads nothing there") {
    HPDF_Doc doc = HPDF_New(nullptr, nullptr);
    REQUIRE(doc);
    HPDF_Stream stream = HPDF_MemStream_New(doc->mmgr, 16); // buffers of 16 bytes
    const HPDF_BYTE bytes[32] = {1, 2, 3};
    REQUIRE(HPDF_Stream_Write(stream, bytes, 32) == HPDF_OK);
    CHECK(HPDF_Stream_Seek(stream, 32, HPDF_SEEK_SET) == HPDF_OK);
    HPDF_BYTE read[4] = {};
    HPDF_UINT size = 4;
    CHECK(HPDF_Stream_Read(stream, read, &size) == HPDF_STREAM_EOF);
    CHECK(size == 0);
    CHECK(HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET) == HPDF_OK);
    size = 4;
    CHECK(HPDF_Stream_Read(stream, read, &size) == HPDF_OK);
    CHECK(read[2] == 3);
    HPDF_Stream_Free(stream);
    HPDF_Free(doc);
}
