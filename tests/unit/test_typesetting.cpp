// The typesetter and layout on real fonts: widths, hyphenation, emergency breaks, coverage
// warnings.
#include "output/bidi.hpp"
#include "output/layout.hpp"
#include "output/typesetter.hpp"
#include "pipeline/utf8.hpp"
#include "test_helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

using namespace factpress;

namespace {

struct Fixture {
    Style style;
    FontLibrary library;
    std::unique_ptr<FontSet> fonts;
    Hyphenator hyphenator;
    Fixture() {
        auto loaded = load_style("nato");
        REQUIRE(loaded.style);
        style = *loaded.style;
        std::vector<std::string> problems;
        fonts = std::make_unique<FontSet>(style, library, problems);
        REQUIRE(problems.empty());
    }
};

Inlines text(std::string s) {
    return {Inline{.text = std::move(s)}};
}

// The word `word` as drawn on `page`, which kerning may have cut into several items set side by
// side, left to right, on one baseline: one item spanning them all.
std::optional<TextItem> word_on(const Page& page, std::string_view word) {
    const auto& texts = page.texts;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        if (!word.starts_with(texts[i].text) || texts[i].text.empty()) continue;
        TextItem whole = texts[i];
        for (std::size_t k = i + 1;
             k < texts.size() && whole.text.size() < word.size() && texts[k].y == whole.y &&
             texts[k].x > texts[k - 1].x && word.starts_with(whole.text + texts[k].text);
             ++k) {
            whole.width = texts[k].x + texts[k].width - whole.x;
            whole.text += texts[k].text;
        }
        if (whole.text == word) return whole;
    }
    return std::nullopt;
}

// Sets text as a nato paragraph; uncovered-character warnings go to `diagnostics`.
std::string repeated(std::string_view phrase, int times) {
    std::string text;
    for (int i = 0; i < times; ++i)
        text += phrase;
    return text;
}

std::vector<Line> set_paragraph(Fixture& f, const std::string& words, double width,
                                Diagnostics& diagnostics, Position where = {}) {
    Typesetter typesetter(*f.fonts, f.hyphenator, "en", "nato", words, diagnostics);
    TextStyle ts = text_style(f.style, "paragraph");
    return typesetter.set(flatten(text(words), ts, "en"), ts, width, where);
}

} // namespace

TEST_CASE("justified lines never exceed the measure, and fill it") {
    Fixture f;
    Diagnostics diagnostics;
    auto lines =
        set_paragraph(f, repeated("NATO Mission Iraq assists Iraq in building institutions. ", 60),
                      240, diagnostics, {});
    REQUIRE(lines.size() > 10);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CHECK(lines[i].width <= 240.001);
        if (i + 1 < lines.size()) CHECK(lines[i].width == doctest::Approx(240).epsilon(0.001));
    }
    CHECK(diagnostics.empty());
}

TEST_CASE("a word wider than the measure is cut into pieces that fit, without hyphens") {
    Fixture f;
    Diagnostics diagnostics;
    auto lines = set_paragraph(f, std::string(400, 'W'), 100, diagnostics, {});
    REQUIRE(lines.size() > 1);
    for (const auto& line : lines) {
        CHECK(line.width <= 100.001);
        CHECK_FALSE(line.hyphenated);
    }
}

TEST_CASE("English hyphenation patterns give break points") {
    Hyphenator h;
    CHECK_FALSE(h.points("en", "interoperability").empty());
    CHECK_FALSE(h.points("fr", "renforcement").empty());
    CHECK(h.points("en", "cat").empty());
    // Debian's Russian (KOI8-R) and Greek (ISO 8859-7) pattern files are not UTF-8.
    CHECK(h.points("ru", "миссия") == std::vector<std::size_t>{6});   // мис-сия
    CHECK(h.points("el", "αποστολή") == std::vector<std::size_t>{6}); // απο-στολή
    CHECK(h.points("uk", "консультативна") == std::vector<std::size_t>{18, 22});
    // German and Polish files are 8-bit (ISO 8859-1 and -2), Spanish is found as hyph_es_ES.
    CHECK_FALSE(h.points("de", "Verteidigungsministerium").empty());
    CHECK_FALSE(h.points("de", "Ausrüstung").empty());
    CHECK_FALSE(h.points("es", "organización").empty());
    CHECK_FALSE(h.points("it", "organizzazione").empty());
    CHECK_FALSE(h.points("pl", "bezpieczeństwa").empty());
    CHECK(h.points("xx", "interoperability").empty());
}

TEST_CASE("the languages of NATO's members with Debian patterns are hyphenated") {
    Hyphenator h;
    // A long word of each, with a letter beyond ASCII where the language has them; the 8-bit
    // files (ISO 8859-1, -2, -13, -15) are converted at loading.
    const std::pair<const char*, const char*> words[] = {
        {"bg", "сътрудничество"},        {"cs", "bezpečnostní"},
        {"da", "sikkerhedspolitik"},     {"en-GB", "interoperability"},
        {"hr", "sigurnosnih"},           {"hu", "együttműködés"},
        {"is", "varnarmálaráðherra"},    {"lt", "bendradarbiavimas"},
        {"lv", "sadarbošanās"},          {"nl", "samenwerkingsverband"},
        {"no", "forsvarsdepartementet"}, {"nb", "samarbeidet"},
        {"pt", "organização"},           {"ro", "securității"},
        {"sk", "bezpečnostných"},        {"sl", "sodelovanje"},
        {"sv", "försvarsdepartementet"}, {"sv-FI", "samarbete"},
        {"et", "kaitseministeerium"}};
    for (auto [language, word] : words)
        CHECK_MESSAGE(!h.points(language, word).empty(), language);
}

TEST_CASE("TeX Live's patterns are used for a language Debian has no hyphen package for") {
    // hyph-utf8's .pat.txt form: UTF-8 patterns alone, one a line (these are made up: a break
    // before every "n", and between "ş" and "k").
    auto dir = std::filesystem::temp_directory_path() / "factpress-tex-patterns";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "hyph-tr.pat.txt") << "1n\nş1k\n";
    ::setenv("FACTPRESS_TEX_PATTERNS_PATH", dir.c_str(), 1);
    Hyphenator h;
    // "işbirliğinin": after "işbirliği" (11 bytes: ş and ğ take two each) only, as the last
    // hyphen keeps three letters after it; "teşkilatı": after "teş" (4 bytes).
    CHECK(h.points("tr", "işbirliğinin") == std::vector<std::size_t>{11});
    CHECK(h.points("tr-TR", "teşkilatı") == std::vector<std::size_t>{4});
    CHECK(h.points("fi", "puolustusvoimat").empty()); // no file for Finnish here
    ::unsetenv("FACTPRESS_TEX_PATTERNS_PATH");
    std::filesystem::remove_all(dir);
}

TEST_CASE("a character no font covers is reported once with its position") {
    Fixture f;
    Diagnostics diagnostics;
    set_paragraph(f, "Linear B \U00010000 and \U00010000 again", 300, diagnostics, {4, 7});
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].severity == Severity::warning);
    CHECK(diagnostics[0].message ==
          "\U00010000 U+10000 is not covered by any font of style nato; it is drawn as a box");
    CHECK(diagnostics[0].position == Position{4, 7});
}

TEST_CASE("a Persian zero-width non-joiner stays in the text, at no width, for copied text") {
    Fixture f;
    Diagnostics diagnostics;
    auto text_of = [](const std::vector<Line>& lines) {
        std::string all;
        for (const Line& line : lines)
            for (const LineRun& run : line.runs)
                all += run.text;
        return all;
    };
    auto width_of = [](const std::vector<Line>& lines) { return lines.at(0).width; };
    auto with =
        set_paragraph(f, "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u062F", 300, diagnostics);
    auto without = set_paragraph(f, "\u0645\u06CC\u062E\u0648\u0627\u0647\u062F", 300, diagnostics);
    CHECK(text_of(with).find("\u200C") != std::string::npos);
    CHECK(width_of(with) != width_of(without)); // the letters take other forms: not joined
    CHECK(diagnostics.empty());
    // Other ignorable characters still go: a zero-width joiner draws a mark in these fonts.
    auto joiner = set_paragraph(f, "\u0645\u06CC\u200D\u062E", 300, diagnostics);
    CHECK(text_of(joiner).find("\u200D") == std::string::npos);
}

TEST_CASE("the characters no font covers in a block are one warning, each shown once") {
    Fixture f;
    Diagnostics diagnostics;
    // Eleven Linear B syllables in three words, one twice; and a combining mark no font has
    // (U+1D167), shown by its code alone.
    set_paragraph(f,
                  "\U00010000\U00010001\U00010002 \U00010003\U00010004\U00010005\U00010006 "
                  "\U00010000\U00010007\U00010008\U00010009\U0001000A x\U0001D167",
                  300, diagnostics, {2, 3});
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].message ==
          "12 characters are not covered by any font of style nato; they are drawn as boxes: "
          "\U00010000 U+10000, \U00010001 U+10001, \U00010002 U+10002, \U00010003 U+10003, "
          "\U00010004 U+10004, \U00010005 U+10005, \U00010006 U+10006, \U00010007 U+10007 and "
          "4 more");
    // The next block of the document names only what is new.
    Typesetter typesetter(*f.fonts, f.hyphenator, "en", "nato", "", diagnostics);
    TextStyle ts = text_style(f.style, "paragraph");
    typesetter.set(flatten(text("\U00010001 \U00010002"), ts, "en"), ts, 300, {5, 1});
    typesetter.set(flatten(text("\U00010001 \U0001000B"), ts, "en"), ts, 300, {6, 1});
    REQUIRE(diagnostics.size() == 3);
    CHECK(diagnostics[1].position == Position{5, 1});
    CHECK(diagnostics[2].message ==
          "\U0001000B U+1000B is not covered by any font of style nato; it is drawn as a box");
    CHECK(diagnostics[2].position == Position{6, 1});
}

namespace {

// Where lines set from `spans` break their words: byte offsets in the word.
std::set<std::size_t> hyphen_offsets(Typesetter& typesetter, const std::vector<Span>& spans,
                                     const TextStyle& ts, std::string_view language) {
    std::set<std::size_t> offsets;
    std::size_t in_word = 0;
    for (const Line& line : typesetter.set(spans, ts, 70, {}, language)) {
        for (std::size_t r = 0; r < line.runs.size(); ++r) {
            const LineRun& run = line.runs[r];
            if (r > 0 && run.word != line.runs[r - 1].word) in_word = 0; // the next word
            if (run.added_hyphen)
                offsets.insert(in_word);
            else
                in_word += run.text.size();
        }
        if (!line.hyphenated) in_word = 0;
    }
    return offsets;
}

const std::string long_german_word = "Bundesverteidigungsministerium";

// Whether every offset is one of the German patterns' hyphenation points of the word.
void check_german_points(Hyphenator& hyphenator, const std::set<std::size_t>& offsets) {
    std::vector<std::size_t> points = hyphenator.points("de", long_german_word);
    REQUIRE(!offsets.empty());
    for (std::size_t offset : offsets) {
        CAPTURE(offset);
        CHECK(std::find(points.begin(), points.end(), offset) != points.end());
    }
}

} // namespace

TEST_CASE("text in another language than the sheet's is hyphenated by its own patterns") {
    Fixture f;
    Diagnostics diagnostics;
    Typesetter typesetter(*f.fonts, f.hyphenator, "en", "nato", "", diagnostics);
    TextStyle ts = text_style(f.style, "paragraph");
    const std::string& word = long_german_word; // three times
    auto spans = flatten(text(word + " " + word + " " + word), ts, "de");
    std::set<std::size_t> german = hyphen_offsets(typesetter, spans, ts, "de");
    check_german_points(f.hyphenator, german);
    // The sheet's English patterns break it elsewhere.
    CHECK(hyphen_offsets(typesetter, spans, ts, "") != german);
}

TEST_CASE("words in another language inside a paragraph are hyphenated by their own patterns") {
    Fixture f;
    Diagnostics diagnostics;
    Typesetter typesetter(*f.fonts, f.hyphenator, "en", "nato", "", diagnostics);
    TextStyle ts = text_style(f.style, "paragraph");
    const std::string& word = long_german_word;
    Inlines german{{.kind = InlineKind::emphasis,
                    .children = text(word + " " + word + " " + word),
                    .language = "de"}};
    auto spans = flatten(german, ts, "en");
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].language == "de");
    check_german_points(f.hyphenator, hyphen_offsets(typesetter, spans, ts, ""));
    // Without its xml:lang, the same emphasis breaks elsewhere.
    german[0].language.clear();
    auto english = hyphen_offsets(typesetter, flatten(german, ts, "en"), ts, "");
    CHECK(english != hyphen_offsets(typesetter, spans, ts, ""));
}

TEST_CASE("an abbreviation or words in another language are a phrase of their own") {
    Fixture f;
    TextStyle ts = text_style(f.style, "paragraph");
    auto abbr = [](std::string shown, std::string title) {
        return Inline{.kind = InlineKind::abbr,
                      .target = std::move(title),
                      .children = text(std::move(shown))};
    };
    Inlines content = text("The ");
    content.push_back(abbr("NMI", "NATO Mission Iraq"));
    content.push_back(text(" and ").front());
    content.push_back(abbr("NATO", "NATO")); // written out: read as it is
    content.push_back(text(", ").front());
    content.push_back(Inline{
        .kind = InlineKind::strong, .children = {abbr("OTAN", "Organisation")}, .language = "fr"});
    content.push_back(text(".").front());
    auto spans = flatten(content, ts, "en");
    REQUIRE(spans.size() == 5);
    CHECK(spans[0].phrase == 0);
    CHECK(spans[1].text == "NMI");
    CHECK(spans[1].phrase == 1);
    CHECK(spans[1].expansion == "NATO Mission Iraq");
    CHECK(spans[2].text == " and NATO, "); // the written-out abbreviation is plain text
    CHECK(spans[2].phrase == 0);
    CHECK(spans[3].text == "OTAN");
    CHECK(spans[3].phrase == 3); // an abbreviation of its own inside the language's phrase (2)
    CHECK(spans[3].language == "fr");
    CHECK(spans[3].expansion == "Organisation");
    CHECK(spans[4].phrase == 0);

    // Right after its expansion, an abbreviation is read as written: it would be said twice.
    Inlines introduced = text("NATO Response Force (");
    introduced.push_back(abbr("NRF", "NATO Response Force"));
    introduced.push_back(text(") and (").front());
    introduced.push_back(abbr("NRF", "NATO Response Force"));
    auto read = flatten(introduced, ts, "en");
    REQUIRE(read.size() == 2);
    CHECK(read[0].text == "NATO Response Force (NRF) and (");
    CHECK(read[1].expansion == "NATO Response Force"); // after other words, expanded
}

TEST_CASE("a character no font covers in <meta> is reported at its element") {
    Fixture f;
    LoadedDocument loaded =
        test::load_xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<factsheet xmlns=\"urn:factpress:factsheet:1\" xml:lang=\"en\">\n"
                       "<meta><title>T \U00010000</title><date>2021-02</date>\n"
                       "<classification>PUBLIC \U00010001</classification></meta>\n"
                       "<body><p>x</p></body>\n</factsheet>\n");
    REQUIRE(loaded.ok());
    Diagnostics diagnostics;
    layout(loaded.sheet, f.style, *f.fonts, f.hyphenator, {}, diagnostics);
    REQUIRE(diagnostics.size() == 2);
    CHECK(diagnostics[0].message.starts_with("\U00010000 U+10000 is not covered"));
    CHECK(diagnostics[0].position == Position{3, 7}); // <title>
    CHECK(diagnostics[1].message.starts_with("\U00010001 U+10001 is not covered"));
    CHECK(diagnostics[1].position == Position{4, 1}); // <classification>, top and bottom once
}

TEST_CASE("a photo with too few pixels for its size is reported, at the style's resolution") {
    Fixture f;
    auto warnings_for = [&](const std::string& figures) {
        LoadedDocument loaded = test::load_xml(test::with_body(figures));
        REQUIRE(loaded.ok());
        Diagnostics diagnostics;
        layout(loaded.sheet, f.style, *f.fonts, f.hyphenator, {}, diagnostics);
        return diagnostics;
    };
    // 4 by 4 pixels over a column's width: about 1.5 pixels per inch.
    std::string tiny =
        "<p>a</p>\n<figure src=\"img/ok.png\" alt=\"a\"><caption>c</caption></figure>";
    Diagnostics said = warnings_for(tiny);
    REQUIRE(said.size() == 1);
    CHECK(said[0].severity == Severity::warning);
    CHECK(said[0].position.line == 5);
    CHECK(said[0].message.starts_with("figure src=\"img/ok.png\" is 4\u00D74 pixels, drawn "));
    CHECK(said[0].message.ends_with("under the 150 print needs (the style's figure "
                                    "min-resolution)"));
    // 1200 pixels over half a column: several hundred per inch.
    CHECK(warnings_for("<figure src=\"img/taji-visit.jpg\" alt=\"a\" width=\"50%\"><caption>c"
                       "</caption></figure>")
              .empty());
    f.style.set("figure", "min-resolution", "0"); // a style may ask for none
    CHECK(warnings_for(tiny).empty());
}

TEST_CASE("a page of six columns has six (the style allows up to 8)") {
    Fixture f;
    f.style.set("page", "size", "1190x842");
    f.style.set("page", "columns", "6");
    std::string words = repeated("Words fill the columns one by one. ", 600);
    LoadedDocument loaded = test::load_xml(test::with_body("<p>" + words + "</p>"));
    REQUIRE(loaded.ok());
    Diagnostics diagnostics;
    PageLayout pages = layout(loaded.sheet, f.style, *f.fonts, f.hyphenator, {}, diagnostics);
    double left = f.style.number("page", "margin-left"), gap = f.style.number("page", "column-gap");
    double column = (1190 - left - f.style.number("page", "margin-right") - 5 * gap) / 6;
    std::set<int> columns_used; // by the lines starting at a column's left edge
    for (const TextItem& text : pages.pages.front().texts) {
        double k = (text.x - left) / (column + gap);
        if (std::abs(k - std::round(k)) * (column + gap) < 0.5)
            columns_used.insert(static_cast<int>(std::round(k)));
    }
    CHECK(columns_used == std::set<int>{0, 1, 2, 3, 4, 5});
}

TEST_CASE("a family an element names outside the fallback chain is the one it is set in") {
    // plain sets its text in "serif", which nato's font-chain does not list.
    auto plain = load_style("plain");
    REQUIRE(plain.style);
    REQUIRE(std::ranges::find(plain.style->font_chain, "serif") == plain.style->font_chain.end());
    FontLibrary library;
    std::vector<std::string> problems;
    FontSet fonts(*plain.style, library, problems);
    REQUIRE(problems.empty());
    for (auto [variant, file] : {std::pair{Variant::regular, "LiberationSerif-Regular.ttf"},
                                 std::pair{Variant::bold, "LiberationSerif-Bold.ttf"}}) {
        auto runs = fonts.runs("Text", variant, 10, "serif");
        REQUIRE_FALSE(runs.empty());
        for (const FaceRun& run : runs) {
            REQUIRE(run.face >= 0);
            CHECK(fonts.paths()[static_cast<std::size_t>(run.face)].filename() == file);
        }
    }
    // A character serif lacks still falls back along the chain.
    auto arabic = fonts.runs("\u0628", Variant::regular, 10, "serif");
    REQUIRE(arabic.size() == 1);
    CHECK(arabic[0].face >= 0);
}

TEST_CASE("widths agree with libharu's integer advances") {
    Fixture f;
    // Liberation Sans: 'A' advances 1366/2048 em, which libharu writes as 666/1000.
    CHECK(f.fonts->width("A", Variant::regular, 1000, "sans") == doctest::Approx(666));
}

TEST_CASE("layout: every text item stays inside the page, seed example on two pages") {
    Fixture f;
    LoadedDocument loaded =
        load_document(test::test_dir() / ".." / "examples" / "nato-mission-iraq.xml", {});
    REQUIRE(loaded.ok());
    Diagnostics diagnostics;
    PageLayout pages = layout(loaded.sheet, f.style, *f.fonts, f.hyphenator, {}, diagnostics);
    CHECK(pages.pages.size() == 2);
    for (const auto& page : pages.pages)
        for (const auto& t : page.texts) {
            CHECK(t.x >= 0);
            CHECK(t.x + t.width <= pages.width);
            CHECK(t.y <= pages.height);
        }
    CHECK(pages.bookmarks.size() == 1);
    CHECK(diagnostics.empty());
}

TEST_CASE("a header or footer longer than its room is set smaller, never cut") {
    Fixture f;
    std::string issuer = "Directorate of Communications and Public Diplomacy of the Supreme "
                         "Headquarters Allied Powers Europe, Strategic Communications Branch";
    auto loaded = test::load_xml(
        "<factsheet xmlns='urn:factpress:factsheet:1' xml:lang='en'><meta><title>T</title>"
        "<short-title>" +
        issuer + "</short-title><date>2021</date><issuer>" + issuer +
        "</issuer></meta><body><p>x</p></body></factsheet>");
    REQUIRE(loaded.ok());
    Diagnostics diagnostics;
    PageLayout pages = layout(loaded.sheet, f.style, *f.fonts, f.hyphenator, {}, diagnostics);
    std::string drawn;
    for (const auto& t : pages.pages[0].texts) {
        drawn += t.text + " ";
        CHECK(t.x + t.width <= pages.width - 40);
    }
    for (std::string word : {"Directorate", "Europe,", "Strategic", "Branch"})
        CHECK(drawn.find(word) != std::string::npos);
}

TEST_CASE("the last page's columns are balanced and the contact rule travels with its block") {
    Fixture f;
    for (const char* name : {"every-element.xml", "../../examples/nato-mission-iraq.xml"}) {
        CAPTURE(name);
        LoadedDocument loaded = load_document(test::test_dir() / "documents" / name, {});
        REQUIRE(loaded.ok());
        Diagnostics diagnostics;
        PageLayout pages = layout(loaded.sheet, f.style, *f.fonts, f.hyphenator, {}, diagnostics);
        const Page& last = pages.pages.back();
        double body_bottom = pages.height - f.style.number("page", "margin-bottom");
        double left = 0, right = 0;
        for (const auto& t : last.texts) {
            if (t.y > body_bottom) continue; // footer
            (t.x < pages.width / 2 ? left : right) =
                std::max(t.x < pages.width / 2 ? left : right, t.y);
        }
        std::optional<TextItem> contact = word_on(last, "CONTACT");
        CHECK(right > 0);
        CHECK(std::abs(left - right) < 0.25 * (body_bottom - 100));
        REQUIRE(contact);
        bool rule_above = false;
        for (const auto& r : last.rects)
            rule_above = rule_above || (std::abs(r.x - contact->x) < 1 && r.y < contact->y &&
                                        contact->y - r.y < 25);
        CHECK(rule_above);
    }
}

TEST_CASE("a spaced dash never opens a justified line") {
    Fixture f;
    Diagnostics diagnostics;
    std::string words = repeated("NATO is \u2013 via its centre \u2013 also supporting them. ", 40);
    for (double width : {150.0, 200.0, 240.0}) {
        auto lines = set_paragraph(f, words, width, diagnostics, {});
        for (const auto& line : lines) {
            CHECK_FALSE(line.runs.front().text.starts_with("\u2013"));
            // ... and keeps the space before it.
            for (std::size_t i = 1; i < line.runs.size(); ++i)
                if (line.runs[i].text == "\u2013")
                    CHECK(line.runs[i].x > line.runs[i - 1].x + line.runs[i - 1].width + 1);
        }
    }
}

TEST_CASE("justified word spaces stay within 0.75 to 1.30 of a space (5th to 95th percentile)") {
    Fixture f;
    std::vector<double> ratios;
    for (const char* name : {"../../examples/nato-mission-iraq.xml", "every-element.xml"}) {
        LoadedDocument loaded = load_document(test::test_dir() / "documents" / name, {});
        REQUIRE(loaded.ok());
        Diagnostics diagnostics;
        Typesetter typesetter(*f.fonts, f.hyphenator, loaded.sheet.language, "nato",
                              all_text(loaded.sheet), diagnostics);
        TextStyle ts = text_style(f.style, "paragraph");
        std::vector<const Inlines*> paragraphs;
        for (const auto& block : loaded.sheet.body_blocks)
            if (auto* p = std::get_if<Paragraph>(&block)) paragraphs.push_back(&p->content);
        for (const auto& section : loaded.sheet.sections)
            for (const auto& block : section.blocks)
                if (auto* p = std::get_if<Paragraph>(&block)) paragraphs.push_back(&p->content);
        for (const Inlines* content : paragraphs) {
            auto lines = typesetter.set(flatten(*content, ts, "en"), ts, 239.638, {});
            for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
                CHECK(lines[i].width == doctest::Approx(239.638).epsilon(0.0001));
                for (double gap : lines[i].gaps)
                    ratios.push_back(gap / lines[i].natural_space);
            }
        }
    }
    REQUIRE(ratios.size() > 200);
    std::sort(ratios.begin(), ratios.end());
    CHECK(ratios[ratios.size() * 5 / 100] >= 0.75);
    CHECK(ratios[ratios.size() * 95 / 100] <= 1.30);
}

TEST_CASE("a family without a bold face falls back to its own regular face, not another family's") {
    Fixture f;
    // KACST Book has one weight; bold Arabic asked of it must still come from it (not from Noto
    // Sans Arabic Bold, later in the chain), and bold Latin from sans.
    int arabic_bold = f.fonts->face_for(U'\u0628', Variant::bold, "kacst");
    int arabic_regular = f.fonts->face_for(U'\u0628', Variant::regular, "kacst");
    REQUIRE(arabic_regular >= 0);
    CHECK(arabic_bold == arabic_regular);
    // Noto Sans Arabic, first for Arabic in the chain, has both weights.
    CHECK(f.fonts->face_for(U'\u0628', Variant::bold) !=
          f.fonts->face_for(U'\u0628', Variant::regular));
    CHECK(f.fonts->face_for(U'A', Variant::bold, "kacst") !=
          f.fonts->face_for(U'A', Variant::regular, "kacst"));
}

TEST_CASE("balancing never empties the first column: a lone figure stays on the left") {
    Fixture f;
    ResolveOptions options;
    options.draft = true; // the image is missing: a placeholder rectangle stands in
    LoadedDocument loaded =
        load_document(test::test_dir() / "hostile" / "figure-missing-file.xml", options);
    REQUIRE(loaded.ok());
    Diagnostics diagnostics;
    PageLayout pages = layout(loaded.sheet, f.style, *f.fonts, f.hyphenator, {}, diagnostics);
    REQUIRE(pages.pages.size() == 1);
    bool placeholder_left = false;
    for (const auto& r : pages.pages[0].rects)
        placeholder_left = placeholder_left || (r.stroke && r.x < pages.width / 2 && r.height > 50);
    CHECK(placeholder_left);
}

namespace {

PageLayout layout_in(Fixture& f, const std::string& language, const std::string& paragraph) {
    std::string xml = test::with_body("<p>" + paragraph + "</p>");
    xml.replace(xml.find("xml:lang=\"en\""), 13, "xml:lang=\"" + language + "\"");
    LoadedDocument loaded = test::load_xml(xml);
    REQUIRE(loaded.ok());
    Diagnostics diagnostics;
    PageLayout pages = layout(loaded.sheet, f.style, *f.fonts, f.hyphenator, {}, diagnostics);
    CHECK(diagnostics.empty());
    return pages;
}

TextItem item_with(const PageLayout& pages, std::string_view text) {
    std::optional<TextItem> item = word_on(pages.pages.front(), text);
    if (!item) FAIL("the page does not show " << text);
    return *item;
}

} // namespace

TEST_CASE("a Hebrew, Persian or Urdu sheet is laid out right to left, not only an Arabic one") {
    Fixture f;
    for (const char* language : {"he", "fa", "ur", "ar"}) {
        CAPTURE(language);
        PageLayout pages = layout_in(f, language, "NATO");
        TextItem word = item_with(pages, "NATO");
        CHECK(word.x + word.width > pages.width / 2); // in the right-hand column, at its end
    }
    PageLayout english = layout_in(f, "en", "NATO");
    CHECK(item_with(english, "NATO").x < english.width / 4);
}

TEST_CASE("the words of a Persian paragraph are set in one face, not one face per word") {
    Fixture f;
    // Persian letters (گ, ی, پ) are not all in KACST Book, the fallback: one face sets them all.
    PageLayout pages = layout_in(f, "fa", "ناتو در عراق گچ پژوهش یک");
    std::set<int> faces;
    for (const auto& t : pages.pages.front().texts)
        if (has_right_to_left(t.text)) faces.insert(t.face);
    CHECK(faces.size() == 1);
}

namespace {

std::string line_text(const Line& line) {
    std::string text;
    for (const auto& run : line.runs)
        text += run.text;
    return text;
}

} // namespace

TEST_CASE("an author's soft hyphens and zero-width spaces are where a word breaks, never drawn") {
    Fixture f;
    Diagnostics diagnostics;
    // Each part is narrower than the measure, the whole word is far wider.
    std::string shy = "Rüstungs\u00ADkontroll\u00ADabkommen\u00ADverhandlungen";
    auto lines = set_paragraph(f, shy + " " + shy, 70, diagnostics);
    REQUIRE(lines.size() >= 4);
    std::string all;
    for (const auto& line : lines) {
        std::string text = line_text(line);
        CHECK(text.find("\u00AD") == std::string::npos);
        CHECK(line.width <= 70.001);
        all += text + "|";
    }
    CHECK(all.find("Rüstungs-|") != std::string::npos);       // a hyphen where it broke
    CHECK(all.find("kontrollabkommen") == std::string::npos); // not cut elsewhere
    auto zwsp = set_paragraph(f, "https://www.nato.int/\u200Bcps/\u200Ben", 1000, diagnostics);
    REQUIRE(zwsp.size() == 1);
    CHECK(line_text(zwsp.front()) == "https://www.nato.int/cps/en");
    CHECK(diagnostics.empty());
}

TEST_CASE("a zero-width non-joiner shapes Persian words and reaches the page's text") {
    // Drawn with the blank zero-width space's glyph (pdf_text_codes): fonts draw it as a bar.
    Fixture f;
    PageLayout pages = layout_in(f, "fa", "نقل\u200Cقول");
    bool kept = false;
    for (const auto& t : pages.pages.front().texts)
        kept = kept || t.text.find("\u200C") != std::string::npos;
    CHECK(kept);
}

TEST_CASE("an address breaks without added hyphens, inside a long stretch where it must") {
    Fixture f;
    Diagnostics diagnostics;
    const std::string url =
        "https://www.nato.int/cps/tr/natohq/topics_000000000000000000000000000000000000000000000000"
        ".htm?selectedLocale=tr&x=1";
    auto lines = set_paragraph(f, "Çok uzun bir URL: " + url + " burada.", 239.638, diagnostics);
    REQUIRE(lines.size() >= 3);
    std::string joined;
    for (const auto& line : lines) {
        CHECK_FALSE(line.hyphenated); // "top-ics" would change the address
        CHECK(line.width <= 239.64);
        joined += line_text(line);
    }
    CHECK(joined.find(url) != std::string::npos);
    // The words before it share the first line instead of leaving "Çok" alone on it.
    CHECK(line_text(lines.front()).starts_with("ÇokuzunbirURL:")); // runs hold no spaces
    CHECK(diagnostics.empty());
}

TEST_CASE("kerned pairs are set closer, in every direction of writing") {
    Fixture f;
    Diagnostics diagnostics;
    // "AV" and "To" are kerned in Liberation Sans: the word is narrower than its letters' advances.
    for (const char* word : {"AVAV", "Today"}) {
        CAPTURE(word);
        auto lines = set_paragraph(f, word, 300, diagnostics);
        REQUIRE(lines.size() == 1);
        double advances = f.fonts->width(std::string(word).substr(0, 1), Variant::regular, 9.5);
        for (std::size_t i = 1; i < std::string_view(word).size(); ++i)
            advances += f.fonts->width(std::string(1, word[i]), Variant::regular, 9.5);
        CHECK(lines.front().width < advances - 0.1);
        CHECK(lines.front().runs.size() >= 2); // drawn apart at each kerned pair
    }
    // A number in a right-to-left sheet keeps its digits' order when "11" is kerned.
    PageLayout pages = layout_in(f, "ar", "2011 بغداد");
    CHECK(word_on(pages.pages.front(), "2011"));
}

// Whether `words` stand on the page's first lines from left to right, in that order.
bool left_to_right(const PageLayout& pages, std::initializer_list<std::string_view> words) {
    double x = -1;
    for (std::string_view word : words) {
        TextItem item = item_with(pages, word);
        if (item.x <= x) return false;
        x = item.x;
    }
    return true;
}

TEST_CASE("a line without a word of the sheet's direction reads the other way, numbers included") {
    Fixture f;
    // In an Arabic sheet, a line of Latin words and numbers only reads left to right as a whole
    // (as the English date of a sheet without labels does): not "2020 NATO 5".
    CHECK(left_to_right(layout_in(f, "ar", "5 NATO 2020"), {"5", "NATO", "2020"}));
    // Its punctuation stays where it reads left to right: "Today," not ",Today".
    CHECK(word_on(layout_in(f, "ar", "Today, NATO").pages.front(), "Today,"));
    // A line of numbers alone reads left to right in every sheet, as a telephone number is
    // dialled: in an English sheet too (no longer turned the other way, "5041 707 +32(0)2").
    for (std::string language : {"en", "ar"}) {
        CAPTURE(language);
        CHECK(
            left_to_right(layout_in(f, language, "+32(0)2 707 5041"), {"+32(0)2", "707", "5041"}));
    }
    // With an Arabic word in it, the line is right to left: the number after it is on its left.
    CHECK(left_to_right(layout_in(f, "ar", "بغداد 2020"), {"2020", shape_word("بغداد", true)}));
}

TEST_CASE("a right-to-left word in parts of two styles reads right to left, its period last") {
    Fixture f;
    // "... موقع الناتو." with the two words a link: the period ends the sentence on the left of
    // the link's last word, in an Arabic sheet and in an English one; and a word whose first
    // letters are strong keeps them on its right.
    std::string site = shape_word("الناتو", true), first = shape_word("ال", true),
                rest = shape_word("ناتو", true);
    for (std::string language : {"ar", "en"}) {
        CAPTURE(language);
        PageLayout pages =
            layout_in(f, language, "راجع <link href=\"https://www.nato.int\">موقع الناتو</link>.");
        TextItem word = item_with(pages, site), period = item_with(pages, ".");
        CHECK(period.x + period.width <= word.x + 0.01);
        PageLayout parts = layout_in(f, language, "راجع <strong>ال</strong>ناتو اليوم");
        TextItem strong = item_with(parts, first), plain = item_with(parts, rest);
        CHECK(plain.x + plain.width <= strong.x + 0.01);
    }
}

TEST_CASE("a narrower figure's caption lines up with the image, or is centred under a small one") {
    Fixture f;
    LoadedDocument loaded = test::load_xml(test::with_body(
        "<figure src=\"img/taji-visit.jpg\" alt=\"a\" width=\"70%\"><caption>Seventy "
        "wide</caption></figure><figure src=\"img/taji-visit.jpg\" alt=\"b\" "
        "width=\"30%\"><caption>Thirty</caption></figure>"));
    REQUIRE(loaded.ok());
    Diagnostics diagnostics;
    PageLayout pages = layout(loaded.sheet, f.style, *f.fonts, f.hyphenator, {}, diagnostics);
    const Page& page = pages.pages.front();
    REQUIRE(page.images.size() == 2);
    const ImageItem &wide = page.images[0], &small = page.images[1];
    TextItem seventy = item_with(pages, "Seventy"), thirty = item_with(pages, "Thirty");
    CHECK(seventy.x == doctest::Approx(wide.x).epsilon(0.001));
    CHECK(thirty.x + thirty.width / 2 == doctest::Approx(small.x + small.width / 2).epsilon(0.001));
}

TEST_CASE("Hebrew words in a Persian sheet do not pull its Persian into a face that has both") {
    Fixture f;
    // DejaVu Sans has Arabic and Hebrew; the Persian words stay in the face chosen for Arabic
    // script alone.
    auto arabic_faces = [](const PageLayout& layout) {
        std::set<int> faces;
        for (const auto& t : layout.pages.front().texts)
            for (char32_t cp : utf8::decode(t.text))
                if ((cp >= 0x600 && cp <= 0x6FF) || (cp >= 0xFB50 && cp <= 0xFEFF))
                    faces.insert(t.face);
        return faces;
    };
    std::set<int> with_hebrew = arabic_faces(layout_in(f, "fa", "ناتو در عراق گچ پژوهش בעברית"));
    std::set<int> alone = arabic_faces(layout_in(f, "fa", "ناتو در عراق گچ پژوهش"));
    CHECK(with_hebrew.size() == 1);
    CHECK(with_hebrew == alone);
}

namespace {

// Where the first word starting with `start` is drawn: page, column (0 is the left one) and
// baseline.
struct Placed {
    std::size_t page = 0;
    int column = 0;
    double y = 0;
};
std::optional<Placed> place_of(const PageLayout& pages, std::string_view start) {
    for (std::size_t p = 0; p < pages.pages.size(); ++p)
        for (const auto& t : pages.pages[p].texts)
            if (t.text.starts_with(start)) return Placed{p, t.x < pages.width / 2 ? 0 : 1, t.y};
    return std::nullopt;
}

PageLayout layout_of(Fixture& f, const std::string& xml) {
    LoadedDocument loaded = test::load_xml(xml);
    REQUIRE(loaded.ok());
    Diagnostics diagnostics;
    return layout(loaded.sheet, f.style, *f.fonts, f.hyphenator, {}, diagnostics);
}

} // namespace

TEST_CASE("a quote's attribution stays with its last lines, wherever the column ends") {
    Fixture f;
    std::string quote = "<quote source=\"Attributed Speaker\"><p>Opening words of a quotation "
                        "long enough to take two lines of the column.</p><p>Closing</p></quote>";
    std::string filler;
    int ends_in_next_column = 0; // the cases that show the rule: a column ended inside the quote
    for (int before = 0; before < 70; ++before, filler += "<p>A line of filler.</p>") {
        CAPTURE(before);
        PageLayout pages = layout_of(f, test::with_body(filler + quote));
        std::optional<Placed> opening = place_of(pages, "\u201COpening"),
                              closing = place_of(pages, "Closing"),
                              source = place_of(pages, "Speaker");
        REQUIRE(opening);
        REQUIRE(closing);
        REQUIRE(source);
        CHECK(source->page == closing->page);
        CHECK(source->column == closing->column);
        CHECK(source->y > closing->y);
        if (opening->page != source->page || opening->column != source->column)
            ++ends_in_next_column;
    }
    CHECK(ends_in_next_column > 0);
}

TEST_CASE("the paragraphs of a summary, quote or note are set apart, as in the body") {
    Fixture f;
    double space = f.style.number("paragraph", "space-after");
    REQUIRE(space > 0);
    PageLayout pages = layout_of(
        f, "<factsheet xmlns='urn:factpress:factsheet:1' xml:lang='en'><meta><title>T</title>"
           "<date>2021</date></meta><summary><p>Alpha</p><p>Bravo</p></summary><body>"
           "<quote><p>Charlie</p><p>Delta</p></quote><note><p>Echo</p><p>Foxtrot</p></note>"
           "</body></factsheet>");
    for (auto [element, first, second] : {std::tuple{"summary", "Alpha", "Bravo"},
                                          {"quote", "\u201CCharlie", "Delta"},
                                          {"note", "Echo", "Foxtrot"}}) {
        CAPTURE(element);
        std::optional<Placed> a = place_of(pages, first), b = place_of(pages, second);
        REQUIRE(a);
        REQUIRE(b);
        double leading = text_style(f.style, element).leading;
        CHECK(b->y - a->y == doctest::Approx(leading + space).epsilon(0.001));
    }
}

TEST_CASE("a style sets the space between a note's paragraphs with paragraph-space") {
    auto file = std::filesystem::temp_directory_path() / "factpress-paragraph-space.xml";
    std::ofstream(file) << "<style extends=\"nato\"><set element=\"note\" paragraph-space=\"2\"/>"
                           "</style>\n";
    auto loaded = load_style(file.string());
    std::filesystem::remove(file);
    REQUIRE(loaded.style);
    Fixture f;
    f.style = *loaded.style;
    PageLayout pages = layout_of(f, test::with_body("<note><p>Echo</p><p>Foxtrot</p></note>"));
    std::optional<Placed> a = place_of(pages, "Echo"), b = place_of(pages, "Foxtrot");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(b->y - a->y == doctest::Approx(text_style(f.style, "note").leading + 2).epsilon(0.001));
}

TEST_CASE("balancing the last page never leaves one line of a quote or note alone in a column") {
    Fixture f;
    for (const char* box : {"quote", "note"}) {
        CAPTURE(box);
        PageLayout pages = layout_of(
            f, test::with_body(fmt::format("<{0}><p>Golf</p><p>Hotel</p><p>India</p></{0}>", box)));
        std::optional<Placed> first = place_of(pages, "\u201CGolf"),
                              last = place_of(pages, "India");
        if (!first) first = place_of(pages, "Golf");
        REQUIRE(first);
        REQUIRE(last);
        CHECK(first->column == last->column);
    }
}

TEST_CASE("a link on the coloured title band is drawn in the band's text colour, and still links") {
    Fixture f;
    PageLayout pages = layout_of(
        f, "<factsheet xmlns='urn:factpress:factsheet:1' xml:lang='en'><meta><title>The "
           "<link href='https://www.nato.int'>Alliance</link></title><date>2021</date></meta>"
           "<body><p>In the <link href='https://www.nato.int'>body</link>.</p></body></factsheet>");
    REQUIRE(f.style.text("title-band", "background", "none") != "none");
    TextItem title = item_with(pages, "Alliance"), body = item_with(pages, "body");
    CHECK(title.colour == text_style(f.style, "title").colour);
    CHECK(body.colour == f.style.colour("link", "color"));
    bool linked = false; // a link area around the word on the band
    for (const auto& link : pages.pages.front().links)
        linked = linked || (link.uri == "https://www.nato.int" && link.x <= title.x + 0.01 &&
                            link.x + link.width >= title.x + title.width - 0.01 &&
                            link.y < title.y && title.y < link.y + link.height);
    CHECK(linked);
}

TEST_CASE("spacing tightens, down to half, rather than leave a last page to a few lines") {
    Fixture f;
    // every-element.xml's contact block is all that overflows its one page at full spacing.
    LoadedDocument loaded = load_document(test::test_dir() / "documents" / "every-element.xml", {});
    REQUIRE(loaded.ok());
    Diagnostics diagnostics;
    PageLayout pages = layout(loaded.sheet, f.style, *f.fonts, f.hyphenator, {}, diagnostics);
    CHECK(pages.pages.size() == 1);
    CHECK(word_on(pages.pages.front(), "CONTACT"));
    CHECK(pages.spacing < 1); // said in the report and with -v
    // So it keeps within --max-pages 1, which the first flow, at full spacing, exceeds.
    LayoutOptions one_page;
    one_page.max_pages = 1;
    CHECK(
        layout(loaded.sheet, f.style, *f.fonts, f.hyphenator, one_page, diagnostics).pages.size() ==
        1);
    // A second page with more on it than tighter spacing can save stays: the seed sheet's.
    LoadedDocument seed =
        load_document(test::test_dir() / ".." / "examples" / "nato-mission-iraq.xml", {});
    REQUIRE(seed.ok());
    PageLayout seed_pages = layout(seed.sheet, f.style, *f.fonts, f.hyphenator, {}, diagnostics);
    CHECK(seed_pages.pages.size() == 2);
    CHECK(seed_pages.spacing == 1);
}

TEST_CASE("spacing tightens only for some lengths of a sheet, and never below half") {
    Fixture f;
    double leading = text_style(f.style, "paragraph").leading;
    double space = f.style.number("paragraph", "space-after");
    std::string body = "<p>Alpha line.</p><p>Bravo line.</p>";
    int tightened = 0, full = 0;
    for (int n = 0; n < 100; ++n) {
        body += "<p>Filler line.</p>";
        PageLayout pages = layout_of(f, test::with_body(body));
        std::optional<Placed> a = place_of(pages, "Alpha"), b = place_of(pages, "Bravo");
        REQUIRE(a);
        REQUIRE(b);
        CAPTURE(n);
        double gap = b->y - a->y;
        CHECK(gap >= leading + space / 2 - 0.01);
        CHECK(gap <= leading + space + 0.01);
        (gap < leading + space - 0.01 ? tightened : full) += 1;
    }
    CHECK(tightened > 0);
    CHECK(full > tightened);
}

TEST_CASE(
    "the layout's logical structure: each block a node, in reading order, page furniture none") {
    Fixture f;
    PageLayout pages = layout_of(
        f, test::with_body("<p>Intro</p><list><item>One</item></list><quote source=\"Speaker\">"
                           "<p>Quoted</p></quote><note><p>Aside</p></note>"
                           "<section><heading>Part</heading><p>Body</p></section>"));
    std::vector<std::string> roles;
    for (const StructureNode& node : pages.structure)
        roles.push_back(node.role + (node.parent < 0 ? "" : "<" + std::to_string(node.parent)));
    CHECK(roles == std::vector<std::string>{"H1", "P", "P", "L", "LI<3", "Lbl<4", "LBody<4",
                                            "BlockQuote", "P<7", "P<7", "Div", "P<10", "H2", "P"});
    auto node_of = [&](std::string_view text) {
        for (const Page& page : pages.pages)
            for (const TextItem& t : page.texts)
                if (t.text.find(text) != std::string::npos) return t.node;
        return -2;
    };
    CHECK(node_of("Intro") == 2);
    CHECK(node_of("\u2022") == 5); // the bullet is the item's label
    CHECK(node_of("One") == 6);
    CHECK(node_of("Speaker") == 9);
    CHECK(node_of("Part") == 12);
    CHECK(node_of("Body") == 13);
    CHECK(node_of("Page") == -1); // the page number: an artifact
}

TEST_CASE("a link is a node inside its block, one across lines, saying its words") {
    Fixture f;
    std::string words = "the long name of a page that is far too wide for one line of a column";
    PageLayout pages = layout_of(
        f, test::with_body("<p>See <link href=\"https://example.org/a\">" + words +
                           "</link> and <link href=\"https://example.org/a\">again</link>, "
                           "or <link href=\"#part\">the part</link> <link href=\"#part\">its "
                           "heading</link>.</p>"
                           "<section id=\"part\"><heading>Part</heading></section>"));
    std::vector<std::string> roles;
    for (const StructureNode& node : pages.structure)
        roles.push_back(node.role + (node.parent < 0 ? "" : "<" + std::to_string(node.parent)));
    CHECK(roles ==
          std::vector<std::string>{"H1", "P", "P", "Link<2", "Link<2", "Link<2", "Link<2", "H2"});
    CHECK(pages.structure[3].words == words);
    CHECK(pages.structure[4].words == "again");
    CHECK(pages.structure[5].words == "the part");
    CHECK(pages.structure[6].words == "its heading"); // a link of its own, though to one target
    std::set<double> lines_of_link;
    std::vector<int> text_nodes, link_nodes;
    for (const Page& page : pages.pages) {
        for (const TextItem& t : page.texts) {
            if (t.node == 3) lines_of_link.insert(t.y);
            if (t.node >= 2 && t.node <= 6 && (text_nodes.empty() || text_nodes.back() != t.node))
                text_nodes.push_back(t.node);
        }
        for (const LinkItem& link : page.links)
            link_nodes.push_back(link.node);
    }
    CHECK(lines_of_link.size() >= 2);
    CHECK(text_nodes == std::vector<int>{2, 3, 2, 4, 2, 5, 6, 2}); // the block's words around each
    CHECK(link_nodes.size() >= lines_of_link.size() + 3);          // a rectangle a line
    CHECK(std::set<int>(link_nodes.begin(), link_nodes.end()) == std::set<int>{3, 4, 5, 6});
}

TEST_CASE("the hyphen a line is broken with is marked as added, in the block of its word") {
    Fixture f;
    std::string p = "<p>";
    for (int i = 0; i < 6; ++i)
        p += "Internationalisation, interoperability and counterintelligence in non-combat roles. ";
    PageLayout pages = layout_of(f, test::with_body(p + "</p>"));
    int added = 0;
    for (const Page& page : pages.pages)
        for (const TextItem& t : page.texts) {
            CAPTURE(t.text);
            if (t.added_hyphen) {
                ++added;
                CHECK(t.text == "-");
                CHECK(t.node == 2); // the paragraph's, drawn as an artifact
            } else {
                CHECK(t.text != "-");
            }
        }
    CHECK(added > 0);
}

TEST_CASE("a block in another language than the sheet's says so, as xml:lang around it does") {
    Fixture f;
    PageLayout pages =
        layout_of(f, test::with_body("<quote xml:lang=\"fr\"><p>Bonjour</p></quote><section "
                                     "xml:lang=\"de-AT\"><heading>Teil</heading><p>Text</p><p "
                                     "xml:lang=\"en\">Back</p></section>"));
    std::vector<std::string> said;
    for (const StructureNode& node : pages.structure)
        said.push_back(node.role + (node.language.empty() ? "" : ":" + node.language));
    CHECK(said == std::vector<std::string>{"H1", "P", "BlockQuote", "P:fr", "H2:de-AT", "P:de-AT",
                                           "P"}); // the sheet's own language is not repeated
}

TEST_CASE("a paragraph in a right-to-left language reads right to left in a left-to-right sheet") {
    Fixture f;
    std::string arabic = "بعثة الناتو في "
                         "العراق ";
    std::string text;
    for (int i = 0; i < 8; ++i)
        text += arabic;
    // Each line's left and right edge, top to bottom.
    auto edges = [&](const std::string& attributes) {
        PageLayout pages =
            layout_of(f, test::with_body("<p" + attributes + ">" + text + "الختام</p>"));
        std::map<double, std::pair<double, double>> lines;
        for (const TextItem& t : pages.pages.at(0).texts) {
            if (t.node != 2) continue; // the paragraph's
            auto [it, fresh] = lines.try_emplace(t.y, t.x, t.x + t.width);
            it->second = {std::min(it->second.first, t.x),
                          std::max(it->second.second, t.x + t.width)};
        }
        return lines;
    };
    auto own = edges(" xml:lang=\"ar\"");
    REQUIRE(own.size() >= 2);
    auto first = own.begin()->second, last = own.rbegin()->second;
    CHECK(last.second == doctest::Approx(first.second).epsilon(0.001)); // ends at the right
    CHECK(last.first > first.first + 20);                               // ragged on the left
    auto sheets = edges(""); // in the sheet's direction, the last line starts at the left
    REQUIRE(sheets.size() == own.size());
    CHECK(sheets.rbegin()->second.first == doctest::Approx(first.first).epsilon(0.001));
}

TEST_CASE("a list item or key fact in the other direction than the sheet's has its marker on "
          "its own side") {
    Fixture f;
    std::string arabic = "البند الأول من القائمة العربية الذي يمتد على سطرين على الأقل في العمود";
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<factsheet xmlns=\"urn:factpress:factsheet:1\" xml:lang=\"en\">\n"
                      "<meta><title>T</title><date>2021-02</date></meta>\n"
                      "<key-facts><fact>An English fact.</fact><fact xml:lang=\"ar\">" +
                      arabic +
                      "</fact></key-facts>\n"
                      "<body><list type=\"number\"><item>English.</item></list>"
                      "<list type=\"number\" xml:lang=\"ar\"><item>" +
                      arabic + "</item></list></body>\n</factsheet>\n";
    PageLayout pages = layout_of(f, xml);
    const auto& nodes = pages.structure;
    // Each list item's marker (Lbl) and text (LBody): their left and right edges.
    std::map<int, std::pair<double, double>> label, body; // by the LI node
    for (const TextItem& t : pages.pages.at(0).texts) {
        if (t.node < 0) continue;
        const StructureNode& node = nodes.at(static_cast<std::size_t>(t.node));
        auto* edges = node.role == "Lbl" ? &label : node.role == "LBody" ? &body : nullptr;
        if (!edges) continue;
        auto [it, fresh] = edges->try_emplace(node.parent, t.x, t.x + t.width);
        it->second = {std::min(it->second.first, t.x), std::max(it->second.second, t.x + t.width)};
    }
    REQUIRE(label.size() == 4); // two facts, two items
    int right_side = 0;
    for (const auto& [item, marker] : label) {
        CAPTURE(item);
        const auto& text = body.at(item);
        if (marker.first > text.second) // an Arabic item: the marker right of its text
            ++right_side;
        else
            CHECK(marker.second < text.first); // an English item: left of it
    }
    CHECK(right_side == 2);
}

TEST_CASE("a block with right-to-left text says its text in the order it is read") {
    Fixture f;
    PageLayout pages = layout_of(f, test::with_body("<p>Plain words</p><p>قال <em>النا"
                                                    "تو</em> today</p>"));
    REQUIRE(pages.structure.size() == 4);          // H1, the date, the two paragraphs
    CHECK(pages.structure[2].actual_text.empty()); // drawn as read
    CHECK(pages.structure[3].actual_text == "قال الناتو today");
}

TEST_CASE("a figure is a node with its alternative text, its caption a node beside it") {
    Fixture f;
    PageLayout pages = layout_of(
        f, test::with_body("<figure src=\"img/taji-visit.jpg\" alt=\"Officers at a school\">"
                           "<caption>Taji</caption></figure><figure src=\"img/taji-visit.jpg\" "
                           "alt=\"\"><caption>Decoration</caption></figure>"));
    REQUIRE(pages.structure.size() == 5); // H1, the date, Figure, Caption, Caption
    CHECK(pages.structure[2].role == "Figure");
    CHECK(pages.structure[2].alt == "Officers at a school");
    CHECK(pages.structure[3].role == "Caption");
    CHECK(pages.structure[3].parent == -1); // not inside the figure, whose alt text replaces it
    CHECK(pages.structure[4].role == "Caption");
    std::vector<int> images;
    for (const Page& page : pages.pages)
        for (const ImageItem& image : page.images)
            images.push_back(image.node);
    CHECK(images == std::vector<int>{2, -1}); // alt="": decoration, not read out
}
