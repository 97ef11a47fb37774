// Fixed words per language: labels, month names, quotation marks. Kept as data; add a language
// by adding a row to the table in labels.cpp.
#pragma once

#include "model/fact_sheet.hpp"

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace factpress {

struct Labels {
    std::string language;
    std::string key_facts, contact, page_of, last_updated, photo, links, see_section, bottom_line,
        published;
    std::string phone, email, web;               // "Tel: {}": a contact line in the briefing
    std::array<std::string, 12> months;          // standing alone: "February 2021"
    std::array<std::string, 12> months_with_day; // after a day, where the language inflects
                                                 // ("5 березня 2020"); empty: as `months`
    std::string open_quote, close_quote;
    // Dates: "{month} {year}" and "{day} {month} {year}" as the language writes them ("marzo de
    // 2020", "5. März 2020"), and the first of a month where it is not "1" ("1er mars").
    std::string month_year = "{} {}", day_month_year = "{} {} {}", first_day = "1";
    // The digits numbers made here are written with (dates, page numbers, list numbers), zero to
    // nine, where not 0-9: Persian writes ۰ to ۹. The author's own text is left as written.
    std::array<std::string, 10> digits{};
};

// `text` with its digits 0-9 written in `labels`' digits.
std::string localized_digits(std::string text, const Labels& labels);

// The row for a BCP 47 tag by its primary language; English when the language has no row. A
// style sheet's rows (<labels>) come first.
const Labels& labels_for(std::string_view language, std::span<const Labels> style_rows = {});

// Sets the field of `labels` a style sheet's <labels> attribute names ("key-facts", "months",
// "page-of", ...); returns what a good value looks like when `value` is not one, else "".
std::string set_label(Labels& labels, std::string_view property, std::string_view value);

// The attribute names set_label knows.
std::vector<std::string_view> label_properties();

// "February 2021", "5 March 2020", "2018"; in the document's language.
std::string format_date(const Date& date, const Labels& labels);

// "Last updated: 5 March 2020" ("Mis à jour le 5 mars 2020") in the document's language.
std::string updated_label(const Labels& labels, const Date& date);

// "Page 2 of 3" in the document's language.
std::string page_label(const Labels& labels, int page, int pages);

// "Twitter: @NATOPress" from <social network="twitter">@NATOPress</social>.
std::string social_line(const ContactLine& line);

// A contact line as the briefing prints it: "Tel: +32 2 707 50 41" ("Tél. : ..." in French), the
// social line above, or the text alone (organisation, unit, address).
std::string contact_line(const Labels& labels, const ContactLine& line);

} // namespace factpress
