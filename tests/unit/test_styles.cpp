// Style sheets: bundled styles, inheritance, and errors with their positions.
#include "styles/style.hpp"
#include "test_helpers.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace factpress;

TEST_CASE("letter extends nato and changes only the page") {
    auto nato = load_style("nato");
    auto letter = load_style("letter");
    REQUIRE(nato.style);
    REQUIRE(letter.style);
    CHECK(letter.style->text("page", "size") == "Letter");
    CHECK(nato.style->text("page", "size") == "A4");
    CHECK(letter.style->number("heading1", "size") == nato.style->number("heading1", "size"));
    CHECK(letter.style->font_chain == nato.style->font_chain);
    CHECK(letter.style->files.size() == 2);
}

TEST_CASE("a bad style sheet is reported with line and column") {
    auto file = std::filesystem::temp_directory_path() / "factpress-bad-style.xml";
    std::ofstream(file)
        << "<style extends=\"nato\">\n  <set element=\"heading1\" colour=\"#000\"/>\n"
           "  <set element=\"title\" size=\"12\" color=\"blue\"/>\n  <bogus/>\n</style>\n";
    auto loaded = load_style(file.string());
    CHECK_FALSE(loaded.style);
    REQUIRE(loaded.diagnostics.size() == 3);
    CHECK(loaded.diagnostics[0].position == Position{2, 3});
    CHECK(loaded.diagnostics[1].position == Position{3, 3});
    CHECK(loaded.diagnostics[1].message.find("color=\"blue\"") != std::string::npos);
    CHECK(loaded.diagnostics[2].position == Position{4, 3});
    std::filesystem::remove(file);
}

TEST_CASE("an unknown bundled style is an error, not a crash") {
    auto loaded = load_style("no-such-style");
    CHECK_FALSE(loaded.style);
    CHECK_FALSE(loaded.diagnostics.empty());
}
