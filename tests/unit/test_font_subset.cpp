// Font subsets: read back as fonts, they keep the glyphs and widths asked for, with composite
// glyphs whole and renumbered, and nothing else.
#include "output/font_subset.hpp"
#include "output/sfnt.hpp"
#include "pipeline/file_bytes.hpp"
#include "pipeline/render.hpp"
#include "test_helpers.hpp"

#include <doctest/doctest.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_streams.h>

#include <array>
#include <fstream>
#include <iterator>
#include <unistd.h>

using namespace factpress;

namespace {

const std::filesystem::path liberation =
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf";

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
    sfnt::Outlines outlines = sfnt::outlines(r, tables);
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
    sfnt::Reader e_acute(outlines.of(r, face.glyph(U'\u00E9')));
    REQUIRE(e_acute.s16(0) < 0);
    for (std::size_t at : sfnt::components(e_acute)) {
        unsigned part = e_acute.u16(at + 2);
        CHECK(part < glyphs);
        CHECK(!outlines.of(r, part).empty());
        CHECK((e_acute.u16(at) & 0x0100) == 0); // no instructions
    }
    // A is simple, and its hinting instructions are gone.
    sfnt::Reader a(outlines.of(r, face.glyph(U'A')));
    unsigned contours = static_cast<unsigned>(a.s16(0));
    CHECK(a.u16(10 + 2 * contours) == 0);
}

TEST_CASE("a composite glyph naming a glyph the font does not have: not covered, no subset") {
    FontFace original = FontFace::load(liberation);
    CHECK(!subset_font(original, {U'A'}).empty());
    // A's outline turned into a composite whose one part is glyph 65,535.
    std::string bytes = *read_file(liberation);
    sfnt::Reader r(bytes);
    std::string_view outline =
        sfnt::outlines(r, sfnt::table_directory(r)).of(r, original.glyph(U'A'));
    auto a = outline.data() - bytes.data();
    const unsigned char composite[] = {0xFF, 0xFF, 0,    0,    0, 0, 0, 0, 0, 0, // -1 contours, box
                                       0x00, 0x00, 0xFF, 0xFF, 0, 0}; // flags, glyph, x y
    std::copy(std::begin(composite), std::end(composite), bytes.begin() + a);
    FontFile file(bytes);
    FontFace broken = FontFace::load(file.path);
    CHECK(!broken.covers(U'A')); // drawn with a part missing: another font's A is used
    CHECK(subset_font(broken, {U'A'}).empty());
    CHECK(!subset_font(broken, {U'B'}).empty());
}

TEST_CASE("a font that says it has no glyphs gives no subset") {
    std::string bytes = *read_file(liberation);
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
    RenderedDocument rendered = render_bytes(*read_file(options.resolve.document), shared, options);
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

namespace {

// The simple glyphs a glyph is drawn from, with their offsets, however deep its nesting.
void leaves(const sfnt::Reader& font, const sfnt::Outlines& outlines, unsigned g, int dx, int dy,
            std::vector<std::array<int, 3>>& out) {
    sfnt::Reader glyph(outlines.of(font, g));
    if (glyph.size() == 0 || glyph.s16(0) >= 0) return out.push_back({0, dx, dy}); // simple
    for (std::size_t at : sfnt::components(glyph)) {
        bool words = glyph.u16(at) & 1;
        int x = words ? glyph.s16(at + 4) : static_cast<std::int8_t>(glyph.u8(at + 4));
        int y = words ? glyph.s16(at + 6) : static_cast<std::int8_t>(glyph.u8(at + 5));
        leaves(font, outlines, glyph.u16(at + 2), dx + x, dy + y, out);
    }
}

} // namespace

TEST_CASE("nested composites (DejaVu's Ё, Noto's Arabic forms) are flattened in the subset") {
    FontFace dejavu = FontFace::load("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    FontFace noto = FontFace::load("/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf");
    for (auto [face, cp] : {std::pair{&dejavu, U'\u0401'}, std::pair{&noto, U'\uFB52'}}) {
        CAPTURE(static_cast<unsigned>(cp));
        sfnt::Reader original(face->data());
        auto original_outlines = sfnt::outlines(original, sfnt::table_directory(original));
        std::vector<std::array<int, 3>> before;
        leaves(original, original_outlines, face->glyph(cp), 0, 0, before);
        REQUIRE(face->needs_flattening(face->glyph(cp))); // nested in the font
        CHECK(face->covers(cp));

        std::string subset = subset_font(*face, {cp});
        REQUIRE(!subset.empty());
        sfnt::Reader r(subset);
        sfnt::Outlines outlines = sfnt::outlines(r, sfnt::table_directory(r));
        FontFile file(subset);
        unsigned g = FontFace::load(file.path).glyph(cp);
        sfnt::Reader glyph(outlines.of(r, g));
        REQUIRE(glyph.s16(0) < 0);
        std::vector<std::array<int, 3>> after;
        for (std::size_t at : sfnt::components(glyph)) {
            sfnt::Reader part(outlines.of(r, glyph.u16(at + 2)));
            CHECK((part.size() == 0 || part.s16(0) >= 0)); // one level: libharu draws it whole
            after.push_back({0, glyph.s16(at + 4), glyph.s16(at + 6)});
        }
        CHECK(after == before); // the same parts in the same places
    }
}
