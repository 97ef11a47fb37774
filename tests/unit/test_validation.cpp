// The hostile suite: each file is rejected with its expected position and message.
#include "pipeline/validate_values.hpp"
#include "test_helpers.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fstream>
#include <sstream>

using namespace factpress;
namespace fs = std::filesystem;

TEST_CASE("every hostile document is rejected at the expected line:column") {
    std::ifstream expected(test::test_dir() / "hostile" / "expected.tsv");
    std::string row;
    int cases = 0;
    while (std::getline(expected, row)) {
        if (row.empty() || row[0] == '#') continue;
        std::istringstream fields(row);
        std::string file, position, phrase;
        std::getline(fields, file, '\t');
        std::getline(fields, position, '\t');
        std::getline(fields, phrase);
        CAPTURE(file);
        LoadedDocument loaded = load_document(test::test_dir() / "hostile" / file, {});
        REQUIRE_FALSE(loaded.ok());
        const Diagnostic& first = loaded.diagnostics.front();
        CHECK(fmt::format("{}:{}", first.position.line, first.position.column) == position);
        CHECK(first.message.find(phrase) != std::string::npos);
        ++cases;
    }
    CHECK(cases >= 30);
}

TEST_CASE("every corpus document validates") {
    if (!fs::exists(test::corpus_dir())) {
        MESSAGE("skipped: ../shared/corpus is not there");
        return;
    }
    int documents = 0;
    for (const auto& entry : fs::directory_iterator(test::corpus_dir())) {
        if (entry.path().extension() != ".xml") continue;
        CAPTURE(entry.path().string());
        LoadedDocument loaded = load_document(entry.path(), {});
        for (const auto& d : loaded.diagnostics)
            MESSAGE(format_diagnostic(entry.path().string(), d));
        CHECK(loaded.ok());
        ++documents;
    }
    CHECK(documents > 0);
}

TEST_CASE("all problems of a document are reported together, in source order") {
    auto loaded = test::load_xml(test::with_body(
        "<p><link href='#nowhere'>z</link></p>\n<figure src='img/missing.png' "
        "alt='a'><caption>c</caption>"
        "</figure>\n<p class='a'>x</p><para/><p><link href='ftp://x'>y</link></p>"));
    REQUIRE(loaded.diagnostics.size() == 5);
    CHECK(loaded.diagnostics[1].message.find("no such file") != std::string::npos);
    for (std::size_t i = 1; i < loaded.diagnostics.size(); ++i)
        CHECK(loaded.diagnostics[i - 1].position <= loaded.diagnostics[i].position);
}

TEST_CASE("edge cases an author may write are accepted") {
    SUBCASE("BOM, CRLF, comments, CDATA and processing instructions") {
        std::string xml =
            "\xEF\xBB\xBF" + test::with_body("<!-- c --><p><![CDATA[a < b]]><?pi x?></p>");
        for (std::size_t at = xml.find('\n'); at != std::string::npos; at = xml.find('\n', at + 2))
            xml.insert(at, "\r");
        auto loaded = test::load_xml(xml);
        CHECK(loaded.ok());
    }
    SUBCASE("empty body and empty optional blocks") {
        auto loaded = test::load_xml(
            "<factsheet xmlns='urn:factpress:factsheet:1' xml:lang='fr-CA'><meta><title>T</title>"
            "<date>2020</date><keywords/></meta><summary/><key-facts/><body/></factsheet>");
        CHECK(loaded.ok());
    }
    SUBCASE("every element") {
        auto loaded = test::load_xml(test::with_body(
            "<p>a <em>b <strong>c</strong></em> <abbr title='d'>D</abbr> <link "
            "href='mailto:a@b.c'>e</link></p>"
            "<list type='number'><item><p>x</p><p>y</p></item><item>z</item></list>"
            "<quote source='S'><p>q</p></quote><note><p>n</p></note>"
            "<section id='s1'><heading>H</heading><p><link href='#s2'>to s2</link></p>"
            "<section "
            "id='s2'><heading>H2</heading><section><heading>H3</heading></section></section></"
            "section>"));
        for (const auto& d : loaded.diagnostics)
            MESSAGE(d.message);
        CHECK(loaded.ok());
    }
}

TEST_CASE("elements drawn as a line, bullet or link of their own may not be empty") {
    auto first_error = [](const std::string& body) {
        auto loaded = test::load_xml(test::with_body(body));
        return loaded.diagnostics.empty() ? std::string() : loaded.diagnostics.front().message;
    };
    CHECK(first_error("<list><item>a</item><item> </item></list>") == "<item> is empty");
    CHECK(first_error("<list><item><p> </p></item></list>") == "<item> is empty");
    CHECK(first_error("<p>see <link href='https://x.org'></link></p>") == "<link> is empty");
    CHECK(first_error("<quote source=' '><p>q</p></quote>") == "source=\"\" is empty");
    auto facts = test::load_xml(
        "<factsheet xmlns='urn:factpress:factsheet:1' xml:lang='en'><meta><title>T</title>"
        "<date>2020</date></meta><key-facts><fact/></key-facts><body/>"
        "<contact><org>O</org><email> </email></contact></factsheet>");
    REQUIRE(facts.diagnostics.size() == 2);
    CHECK(facts.diagnostics[0].message == "<fact> is empty");
    CHECK(facts.diagnostics[1].message == "<email> is empty");
    // An empty paragraph draws nothing, and alt="" marks a decorative image, as in HTML.
    CHECK(first_error("<p></p><p>a <link href='https://x.org'><em>b</em></link></p>").empty());
}

TEST_CASE("a date indented by an editor is read; a wrong one is quoted on one line") {
    std::string xml = test::with_body("<p>a</p>");
    xml.replace(xml.find("<date>2021-02</date>"), 20, "<date>\n    2021-02\n  </date>");
    LoadedDocument indented = test::load_xml(xml);
    REQUIRE(indented.ok());
    CHECK(indented.sheet.meta.date == Date{2021, 2, 0});
    xml.replace(xml.find("2021-02"), 7, "Feb   2021");
    LoadedDocument wrong = test::load_xml(xml);
    REQUIRE_FALSE(wrong.diagnostics.empty());
    CHECK(wrong.diagnostics[0].message ==
          "<date> holds \"Feb 2021\"; expected an ISO 8601 date YYYY, YYYY-MM or YYYY-MM-DD (e.g. "
          "2021-02)");
}

TEST_CASE("a date of the right shape that names no day says why") {
    auto why_not = [](std::string_view text) {
        std::string why;
        CHECK_FALSE(parse_date(text, &why));
        return why;
    };
    CHECK(why_not("2023-02-29") == "2023-02 has only 28 days");
    CHECK(why_not("1900-02-29") == "1900-02 has only 28 days"); // not a leap year
    CHECK(why_not("2021-04-31") == "2021-04 has only 30 days");
    CHECK(why_not("2021-04-00") == "there is no day 0");
    CHECK(why_not("2021-13") == "there is no month 13");
    CHECK(why_not("2021-00-10") == "there is no month 0");
    CHECK(why_not("0000-01") == "there is no year 0");
    for (const char* fine : {"2024-02-29", "2000-02-29", "2021-12-31", "2021-02", "2021"})
        CHECK(parse_date(fine));
    CHECK(parse_date("2024-02-29") == Date{2024, 2, 29});
    CHECK(parse_date("\n    2021-02\n  ") == Date{2021, 2, 0}); // as an editor indents it
    CHECK_FALSE(parse_date("2021 - 02"));
    for (const char* other_shape : {"21-02", "2021-2-3", "2021/02/03", "February 2021"})
        CHECK(why_not(other_shape).empty()); // the general message covers these
}

TEST_CASE("a sheet updated before its own date gets a warning, and is still built") {
    std::string xml = test::with_body("<p>a</p>");
    auto with_updated = [&](const char* date, const char* updated) {
        std::string copy = xml;
        copy.replace(copy.find("<date>2021-02</date>"), 20,
                     fmt::format("<date>{}</date><updated>{}</updated>", date, updated));
        return test::load_xml(copy);
    };
    LoadedDocument swapped = with_updated("2021-05", "2020-01-01");
    CHECK(swapped.ok());
    REQUIRE(swapped.diagnostics.size() == 1);
    CHECK(swapped.diagnostics[0].severity == Severity::warning);
    CHECK(swapped.diagnostics[0].message.starts_with(
        "<updated> holds \"2020-01-01\", before the sheet's <date> \"2021-05\" (at "));
    CHECK(swapped.diagnostics[0].message.ends_with("); were they swapped?"));
    // Dates that may name the same day or a later one: no warning.
    for (auto [date, updated] : {std::pair{"2021-05", "2021"},
                                 {"2021", "2021-01-01"},
                                 {"2021-05-10", "2021-05-10"},
                                 {"2021-05", "2021-06"}})
        CHECK(with_updated(date, updated).diagnostics.empty());
}

TEST_CASE("one date wholly before another: every day the first may name precedes the second") {
    CHECK(wholly_before(Date{2020, 12, 0}, Date{2021, 0, 0}));
    CHECK(wholly_before(Date{2021, 2, 28}, Date{2021, 3, 0}));
    CHECK_FALSE(wholly_before(Date{2021, 0, 0}, Date{2021, 5, 0})); // 2021 may be December
    CHECK_FALSE(wholly_before(Date{2021, 5, 0}, Date{2021, 5, 31}));
    CHECK_FALSE(wholly_before(Date{2021, 5, 31}, Date{2021, 5, 31}));
    CHECK(wholly_before(Date{2024, 2, 0}, Date{2024, 3, 1})); // February 2024 ends on the 29th
}

TEST_CASE("link hrefs: schemes and targets") {
    auto href = [](const std::string& h) {
        return test::load_xml(test::with_body("<p><link href='" + h + "'>x</link></p>")).ok();
    };
    CHECK(href("https://www.nato.int/a?b=c#d"));
    CHECK(href("HTTP://example.org"));
    CHECK(href("mailto:moc@hq.nato.int"));
    CHECK_FALSE(href("https://"));
    CHECK_FALSE(href("data:text/html,x"));
    CHECK_FALSE(href("//example.org"));
    CHECK_FALSE(href("https://a b"));
}

TEST_CASE("byte sequences that are not UTF-8 never pass, wherever they are") {
    for (std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\xFF"}) {
        auto loaded = test::load_xml(test::with_body("<p>a" + bad + "b</p>"));
        CHECK_FALSE(loaded.ok());
        CHECK(loaded.diagnostics.front().position.line == 4);
    }
}

#include "pipeline/tag_mismatch.hpp"
#include "pipeline/utf8.hpp"

TEST_CASE("a tag mismatch names the element still open, past comments, CDATA and empty tags") {
    std::string text = "<a><!-- <b> --><c x='>'/><![CDATA[<d>]]><e></e></f>";
    auto mismatch = find_tag_mismatch(text, text.size() - 2);
    REQUIRE(mismatch);
    CHECK(mismatch->found == "f");
    CHECK(mismatch->expected == "a");
    CHECK(mismatch->opened_at == 0);
    CHECK_FALSE(find_tag_mismatch(text, 3)); // not after "</"
}

TEST_CASE("a file cut short names the element left open, with where it was opened") {
    std::string whole =
        test::with_body("<section><heading>H</heading><p>one two three</p></section>");
    std::string cut = whole.substr(0, whole.find(" three"));
    auto loaded = test::load_xml(cut);
    REQUIRE(loaded.diagnostics.size() == 1);
    const Diagnostic& d = loaded.diagnostics.front();
    CHECK(d.message == "the XML is not well-formed: the file ends where </p> was expected (<p> "
                       "opened at 4:36): is it cut short?");
    CHECK(d.position.line == 4);
    CHECK(d.position.column == 45); // the last character
    auto with_newline = test::load_xml(cut + "\n");
    REQUIRE(with_newline.diagnostics.size() == 1);
    CHECK(with_newline.diagnostics.front().message.find("the file ends where </p>") !=
          std::string::npos);
    // Cut inside a tag: the element open before it is named.
    auto in_tag = test::load_xml(whole.substr(0, whole.find("<p>") + 2));
    REQUIRE(in_tag.diagnostics.size() == 1);
    CHECK(in_tag.diagnostics.front().message.find("inside a tag or comment, where </heading>") ==
          std::string::npos);
    CHECK(in_tag.diagnostics.front().message.find("inside a tag or comment, where </section>") !=
          std::string::npos);
    // Cut inside an attribute's value: pugixml points at the value, not at the end.
    std::string with_id =
        test::with_body("<section id=\"first-section\"><heading>H</heading></section>");
    auto in_value = test::load_xml(with_id.substr(0, with_id.find("-section")));
    REQUIRE(in_value.diagnostics.size() == 1);
    CHECK(in_value.diagnostics.front().message ==
          "the XML is not well-formed: the file ends inside a tag or comment, where </body> was "
          "expected (<body> opened at 4:1): is it cut short?");
    CHECK(find_unclosed_at_end("<a><b/><!-- <c> -->")->name == "a");
    CHECK_FALSE(find_unclosed_at_end("<a><b/></a>"));
}

TEST_CASE("a misspelt element or attribute gets a suggestion after what is expected") {
    // Every message of a document, a line each.
    auto said = [](const std::string& body) {
        std::string all;
        for (const auto& d : test::load_xml(test::with_body(body)).diagnostics)
            all += d.message + "\n";
        return all;
    };
    std::string all =
        said("<p>a <strnog>b</strnog></p><figure scr=\"img/x.png\" alt=\"\"><caption>c"
             "</caption></figure><paragraph>x</paragraph>");
    CAPTURE(all);
    CHECK(all.find("unknown element <strnog> in <p>; expected text, <em>, <strong>, <link>, "
                   "<abbr>; did you mean <strong>?") != std::string::npos);
    CHECK(all.find("unknown attribute scr=\"...\" on <figure>; expected src, alt, width, id; did "
                   "you mean src?") != std::string::npos);
    // A known element in the wrong place names that place once.
    CHECK(said("<quote><figure src=\"img/ok.png\" alt=\"\"><caption>c</caption></figure></quote>")
              .find("<figure> is not allowed in <quote>; expected <p>\n") != std::string::npos);
    // HTML typed from habit: what a fact sheet writes for it.
    std::string html_said = said("<p>a <b>b</b><br/></p><ul><li>x</li></ul><h2>Head</h2>");
    CAPTURE(html_said);
    CHECK(html_said.find("unknown element <b> in <p>; expected text, <em>, <strong>, <link>, "
                         "<abbr>; HTML's <b> is <strong> here\n") != std::string::npos);
    CHECK(html_said.find("HTML's <br> is a new <p> (a line break has no element) here") !=
          std::string::npos);
    CHECK(html_said.find("HTML's <ul> is <list> here") != std::string::npos);
    CHECK(html_said.find("HTML's <h2> is a <section> with a <heading> here") != std::string::npos);
    // Nothing near enough: no guess.
    CHECK(all.find("unknown element <paragraph> in <body>; expected <p>, <list>, <figure>, "
                   "<quote>, <note>, <section>\n") != std::string::npos);
}

TEST_CASE("a language written out by name is not a language tag, and gets its code") {
    auto message_for = [](const std::string& lang) {
        std::string xml = test::with_body("<p>x</p>");
        xml.replace(xml.find("xml:lang=\"en\""), 13, "xml:lang=\"" + lang + "\"");
        LoadedDocument loaded = test::load_xml(xml);
        return loaded.diagnostics.empty() ? std::string() : loaded.diagnostics.front().message;
    };
    CHECK(message_for("english").find("is not a language tag") != std::string::npos);
    CHECK(message_for("english").ends_with("; did you mean en?"));
    CHECK(message_for("Deutsch").ends_with("; did you mean de?"));
    CHECK(message_for("français").ends_with("; did you mean fr?"));
    CHECK(message_for("engl").ends_with("such as en, fr or pt-BR")); // no guess
    CHECK(message_for("en_US").ends_with("; did you mean en-US?"));  // a locale's name
    CHECK(message_for("en_").ends_with("such as en, fr or pt-BR"));
    CHECK(message_for("cnr").empty());
    CHECK(message_for("pt-BR").empty());
    CHECK(message_for("sr-Latn-ME").empty());
}

TEST_CASE("a code point in UTF-16: one unit, or a surrogate pair beyond the BMP") {
    CHECK(utf8::utf16(U'A') == u"A");
    CHECK(utf8::utf16(U'\u0646') == u"\u0646");
    CHECK(utf8::utf16(U'\U0001F600') == std::u16string{0xD83D, 0xDE00});
    CHECK(utf8::utf16(U'\U0010FFFF') == std::u16string{0xDBFF, 0xDFFF});
}
