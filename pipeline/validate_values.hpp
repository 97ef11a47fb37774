// Checks on attribute and text values: dates, hrefs, ids, languages, widths.
#pragma once

#include "model/fact_sheet.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace factpress {

// The date written YYYY, YYYY-MM or YYYY-MM-DD; none otherwise. For a date of that form that names
// no day, `why_not` gets the reason ("there is no month 13", "2023-02 has only 28 days").
std::optional<Date> parse_date(std::string_view text, std::string* why_not = nullptr);
// Whether every day `earlier` may name comes before every day `later` may name: 2020-12 is
// before 2021, but 2021 is not before 2021-05 (it may be December).
bool wholly_before(const Date& earlier, const Date& later);
std::optional<double> parse_width_percent(std::string_view text);
bool is_language_tag(std::string_view text);
// The code of a language written out by name ("english" or "English": "en"); empty if unknown.
std::string language_code_for(std::string_view name);
bool is_identifier(std::string_view text);

// Why an href is refused, or an empty string when it is fine. `#id` targets are checked later.
std::string href_problem(std::string_view href);

} // namespace factpress
