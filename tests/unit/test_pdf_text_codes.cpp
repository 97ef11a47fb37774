// The 2-byte codes a PDF's text is written in, and the ToUnicode CMap that reads them back.
#include "output/pdf_text_codes.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace factpress;

namespace {

// `count` characters from `first`, `step` apart.
std::set<char32_t> characters_from(char32_t first, std::size_t count, char32_t step = 1) {
    std::set<char32_t> characters;
    for (std::size_t i = 0; i < count; ++i)
        characters.insert(first + static_cast<char32_t>(i) * step);
    return characters;
}

} // namespace

TEST_CASE("one dense code per character, never a zero byte") {
    std::set<char32_t> characters = characters_from(0x20, 600);
    TextCodes codes(characters);
    REQUIRE(codes.entries().size() == 600);
    CHECK(codes.entries()[0].code == 0x0101);
    CHECK(codes.entries()[254].code == 0x01FF);
    CHECK(codes.entries()[255].code == 0x0201); // 0x0200 would hold a zero byte
    for (const auto& e : codes.entries()) {
        CHECK((e.code & 0xFF) != 0);
        CHECK((e.code >> 8) != 0);
    }
}

TEST_CASE("text encodes to two bytes per character") {
    TextCodes codes({U' ', U'A', U'Ж', U'ي'});
    CHECK(codes.encode("A Ж") == std::string("\x01\x02\x01\x01\x01\x03", 6));
    CHECK(codes.encode("ي") == std::string("\x01\x04", 2));
    CHECK(codes.encode("") == "");
    CHECK_THROWS_AS(codes.encode("B"), std::logic_error);
}

TEST_CASE("the ToUnicode CMap maps runs as ranges and the rest one by one") {
    TextCodes codes({U'a', U'b', U'c', U'x', U'😀'});
    std::string cmap = codes.to_unicode_cmap({U'a', U'b', U'c', U'x', U'😀'});
    CHECK(cmap.find("1 beginbfrange\n<0101> <0103> <0061>\nendbfrange") != std::string::npos);
    // A character outside the BMP is a UTF-16 surrogate pair.
    CHECK(cmap.find("2 beginbfchar\n<0104> <0078>\n<0105> <D83DDE00>\nendbfchar") !=
          std::string::npos);
    // Only the characters asked for: a font's own.
    std::string only_x = codes.to_unicode_cmap({U'x'});
    CHECK(only_x.find("bfrange") == std::string::npos);
    CHECK(only_x.find("<0104> <0078>") != std::string::npos);
    CHECK(only_x.find("<0101>") == std::string::npos);
}

TEST_CASE("an Arabic joining form reads back as the letter it shows, a ligature as itself") {
    // MEEM in its final, initial and medial forms (U+FEE2 to U+FEE4: consecutive codes too),
    // LAM-ALEF (several letters, whose order extractors would disagree on), and ALEF itself.
    std::set<char32_t> characters{0x0627, 0xFEE2, 0xFEE3, 0xFEE4, 0xFEFB};
    std::string cmap = TextCodes(characters).to_unicode_cmap(characters);
    CHECK(cmap.find("5 beginbfchar\n<0101> <0627>\n<0102> <0645>\n<0103> <0645>\n<0104> "
                    "<0645>\n<0105> <FEFB>\nendbfchar") != std::string::npos);
    CHECK(cmap.find("bfrange") == std::string::npos);
}

TEST_CASE("a run never crosses a change of the code's first byte") {
    std::set<char32_t> characters = characters_from(0x100, 300);
    std::string cmap = TextCodes(characters).to_unicode_cmap(characters);
    CHECK(cmap.find("<0101> <01FF> <0100>") != std::string::npos);
    CHECK(cmap.find("<0201> <022D> <01FF>") != std::string::npos);
}

TEST_CASE("blocks of at most 100 lines") {
    // No two in a row: 125 single entries.
    std::set<char32_t> characters = characters_from(0x100, 125, 2);
    std::string cmap = TextCodes(characters).to_unicode_cmap(characters);
    CHECK(cmap.find("100 beginbfchar") != std::string::npos);
    CHECK(cmap.find("25 beginbfchar") != std::string::npos);
}

TEST_CASE("more distinct characters than codes is an error, not a wrong PDF") {
    std::set<char32_t> characters = characters_from(0x4E00, 255 * 255 + 1);
    CHECK_THROWS_AS(TextCodes{characters}, std::length_error);
}
