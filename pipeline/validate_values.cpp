#include "pipeline/validate_values.hpp"
#include "pipeline/raw_attribute.hpp"

#include <fmt/format.h>

#include <cctype>
#include <tuple>

namespace factpress {
namespace {

bool all_digits(std::string_view text) {
    for (char c : text)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return !text.empty();
}

int to_int(std::string_view digits) {
    int value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
    return true;
}

} // namespace

std::optional<Date> parse_date(std::string_view text, std::string* why_not) {
    // White space around the date is no part of it (XML Schema's xs:date collapses it too):
    // "<date>\n  2021-02\n</date>" as an editor indents it.
    while (!text.empty() && is_xml_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_xml_space(text.back()))
        text.remove_suffix(1);
    bool shaped = (text.size() == 4 || text.size() == 7 || text.size() == 10) &&
                  all_digits(text.substr(0, 4)) &&
                  (text.size() < 7 || (text[4] == '-' && all_digits(text.substr(5, 2)))) &&
                  (text.size() < 10 || (text[7] == '-' && all_digits(text.substr(8, 2))));
    if (!shaped) return std::nullopt;
    Date date{to_int(text.substr(0, 4)), text.size() >= 7 ? to_int(text.substr(5, 2)) : 0,
              text.size() == 10 ? to_int(text.substr(8, 2)) : 0};
    std::string reason;
    if (date.year == 0)
        reason = "there is no year 0";
    else if (text.size() >= 7 && (date.month < 1 || date.month > 12))
        reason = fmt::format("there is no month {}", date.month);
    else if (text.size() == 10 && date.day < 1)
        reason = "there is no day 0";
    else if (text.size() == 10 && date.day > days_in_month(date.year, date.month))
        reason = fmt::format("{} has only {} days", text.substr(0, 7),
                             days_in_month(date.year, date.month));
    if (reason.empty()) return date;
    if (why_not) *why_not = std::move(reason);
    return std::nullopt;
}

bool wholly_before(const Date& earlier, const Date& later) {
    // The last day `earlier` may name, against the first `later` may name.
    int month = earlier.month ? earlier.month : 12;
    Date last{earlier.year, month, earlier.day ? earlier.day : days_in_month(earlier.year, month)};
    Date first{later.year, later.month ? later.month : 1, later.day ? later.day : 1};
    return std::tie(last.year, last.month, last.day) < std::tie(first.year, first.month, first.day);
}

std::optional<double> parse_width_percent(std::string_view text) {
    if (text.size() < 2 || text.back() != '%') return std::nullopt;
    std::string_view number = text.substr(0, text.size() - 1);
    std::size_t dot = number.find('.');
    std::string_view whole = number.substr(0, dot);
    std::string_view fraction = dot == std::string_view::npos ? "" : number.substr(dot + 1);
    if (!all_digits(whole) || whole.size() > 3 ||
        (dot != std::string_view::npos && !all_digits(fraction)))
        return std::nullopt;
    double value = to_int(whole);
    double scale = 0.1;
    for (char c : fraction.substr(0, 6)) {
        value += (c - '0') * scale;
        scale /= 10;
    }
    if (value < 1.0 || value > 100.0) return std::nullopt;
    return value;
}

bool is_language_tag(std::string_view text) {
    // BCP 47 in its common shape: a 2-3 letter language (no longer language subtag is registered:
    // "english" is a mistake), then subtags of 1-8 letters or digits.
    std::size_t start = 0;
    bool first = true;
    while (start <= text.size()) {
        std::size_t end = text.find('-', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view part = text.substr(start, end - start);
        if (part.empty() || part.size() > 8) return false;
        for (char c : part) {
            bool letter = std::isalpha(static_cast<unsigned char>(c)) != 0;
            if (!(letter || (!first && std::isdigit(static_cast<unsigned char>(c))))) return false;
        }
        if (first && (part.size() < 2 || part.size() > 3)) return false;
        first = false;
        start = end + 1;
    }
    return true;
}

std::string language_code_for(std::string_view name) {
    // The languages of NATO's members and of the sheets factpress has labels for, by their
    // English names and their own.
    static constexpr std::pair<std::string_view, std::string_view> names[] = {
        {"english", "en"},      {"french", "fr"},    {"francais", "fr"},  {"français", "fr"},
        {"german", "de"},       {"deutsch", "de"},   {"spanish", "es"},   {"español", "es"},
        {"espanol", "es"},      {"italian", "it"},   {"italiano", "it"},  {"portuguese", "pt"},
        {"português", "pt"},    {"portugues", "pt"}, {"dutch", "nl"},     {"nederlands", "nl"},
        {"danish", "da"},       {"dansk", "da"},     {"norwegian", "nb"}, {"norsk", "nb"},
        {"swedish", "sv"},      {"svenska", "sv"},   {"icelandic", "is"}, {"finnish", "fi"},
        {"suomi", "fi"},        {"estonian", "et"},  {"eesti", "et"},     {"latvian", "lv"},
        {"lithuanian", "lt"},   {"polish", "pl"},    {"polski", "pl"},    {"czech", "cs"},
        {"slovak", "sk"},       {"hungarian", "hu"}, {"magyar", "hu"},    {"slovene", "sl"},
        {"slovenian", "sl"},    {"croatian", "hr"},  {"hrvatski", "hr"},  {"romanian", "ro"},
        {"bulgarian", "bg"},    {"albanian", "sq"},  {"shqip", "sq"},     {"macedonian", "mk"},
        {"montenegrin", "cnr"}, {"greek", "el"},     {"turkish", "tr"},   {"turkce", "tr"},
        {"türkçe", "tr"},       {"ukrainian", "uk"}, {"russian", "ru"},   {"arabic", "ar"},
        {"hebrew", "he"},       {"persian", "fa"},   {"farsi", "fa"},     {"urdu", "ur"}};
    std::string lower;
    for (char c : name.substr(0, name.find('-')))
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (auto [language, code] : names)
        if (lower == language) return std::string(code);
    return {};
}

bool is_identifier(std::string_view text) {
    if (text.empty()) return false;
    auto c0 = static_cast<unsigned char>(text[0]);
    if (!(std::isalpha(c0) || c0 == '_' || c0 >= 0x80)) return false;
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        if (!(std::isalnum(u) || u == '_' || u == '-' || u == '.' || u >= 0x80)) return false;
    }
    return true;
}

std::string href_problem(std::string_view href) {
    for (char c : href)
        if (static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\')
            return "a link address may not contain spaces, control characters, quotes, '<', '>' or "
                   "'\\'";
    if (href.starts_with('#'))
        return is_identifier(href.substr(1)) ? "" : fmt::format("\"{}\" does not name an id", href);
    for (std::string_view scheme : {"http://", "https://"}) {
        if (!starts_with_nocase(href, scheme)) continue;
        std::string_view rest = href.substr(scheme.size());
        if (rest.empty() || rest[0] == '/' || rest[0] == '?' || rest[0] == '#')
            return fmt::format("\"{}\" has no host name", href);
        return "";
    }
    if (starts_with_nocase(href, "mailto:"))
        return href.size() > 7 ? "" : "\"mailto:\" needs an address after it";
    return fmt::format(
        "link address \"{}\" is not allowed: use an absolute http:// or https:// URL, "
        "mailto:, or #id of a section or figure",
        href);
}

} // namespace factpress
