// Style sheets: bundled styles, inheritance, and errors with their positions.
#include "pipeline/spelling.hpp"
#include "styles/style.hpp"
#include "test_helpers.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fstream>

using namespace factpress;

namespace {

// Loads a style sheet written to a temporary file.
StyleLoadResult load_style_text(const std::string& name, const std::string& text) {
    auto file = std::filesystem::temp_directory_path() / name;
    std::ofstream(file) << text;
    auto loaded = load_style(file.string());
    std::filesystem::remove(file);
    return loaded;
}

// Every diagnostic as "LINE:COLUMN: MESSAGE", one a line.
std::string all_diagnostics(const StyleLoadResult& loaded) {
    std::string all;
    for (const auto& d : loaded.diagnostics)
        all += fmt::format("{}:{}: {}\n", d.position.line, d.position.column, d.message);
    return all;
}

} // namespace

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
    auto loaded = load_style_text(
        "factpress-bad-style.xml",
        "<style extends=\"nato\">\n  <set element=\"heading1\" colour=\"#000\"/>\n"
        "  <set element=\"title\" size=\"12\" color=\"blue\"/>\n  <bogus/>\n</style>\n");
    CHECK_FALSE(loaded.style);
    REQUIRE(loaded.diagnostics.size() == 3);
    CHECK(loaded.diagnostics[0].position == Position{2, 3});
    CHECK(loaded.diagnostics[1].position == Position{3, 3});
    CHECK(loaded.diagnostics[1].message.find("color=\"blue\"") != std::string::npos);
    CHECK(loaded.diagnostics[2].position == Position{4, 3});
}

TEST_CASE("an unknown bundled style is an error, not a crash") {
    auto loaded = load_style("no-such-style");
    CHECK_FALSE(loaded.style);
    CHECK_FALSE(loaded.diagnostics.empty());
}

TEST_CASE("a bad value says what is expected, and a misspelt name what was meant") {
    auto loaded = load_style_text("factpress-bad-values.xml",
                                  "<style extends=\"nato\">\n"
                                  "  <set element=\"page\" size=\"A7\" columns=\"0\"/>\n"
                                  "  <set element=\"text\" size=\"big\" align=\"justified\"/>\n"
                                  "  <set element=\"titel\" size=\"20\"/>\n"
                                  "  <set element=\"title\" colour=\"#000000\" font=\"seriff\"/>\n"
                                  "</style>\n");
    CHECK_FALSE(loaded.style);
    std::string all = all_diagnostics(loaded);
    CAPTURE(all);
    CHECK(all.find("2:3: size=\"A7\" on <set element=\"page\"> is not a valid value; expected A4, "
                   "A5, Letter, Legal, or WIDTHxHEIGHT") != std::string::npos);
    CHECK(all.find("columns=\"0\"") != std::string::npos);
    CHECK(all.find("3:3: size=\"big\" on <set element=\"text\"> is not a valid value; expected a "
                   "size in points") != std::string::npos);
    CHECK(all.find("expected left, right, center or justify") != std::string::npos);
    CHECK(all.find("4:3: <set element=\"titel\">: unknown element name; did you mean \"title\"?") !=
          std::string::npos);
    CHECK(all.find("unknown property colour on <set element=\"title\">; did you mean \"color\"?") !=
          std::string::npos);
    CHECK(
        all.find("5:3: font=\"seriff\" names no <family> of the style; did you mean \"serif\"?") !=
        std::string::npos);
    CHECK(loaded.diagnostics.size() == 7);
}

TEST_CASE("page sizes by name or in points") {
    CHECK(parse_page_size("Letter") == std::pair{612.0, 792.0});
    CHECK(parse_page_size("500x700") == std::pair{500.0, 700.0});
    for (const char* bad : {"A7", "a4", "500x", "x700", "50x700", "500x700pt", "500x20000", ""})
        CHECK_MESSAGE(!parse_page_size(bad), bad);
}

TEST_CASE("did you mean: one name within two edits, not a tie, not for very short names") {
    std::vector<std::string_view> known{"color", "colour-x", "columns", "title", "size"};
    CHECK(nearest_name("colour", known) == "color");
    CHECK(nearest_name("titel", known) == "title");
    CHECK(nearest_name("sise", known) == "size");
    CHECK(nearest_name("background", known).empty());
    CHECK(nearest_name("x", {"id"}).empty());
    CHECK(nearest_name("ab", {"ac", "ad"}).empty()); // a tie
    CHECK(did_you_mean("titel", known) == "; did you mean \"title\"?");
    CHECK(did_you_mean("zzzzzz", known).empty());
}

TEST_CASE("a style sheet sets the words factpress adds, per language, over the built-in ones") {
    auto loaded =
        load_style_text("factpress-labels-style.xml",
                        "<style extends=\"nato\">\n"
                        "  <labels xml:lang=\"hu\" key-facts=\"Legfontosabb tények\"\n"
                        "          page-of=\"{}. oldal ({} oldalból)\"/>\n"
                        "  <labels xml:lang=\"eu\" key-facts=\"Datu nagusiak\" month-year=\"{1}ko "
                        "{0}\" months=\"urtarrila, otsaila, martxoa, apirila, maiatza, ekaina, "
                        "uztaila, abuztua, iraila, urria, azaroa, abendua\"/>\n"
                        "  <labels xml:lang=\"hu-HU\" contact=\"Elérhetőség\"/>\n"
                        "  <labels xml:lang=\"ar\" digits=\"٠١٢٣٤٥٦٧٨٩\"/>\n"
                        "</style>\n");
    REQUIRE(loaded.style);
    const auto& rows = loaded.style->labels;
    REQUIRE(rows.size() == 3); // the second Hungarian <labels> adds to the first
    // Arabic-Indic digits for an Arabic sheet, its words still the built-in row's.
    CHECK(format_date({2020, 3, 5}, labels_for("ar", rows)) == "٥ مارس ٢٠٢٠");
    const Labels& hungarian = labels_for("hu", rows);
    CHECK(hungarian.key_facts == "Legfontosabb tények");
    CHECK(hungarian.contact == "Elérhetőség");
    CHECK(page_label(hungarian, 1, 2) == "1. oldal (2 oldalból)");
    // What the style leaves alone stays the built-in row's.
    CHECK(format_date({2020, 3, 5}, hungarian) == "2020. március 5.");
    // A language without a built-in row starts from English.
    const Labels& basque = labels_for("eu-ES", rows);
    CHECK(basque.key_facts == "Datu nagusiak");
    CHECK(format_date({2021, 2, 0}, basque) == "2021ko otsaila");
    CHECK(basque.contact == "Contact");
    CHECK(labels_for("fr", rows).key_facts == "Points principaux");
}

TEST_CASE("words for labels that cannot be used are errors at their line") {
    auto loaded =
        load_style_text("factpress-bad-labels.xml",
                        "<style extends=\"nato\">\n"
                        "  <labels key-facts=\"x\"/>\n"
                        "  <labels xml:lang=\"fr\" key-fact=\"Points\" page-of=\"Page {}\"\n"
                        "     months=\"janvier, février\" phone=\"Tél. {:d}\" web=\"\"\n"
                        "     digits=\"012345678\"/>\n"
                        "</style>\n");
    CHECK_FALSE(loaded.style);
    std::string all = all_diagnostics(loaded);
    CAPTURE(all);
    CHECK(all.find("2:3: <labels> needs xml:lang") != std::string::npos);
    CHECK(all.find("3:3: unknown attribute key-fact on <labels>; did you mean \"key-facts\"?") !=
          std::string::npos);
    CHECK(all.find("page-of=\"Page {}\" on <labels> is not a valid value; expected words with 2 "
                   "places") != std::string::npos);
    CHECK(all.find("expected the twelve month names") != std::string::npos);
    CHECK(all.find("phone=\"Tél. {:d}\"") != std::string::npos);
    CHECK(all.find("web=\"\"") != std::string::npos);
    CHECK(all.find("digits=\"012345678\" on <labels> is not a valid value; expected the ten "
                   "digits") != std::string::npos);
    CHECK(loaded.diagnostics.size() == 7);
}
