// The fields of Labels by the names a style sheet's <labels> gives them, with what each must hold.
#include "output/labels.hpp"
#include "pipeline/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace factpress {
namespace {

// A field and how many values its pattern places ("Page {} of {}": 2); 0 for plain words.
struct Field {
    std::string_view name;
    std::string Labels::*member;
    int placed;
    std::string_view example;
};

constexpr Field fields[] = {
    {"key-facts", &Labels::key_facts, 0, ""},
    {"contact", &Labels::contact, 0, ""},
    {"page-of", &Labels::page_of, 2, "Page {} of {}"},
    {"last-updated", &Labels::last_updated, 1, "Last updated: {}"},
    {"photo", &Labels::photo, 0, ""},
    {"links", &Labels::links, 0, ""},
    {"see-section", &Labels::see_section, 0, ""},
    {"bottom-line", &Labels::bottom_line, 0, ""},
    {"published", &Labels::published, 0, ""},
    {"phone", &Labels::phone, 1, "Tel: {}"},
    {"email", &Labels::email, 1, "E-mail: {}"},
    {"web", &Labels::web, 1, "Web: {}"},
    {"open-quote", &Labels::open_quote, 0, ""},
    {"close-quote", &Labels::close_quote, 0, ""},
    {"month-year", &Labels::month_year, 2, "{} {} (month, year), or {1}. {0}"},
    {"day-month-year", &Labels::day_month_year, 3, "{} {} {} (day, month, year), or {2}. {1} {0}."},
    {"first-day", &Labels::first_day, 0, ""},
};

// Whether `pattern` places each of `placed` values exactly once (fmt's {} and {0} forms).
bool places_each_once(std::string_view pattern, int placed) {
    const std::string marks[] = {"\x01", "\x02", "\x03"};
    std::string out;
    try {
        out = fmt::format(fmt::runtime(pattern), marks[0], marks[1], marks[2]);
    } catch (const fmt::format_error&) {
        return false;
    }
    for (int i = 0; i < 3; ++i) {
        auto count = std::count(out.begin(), out.end(), marks[i][0]);
        if (count != (i < placed ? 1 : 0)) return false;
    }
    return true;
}

// "janvier, février, ...": twelve names, comma-separated.
std::optional<std::array<std::string, 12>> twelve_months(std::string_view list) {
    std::array<std::string, 12> months;
    std::size_t count = 0, start = 0;
    for (;;) {
        std::size_t end = std::min(list.find(',', start), list.size());
        std::string_view name = list.substr(start, end - start);
        while (!name.empty() && name.front() == ' ')
            name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ')
            name.remove_suffix(1);
        if (name.empty() || count == 12) return std::nullopt;
        months[count++] = std::string(name);
        if (end == list.size()) break;
        start = end + 1;
    }
    if (count != 12) return std::nullopt;
    return months;
}

// "۰۱۲۳۴۵۶۷۸۹": ten characters, zero to nine.
std::optional<std::array<std::string, 10>> ten_digits(std::string_view text) {
    std::array<std::string, 10> digits;
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < text.size(); ++count) {
        std::size_t start = pos;
        utf8::next(text, pos);
        if (count == 10) return std::nullopt;
        digits[count] = std::string(text.substr(start, pos - start));
    }
    if (count != 10) return std::nullopt;
    return digits;
}

} // namespace

std::vector<std::string_view> label_properties() {
    std::vector<std::string_view> names{"months", "months-with-day", "digits"};
    for (const Field& field : fields)
        names.push_back(field.name);
    return names;
}

std::string set_label(Labels& labels, std::string_view property, std::string_view value) {
    if (property == "months" || property == "months-with-day") {
        auto months = twelve_months(value);
        if (!months) return "the twelve month names, comma-separated, January first";
        (property == "months" ? labels.months : labels.months_with_day) = *months;
        return {};
    }
    if (property == "digits") {
        auto digits = ten_digits(value);
        if (!digits) return "the ten digits, zero to nine, as in \"٠١٢٣٤٥٦٧٨٩\"";
        labels.digits = *digits;
        return {};
    }
    for (const Field& field : fields) {
        if (field.name != property) continue;
        if (field.placed > 0 && !places_each_once(value, field.placed))
            return fmt::format("words with {} place{} for the value{}, as in \"{}\"",
                               field.placed == 1 ? "a" : std::to_string(field.placed),
                               field.placed == 1 ? "" : "s", field.placed == 1 ? "" : "s",
                               field.example);
        if (field.placed == 0 && value.empty()) return "some words";
        labels.*field.member = std::string(value);
        return {};
    }
    return {}; // not a label's name: the loader checks names against label_properties() first
}

} // namespace factpress
