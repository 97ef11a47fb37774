// The model builder and the white-space normalizer.
#include "pipeline/normalize.hpp"
#include "test_helpers.hpp"

#include <doctest/doctest.h>

using namespace factpress;

namespace {

std::string plain(const Inlines& runs) {
    std::string text;
    for (const auto& run : runs)
        text += run.kind == InlineKind::text ? run.text : "[" + plain(run.children) + "]";
    return text;
}

} // namespace

TEST_CASE("the builder keeps structure, attributes and positions") {
    auto loaded = test::load_xml(
        "<factsheet xmlns='urn:factpress:factsheet:1' xml:lang='en' id='x'>\n"
        "<meta><series>S</series><title>The "
        "<em>T</em></title><date>2021-02-03</date><updated>2021-04</updated>"
        "<keywords><keyword> a  b </keyword></keywords></meta>\n"
        "<key-facts><fact>F1</fact><fact>F2</fact></key-facts>\n"
        "<body><p>P</p>\n"
        "<section id='s'><heading>H</heading><list type='number'><item>i</item></list>"
        "<section><heading>H2</heading><note><p>n</p></note></section></section></body>\n"
        "<contact><org>O</org><email>e@x.org</email><social "
        "network='twitter'>@x</social></contact>\n"
        "</factsheet>");
    REQUIRE(loaded.ok());
    const FactSheet& sheet = loaded.sheet;
    CHECK(sheet.language == "en");
    CHECK(sheet.meta.date == Date{2021, 2, 3});
    CHECK(sheet.meta.updated == Date{2021, 4, 0});
    CHECK(plain(sheet.meta.title) == "The [T]");
    CHECK(sheet.meta.keywords == std::vector<std::string>{"a b"});
    CHECK(sheet.key_facts.size() == 2);
    REQUIRE(sheet.sections.size() == 1);
    CHECK(sheet.sections[0].id == "s");
    CHECK(sheet.sections[0].level == 1);
    CHECK(sheet.sections[0].position == Position{5, 1});
    CHECK(sheet.sections[0].sections[0].level == 2);
    CHECK(std::get<ListBlock>(sheet.sections[0].blocks[0]).numbered);
    REQUIRE(sheet.contact.size() == 3);
    CHECK(sheet.contact[2].kind == ContactKind::social);
    CHECK(sheet.contact[2].network == "twitter");
}

TEST_CASE("white space collapses across inline elements and blocks are trimmed") {
    auto loaded = test::load_xml(test::with_body(
        "<p>\n   Allied   leaders <em> launched </em>\n\t<strong>NMI</strong> . </p>"));
    REQUIRE(loaded.ok());
    const auto& p = std::get<Paragraph>(loaded.sheet.body_blocks[0]);
    CHECK(plain(p.content) == "Allied leaders [launched ][NMI] .");
}

TEST_CASE("white space between two inline elements is kept") {
    auto loaded = test::load_xml(test::with_body("<p><em>a</em> <strong>b</strong></p>"));
    CHECK(plain(std::get<Paragraph>(loaded.sheet.body_blocks[0]).content) == "[a] [b]");
}

TEST_CASE("non-breaking spaces survive and decomposed accents are composed") {
    CHECK(collapse_white_space("  a\u00A0b  \n c ") == "a\u00A0b c");
    CHECK(compose("E\u0301te\u0301") == "\u00C9t\u00E9");
    CHECK(compose("\u0415\u0308") == "\u0401"); // Ё
    // Marks in either order compose as NFC puts them (dot below before circumflex): ậ.
    CHECK(compose("a\u0302\u0323") == "\u1EAD");
    CHECK(compose("a\u0323\u0302") == "\u1EAD");
}

#include "pipeline/file_bytes.hpp"
#include "pipeline/image_checks.hpp"
#include "pipeline/manifest.hpp"
#include "test_helpers.hpp"

#include <algorithm>
#include <fstream>
#include <unistd.h>

TEST_CASE("manifest hashes are fixed values, not this build's") {
    // The manifest outlives the process: a hash must not change between runs or machines.
    CHECK(hash_bytes("") == hash_bytes(""));
    CHECK(hash_bytes("factpress") != hash_bytes("factpresS"));
    CHECK(hash_bytes("factpress", 1) != hash_bytes("factpress", 2));
    CHECK(hash_bytes("0123456789abcdef") == 18390441647350724854ull);
}

TEST_CASE("the manifest grows a line a document, survives a cut line, and sheds superseded ones") {
    namespace fs = std::filesystem;
    fs::path folder =
        fs::temp_directory_path() / ("factpress-manifest-" + std::to_string(::getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder);
    fs::path file = folder / ".factpress-manifest";
    auto lines = [&] {
        std::string text = read_file(file).value_or("");
        return std::count(text.begin(), text.end(), '\n');
    };
    {
        Manifest manifest(folder);
        manifest.record("a", 1);
        CHECK(lines() == 1); // on disk at once, before save()
        manifest.record("b", 2);
        manifest.save();
        CHECK(lines() == 2); // nothing superseded: not rewritten
    }
    {
        std::ofstream(file, std::ios::app) << "00000000000000ff d"; // a run killed mid-line
        Manifest manifest(folder);
        CHECK(manifest.matches("a", 1));
        CHECK(manifest.matches("b", 2));
        manifest.record("c", 3);
        manifest.record("a", 4);
    }
    Manifest reread(folder);
    CHECK(reread.matches("c", 3));     // not glued to the cut line
    CHECK(!reread.matches("d", 0xff)); // which is gone
    CHECK(reread.matches("a", 4));     // the later line wins
    Manifest other_share(folder);      // another run into this out-dir, adding a line meanwhile
    other_share.record("e", 5);
    reread.save();
    CHECK(lines() == 4); // rewritten whole: a, b, c and e once each
    CHECK(Manifest(folder).matches("e", 5));
    fs::remove_all(folder);
}

TEST_CASE("a JPEG verdict is remembered by content, not by name") {
    auto photo = read_file(test::test_dir() / "documents" / "img" / "taji-visit.jpg", 1 << 24);
    REQUIRE(photo);
    std::string truncated = photo->substr(0, photo->size() / 2);
    ImageChecks checks;
    CHECK_FALSE(checks.find(byte_span(truncated)));
    CHECK_FALSE(checks.check(byte_span(truncated), 1200, 3).empty());
    REQUIRE(checks.find(byte_span(truncated)));
    CHECK_FALSE(checks.find(byte_span(truncated))->empty());
    CHECK_FALSE(checks.find(byte_span(*photo))); // other bytes, not checked yet
    CHECK(checks.check(byte_span(*photo), 1200, 3).empty());
    CHECK(checks.find(byte_span(*photo))->empty());
}

TEST_CASE("JPEG checks made aside report what a check made at once would, in source order") {
    auto photo = read_file(test::test_dir() / "documents" / "img" / "taji-visit.jpg", 1 << 24);
    REQUIRE(photo);
    std::string truncated = photo->substr(0, photo->size() / 2);
    ImageChecks run;
    Diagnostics diagnostics{{Severity::error, {9, 1}, "a later problem"}};
    {
        DeferredImageChecks aside(run);
        aside.add(truncated, 1200, 3, {Severity::error, {7, 5}, "figure src=\"b.jpg\": "});
        aside.add(*photo, 1200, 3, {Severity::error, {3, 5}, "figure src=\"a.jpg\": "});
        aside.start();
        aside.settle(diagnostics);
    }
    REQUIRE(diagnostics.size() == 2);
    CHECK(diagnostics[0].position == Position{7, 5});
    CHECK(diagnostics[0].message ==
          "figure src=\"b.jpg\": damaged or truncated JPEG: Premature end of JPEG file");
    CHECK(diagnostics[1].message == "a later problem");
    // The run remembers both verdicts for the documents that follow.
    CHECK(run.find(byte_span(*photo))->empty());

    Diagnostics unstarted;
    DeferredImageChecks never_started(run);
    never_started.add(truncated, 1200, 3, {Severity::error, {1, 1}, ""});
    never_started.settle(unstarted); // checks what was never started, rather than passing it
    CHECK(unstarted.size() == 1);
}

#include "pipeline/declared_language.hpp"

TEST_CASE("the declared language is read from the root before parsing, or not at all") {
    CHECK(declared_language("<factsheet xml:lang=\"fr-CA\" xmlns=\"x\">") == "fr-CA");
    CHECK(declared_language("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- a > b -->\n"
                            "<factsheet xmlns='x'\n  xml:lang = 'ru'>") == "ru");
    // A '>' inside a quoted value does not end the tag.
    CHECK(declared_language("<factsheet title=\"a > b\" xml:lang=\"el\">") == "el");
    // Only the root's attribute, and only the attribute itself.
    CHECK(declared_language("<factsheet><meta xml:lang=\"de\"/>") == "");
    CHECK(declared_language("<factsheet my-xml:lang=\"de\">") == "");
    // What needs a parser is left to the parser.
    CHECK(declared_language("<factsheet xml:lang=\"&#x65;n\">") == "");
    CHECK(declared_language("<!DOCTYPE x><factsheet xml:lang=\"en\">") == "");
    CHECK(declared_language("<factsheet xml:lang=\"en") == "");
    CHECK(declared_language("") == "");
}

#include "pipeline/document_files.hpp"
#include "pipeline/resolve.hpp"

TEST_CASE("the src values of a document's raw text, as the parser will read them") {
    CHECK(src_values("<figure src=\"img/ok.png\"/><figure src='../escape.png'/><p>src=none</p>") ==
          std::vector<std::string>{"img/ok.png", "../escape.png"});
    // White space around '=', references, and white space inside, as pugixml reads them.
    CHECK(src_values("<figure\n src = \"a&amp;b&#233;&#xE9;&lt;.jpg\"/>") ==
          std::vector<std::string>{"a&b\u00e9\u00e9<.jpg"});
    CHECK(src_values("<figure src=\"a\tb\r\nc\rd\"/>") == std::vector<std::string>{"a b c d"});
    CHECK(src_values("<figure src=\"a&unknown;b\"/>") == std::vector<std::string>{"a&unknown;b"});
    CHECK(src_values("<figure data-src=\"x.png\" src=\"img/ok.png").empty()); // never closed
}

TEST_CASE("a document's files are read once, found as resolve finds them") {
    auto source = test::test_dir() / "documents" / "every-element.xml";
    DocumentFiles files = read_document_files(source, {});
    REQUIRE(files.source);
    auto folder = document_folder(source);
    REQUIRE(files.images.size() == 3); // read before parsing, in the document's order
    CHECK(files.images[0].path == folder / "img" / "emblem.png");
    CHECK(files.images[1].src == "img/taji-visit.jpg");
    REQUIRE(files.images[1].bytes);
    CHECK(files.images[1].bytes->size() ==
          std::filesystem::file_size(folder / "img" / "taji-visit.jpg"));
    const NamedImage& again = files.image("img/taji-visit.jpg", {});
    CHECK(&again == &files.images[1]); // not read twice
    CHECK(files.image("../escape.png", {}).problem.find("outside") != std::string::npos);
    CHECK(files.image("img/missing.png", {}).problem == "no such file");
    CHECK(files.images.size() == 5);
    Limits tiny;
    tiny.max_image_bytes = 10;
    CHECK(read_document_files(source, tiny).images[0].problem.starts_with("the file has "));
}

TEST_CASE("a document's hash changes with any of its files, and with an image read late") {
    auto source = test::test_dir() / "documents" / "every-element.xml";
    DocumentFiles files = read_document_files(source, {});
    std::uint64_t before = files.hash();
    CHECK(read_document_files(source, {}).hash() == before); // the same on every run
    files.image("img/ok.png", {}); // a src the scan before parsing did not see
    CHECK(files.hash() != before);
}

#include "pipeline/source_text.hpp"

TEST_CASE("line and column of any offset, in long lines and across blocks of the count") {
    // A generated sheet on one line: columns count code points (two-byte letters here) however
    // far along the line, and lines restart them.
    std::string line;
    for (int i = 0; i < 3000; ++i)
        line += i % 3 == 0 ? "\u00e9" : "a";
    std::string bytes = line + "\r\n" + line + "\n\u00e9x";
    SourceText text("t.xml", bytes);
    auto naive = [&](std::size_t offset) {
        int l = 1, column = 1;
        for (std::size_t i = 0; i < offset; ++i) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && bytes[i + 1] != '\n'))
                ++l, column = 1;
            else if (bytes[i] != '\r' && (static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80)
                ++column;
        }
        return Position{l, column};
    };
    for (std::size_t offset :
         {std::size_t{0}, std::size_t{1}, std::size_t{1023}, std::size_t{1024}, std::size_t{1025},
          std::size_t{3999}, line.size(), line.size() + 2, line.size() + 1500, 2 * line.size() + 3,
          bytes.size() - 1, bytes.size()}) {
        CAPTURE(offset);
        CHECK(text.position_of(offset) == naive(offset));
        bool starts_character = offset == bytes.size() || (bytes[offset] & 0xC0) != 0x80;
        if (starts_character) CHECK(text.offset_of(naive(offset)) == offset); // and back
    }
    CHECK(text.position_of(bytes.size()) == Position{3, 3}); // after "éx"
    CHECK(SourceText("e.xml", std::string(1024, 'a')).position_of(1024) == Position{1, 1025});
    CHECK(SourceText("e.xml", "").position_of(0) == Position{1, 1});
}

TEST_CASE("a diagnostic about a character is moved from its paragraph to the character") {
    SourceText source("s.xml",
                      "<p>First line <em>of a paragraph</em>\n   and then \u00e9 \u5317.</p>\n"
                      "<p>\u5317 again</p>\n<p>&#x5317;</p>");
    Diagnostics diagnostics{{Severity::warning, {1, 1}, "about the first", "\u5317"},
                            {Severity::warning, {3, 1}, "about the second", "\u5317"},
                            {Severity::warning, {4, 1}, "written as a reference", "\u5317"},
                            {Severity::error, {1, 1}, "no subject"}};
    place_at_subjects(diagnostics, source);
    CHECK(diagnostics[0].position == Position{2, 15}); // after "é ", a code point each
    CHECK(diagnostics[1].position == Position{3, 4});  // the first at or after its paragraph
    CHECK(diagnostics[2].position == Position{4, 1});  // not found as written: stays
    CHECK(diagnostics[3].position == Position{1, 1});
}
