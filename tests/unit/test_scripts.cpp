// What depends on the language's script: capitals and the direction of writing.
#include "model/language_tag.hpp"
#include "output/bidi.hpp"
#include "output/case_mapping.hpp"
#include "pipeline/utf8.hpp"

#include <doctest/doctest.h>

using namespace factpress;

TEST_CASE("capitals follow the document's language") {
    CHECK(upper_case("Key facts", "en") == "KEY FACTS");
    CHECK(upper_case("Основні факти", "uk") == "ОСНОВНІ ФАКТИ");
    CHECK(upper_case("NATO Bilgi Notu", "tr") == "NATO BİLGİ NOTU");
    CHECK(upper_case("istiqamət", "az-Latn") == "İSTİQAMƏT");
    CHECK(upper_case("Bilgi", "en") == "BILGI");
    CHECK(upper_case("Größe", "de") == "GRÖSSE");
    CHECK(upper_case("Ǆemal ǉubav", "hr") == "ǄEMAL ǇUBAV"); // beyond Latin Extended-A
    CHECK(upper_case("ⴀ ꙁ ꝑ", "ka") == "Ⴀ Ꙁ Ꝑ");
}

TEST_CASE("Greek capitals drop accents, and keep a diaeresis where the vowels are read apart") {
    CHECK(upper_case("Με μια ματιά", "el") == "ΜΕ ΜΙΑ ΜΑΤΙΑ");
    CHECK(upper_case("Μάιος και Κάιρο", "el") == "ΜΑΪΟΣ ΚΑΙ ΚΑΪΡΟ");
    CHECK(upper_case("είναι Αύγουστος", "el") == "ΕΙΝΑΙ ΑΥΓΟΥΣΤΟΣ");
    CHECK(upper_case("Μαΐου, προϋπόθεση", "el") == "ΜΑΪΟΥ, ΠΡΟΫΠΟΘΕΣΗ");
    CHECK(upper_case("ἀρχὴ ᾠδῆς", "el-polyton") == "ΑΡΧΗ ΩΙΔΗΣ");
    CHECK(upper_case("ματιά", "en") == "ΜΑΤΙΆ"); // Greek words in another language's document
}

TEST_CASE("lower case for hyphenation in every script") {
    for (auto [upper, lower] : {std::pair{U'Ä', U'ä'}, {U'Ω', U'ω'}, {U'Є', U'є'}, {U'Ǆ', U'ǆ'}})
        CHECK(to_lower(upper) == lower);
    CHECK(to_lower(U'Ꙁ') == U'ꙁ');
}

TEST_CASE("the direction of writing by language and script") {
    for (const char* tag : {"ar", "he", "fa-IR", "ur", "yi", "ps", "ckb", "dv", "az-Arab", "HE-il",
                            "pa-Arab-PK", "iw"})
        CHECK_MESSAGE(written_right_to_left(tag), tag);
    for (const char* tag :
         {"en", "fr", "el", "az", "ar-Latn", "uz-Latn", "tr", "x-ar", "arn", "en-x-hebr", ""})
        CHECK_MESSAGE(!written_right_to_left(tag), tag);
}

TEST_CASE("an Arabic mark is drawn just before its base, so that it lands on it") {
    // Logical: alef with hamza above, damma, then the rest of the word. Visual order runs left to
    // right, so the alef comes last, and its damma just before it.
    std::u32string visual = utf8::decode(shape_word("أُطلقت", true));
    REQUIRE(visual.size() >= 2);
    CHECK(visual[visual.size() - 2] == U'\u064F');
    CHECK((visual.back() == U'\uFE83' || visual.back() == U'\u0623'));
    // Latin marks keep their order: base, then mark.
    CHECK(shape_word("e\u0301", false) == "e\u0301");
}

TEST_CASE("a list number reads right to left with its period on the left") {
    CHECK(shape_word("1.", true) == ".1");
    CHECK(shape_word("12.", true) == ".12");
    CHECK(shape_word("1.", false) == "1.");
}

TEST_CASE("a language tag's primary language and script") {
    CHECK(primary_language("fr-CA") == "fr");
    CHECK(primary_language("EN_gb") == "en");
    CHECK(primary_language("no") == "nb");
    CHECK(primary_language("prs") == "fa"); // Dari: Persian's labels and digits
    CHECK(primary_language("iw") == "he");
    CHECK(primary_language("") == "");
    CHECK(script_subtag("az-Arab-IR") == "arab");
    CHECK(script_subtag("sr-LATN") == "latn");
    CHECK(script_subtag("de-CH-1996") == "");
    CHECK(script_subtag("en-x-hebr") == ""); // private use, not a script
}
