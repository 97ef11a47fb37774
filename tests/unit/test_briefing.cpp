// The briefing's profiles, from the model.
#include "output/text_renderer.hpp"
#include "test_helpers.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace factpress;

namespace {

std::string briefing(const std::string& body, bool brief, int width = 72) {
    LoadedDocument loaded = test::load_xml(test::with_body(body));
    REQUIRE(loaded.ok());
    TextOptions options;
    options.brief = brief;
    options.width = width;
    return render_text(loaded.sheet, options);
}

} // namespace

TEST_CASE("brief: every top section has a lead, from a list or a subsection if need be") {
    std::string text = briefing(
        "<section><heading>Listed</heading><list><item>Alpha leads. Not this.</item></list>"
        "</section><section><heading>Nested</heading><section><heading>Inner</heading>"
        "<p>Bravo leads. Not this.</p></section></section>",
        true);
    CAPTURE(text);
    CHECK(text.find("- Listed: Alpha leads.\n") != std::string::npos);
    CHECK(text.find("- Nested: Bravo leads.\n") != std::string::npos);
    CHECK(text.find("Not this") == std::string::npos);
}

TEST_CASE("full: a heading too long for a line hangs from its number, underlined to its end") {
    std::string text = briefing("<section><heading>A heading long enough to need a second "
                                "line</heading><p>x</p></section>",
                                false, 40);
    CAPTURE(text);
    CHECK(text.find("1. A heading long enough to need a\n"
                    "   second line\n"
                    "==================================\n") != std::string::npos);
}

TEST_CASE("full: the underline of a heading holding a word too long to break stays in the width") {
    std::string word(60, 'w');
    std::string text =
        briefing("<section><heading>" + word + "</heading><p>x</p></section>", false, 40);
    CAPTURE(text);
    CHECK(text.find("\n" + std::string(40, '=') + "\n") != std::string::npos);
    CHECK(text.find(std::string(41, '=')) == std::string::npos);
}

TEST_CASE("brief: about 150 words at most, counting every line of what comes before the leads") {
    std::string summary, sections;
    for (int i = 0; i < 125; ++i)
        summary += "word ";
    for (int i = 0; i < 6; ++i)
        sections +=
            "<section><heading>Part</heading><p>Four words lead here. Not this.</p></section>";
    LoadedDocument loaded = test::load_xml(
        "<factsheet xmlns='urn:factpress:factsheet:1' xml:lang='en'><meta><title>T</title>"
        "<date>2021</date></meta><summary><p>" +
        summary + "</p></summary><body>" + sections + "</body></factsheet>");
    REQUIRE(loaded.ok());
    TextOptions options;
    options.brief = true;
    std::string text = render_text(loaded.sheet, options);
    CAPTURE(text);
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        bool space = c == ' ' || c == '\n';
        words += !space && !in_word;
        in_word = !space;
    }
    CHECK(words <= 150);
    CHECK(text.find("- Part: Four words lead here.") != std::string::npos); // some leads fit
}

TEST_CASE("full: a Persian briefing numbers its photos, sections and links in Persian digits") {
    std::string xml = test::with_body(
        "<p><link href=\"#photo\">عکس</link> و <link href=\"https://www.nato.int\">ناتو</link></p>"
        "<figure id=\"photo\" src=\"img/ok.png\" alt=\"x\"><caption>نشان</caption></figure>"
        "<section><heading>پیشینه</heading><p>متن</p></section>");
    xml.replace(xml.find("xml:lang=\"en\""), 13, "xml:lang=\"fa\"");
    LoadedDocument loaded = test::load_xml(xml);
    REQUIRE(loaded.ok());
    std::string text = render_text(loaded.sheet, {});
    CAPTURE(text);
    CHECK(text.find("عکس (عکس ۱) و ناتو [۱]") != std::string::npos);
    CHECK(text.find("[عکس ۱: نشان]") != std::string::npos);
    CHECK(text.find("۱. پیشینه") != std::string::npos);
    CHECK(text.find("[۱] https://www.nato.int") != std::string::npos);
    CHECK(text.find_first_of("0123456789") == std::string::npos); // none left in ASCII
}
