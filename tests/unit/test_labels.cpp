// Per-language labels and dates.
#include "output/labels.hpp"

#include <doctest/doctest.h>

using namespace factpress;

TEST_CASE("dates in the document's language") {
    CHECK(format_date({2021, 2, 0}, labels_for("en")) == "February 2021");
    CHECK(format_date({2021, 2, 0}, labels_for("fr")) == "février 2021");
    CHECK(format_date({2021, 2, 0}, labels_for("uk")) == "лютий 2021");
    CHECK(format_date({2020, 3, 5}, labels_for("uk")) == "5 березня 2020");
    CHECK(format_date({2021, 2, 15}, labels_for("ru")) == "15 февраля 2021");
    CHECK(format_date({2021, 2, 0}, labels_for("el")) == "Φεβρουάριος 2021");
    CHECK(format_date({2021, 2, 0}, labels_for("ar")) == "فبراير 2021");
    CHECK(format_date({2018, 0, 0}, labels_for("fr")) == "2018");
    // Languages whose months do not inflect after a day use the same names.
    CHECK(format_date({2020, 3, 5}, labels_for("en")) == "5 March 2020");
    CHECK(format_date({2020, 3, 5}, labels_for("fr")) == "5 mars 2020");
    CHECK(format_date({2020, 3, 5}, labels_for("ar")) == "5 مارس 2020");
    // Each language's own order and words: "5. März", "5 de marzo de", "1er mars", "1º marzo".
    CHECK(format_date({2020, 3, 5}, labels_for("de")) == "5. März 2020");
    CHECK(format_date({2020, 3, 0}, labels_for("de-AT")) == "März 2020");
    CHECK(format_date({2020, 3, 5}, labels_for("es")) == "5 de marzo de 2020");
    CHECK(format_date({2020, 3, 0}, labels_for("es-MX")) == "marzo de 2020");
    CHECK(format_date({2020, 3, 1}, labels_for("fr")) == "1er mars 2020");
    CHECK(format_date({2020, 3, 1}, labels_for("it")) == "1º marzo 2020");
    CHECK(format_date({2020, 3, 1}, labels_for("en")) == "1 March 2020");
    CHECK(format_date({2020, 3, 5}, labels_for("pl")) == "5 marca 2020");
    CHECK(format_date({2020, 3, 0}, labels_for("pl")) == "marzec 2020");
    CHECK(updated_label(labels_for("de"), {2020, 3, 5}) == "Zuletzt aktualisiert: 5. März 2020");
    CHECK(format_date({2020, 3, 5}, labels_for("tr")) == "5 Mart 2020");
    CHECK(format_date({2020, 3, 5}, labels_for("cs")) == "5. března 2020");
    CHECK(format_date({2020, 3, 0}, labels_for("cs")) == "březen 2020");
    CHECK(format_date({2020, 3, 5}, labels_for("pt-PT")) == "5 de março de 2020");
    CHECK(format_date({2020, 3, 5}, labels_for("no")) == "5. mars 2020");
    CHECK(format_date({2020, 3, 5}, labels_for("nb")) == "5. mars 2020");
    CHECK(page_label(labels_for("nl"), 1, 2) == "Pagina 1 van 2");
    CHECK(format_date({2020, 3, 5}, labels_for("he")) == "5 במרץ 2020");
    CHECK(format_date({2020, 3, 0}, labels_for("he")) == "מרץ 2020");
    CHECK(format_date({2020, 3, 5}, labels_for("fa")) == "۵ مارس ۲۰۲۰");
    CHECK(format_date({2020, 3, 5}, labels_for("ur")) == "۵ مارچ ۲۰۲۰");
    // Where the year comes first, or the words around the numbers are the language's own.
    CHECK(format_date({2020, 3, 5}, labels_for("hu")) == "2020. március 5.");
    CHECK(format_date({2021, 2, 0}, labels_for("hu")) == "2021. február");
    CHECK(format_date({2020, 3, 5}, labels_for("lt")) == "2020 m. kovo 5 d.");
    CHECK(format_date({2021, 2, 0}, labels_for("lt")) == "2021 m. vasaris");
    CHECK(format_date({2020, 3, 5}, labels_for("lv")) == "2020. gada 5. marts");
    CHECK(format_date({2021, 2, 0}, labels_for("lv")) == "2021. gada februāris");
    CHECK(format_date({2020, 3, 5}, labels_for("hr")) == "5. ožujka 2020.");
    CHECK(format_date({2021, 2, 0}, labels_for("hr")) == "veljača 2021.");
    CHECK(format_date({2020, 3, 5}, labels_for("bg")) == "5 март 2020 г.");
    CHECK(format_date({2020, 3, 5}, labels_for("sk")) == "5. marca 2020");
    CHECK(format_date({2020, 3, 0}, labels_for("sk")) == "marec 2020");
    CHECK(format_date({2020, 3, 5}, labels_for("fi")) == "5. maaliskuuta 2020");
    CHECK(format_date({2020, 3, 5}, labels_for("et")) == "5. märts 2020");
    CHECK(format_date({2020, 3, 5}, labels_for("sl")) == "5. marec 2020");
    CHECK(format_date({2020, 3, 5}, labels_for("sq")) == "5 mars 2020");
    CHECK(format_date({2020, 3, 5}, labels_for("mk")) == "5 март 2020");
    CHECK(format_date({2020, 3, 5}, labels_for("is")) == "5. mars 2020");
    CHECK(format_date({2020, 3, 5}, labels_for("cnr")) == "5. mart 2020.");
    CHECK(page_label(labels_for("hu"), 1, 2) == "1/2. oldal");
    CHECK(page_label(labels_for("lt"), 1, 2) == "1 psl. iš 2");
}

TEST_CASE("labels by primary language, English otherwise") {
    CHECK(labels_for("fr-CA").key_facts == "Points principaux");
    CHECK(labels_for("EN-gb").key_facts == "Key facts");
    CHECK(labels_for("eu").key_facts == "Key facts"); // Basque: no row
    CHECK(labels_for("fi").key_facts == "Keskeiset tiedot");
    CHECK(page_label(labels_for("uk"), 2, 3) == "Сторінка 2 з 3");
    CHECK(updated_label(labels_for("en"), {2020, 3, 5}) == "Last updated: 5 March 2020");
    CHECK(updated_label(labels_for("fr"), {2020, 3, 5}) == "Mis à jour le 5 mars 2020");
}

TEST_CASE("contact lines of the briefing in the document's language") {
    ContactLine phone{ContactKind::phone, "+32 2 707 50 41", "", {}};
    ContactLine email{ContactKind::email, "moc@hq.nato.int", "", {}};
    ContactLine web{ContactKind::web, "https://www.nato.int", "", {}};
    CHECK(contact_line(labels_for("en"), phone) == "Tel: +32 2 707 50 41");
    CHECK(contact_line(labels_for("fr"), phone) == "Tél.\u00A0: +32 2 707 50 41");
    CHECK(contact_line(labels_for("uk"), email) == "Ел. пошта: moc@hq.nato.int");
    CHECK(contact_line(labels_for("ar"), web) == "الموقع: https://www.nato.int");
    CHECK(contact_line(labels_for("fi"), email) == "Sähköposti: moc@hq.nato.int");
    // Basque has no row: English.
    CHECK(contact_line(labels_for("eu"), email) == "E-mail: moc@hq.nato.int");
    CHECK(contact_line(labels_for("en"), {ContactKind::social, "@NATO", "twitter", {}}) ==
          "Twitter: @NATO");
    CHECK(contact_line(labels_for("fr"), {ContactKind::org, "OTAN", "", {}}) == "OTAN");
    for (const char* language :
         {"en", "fr", "uk", "ru", "el", "ar", "de", "es", "it", "pl", "tr", "he",
          "fa", "nl", "pt", "cs", "da", "nb", "sv", "ro", "ur", "hu", "sk", "lt",
          "lv", "et", "sl", "hr", "bg", "sq", "mk", "is", "fi", "cnr"})
        for (const ContactLine& line : {phone, email, web})
            CHECK(contact_line(labels_for(language), line).find(line.text) != std::string::npos);
}

TEST_CASE("Persian and Urdu write the numbers factpress makes in their own digits") {
    CHECK(format_date({2020, 3, 5}, labels_for("fa")) == "۵ مارس ۲۰۲۰");
    CHECK(format_date({2021, 0, 0}, labels_for("fa-AF")) == "۲۰۲۱");
    CHECK(updated_label(labels_for("fa"), {2021, 2, 0}) ==
          "آخرین به‌روزرسانی: فوریه ۲۰۲۱");
    CHECK(page_label(labels_for("ur"), 1, 12) == "صفحہ ۱ از ۱۲");
    CHECK(localized_digits("10. ", labels_for("fa")) == "۱۰. ");
    CHECK(localized_digits("10. ", labels_for("ar")) == "10. "); // unless a style asks
    CHECK(page_label(labels_for("en"), 3, 10) == "Page 3 of 10");
}
