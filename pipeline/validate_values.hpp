// Checks on attribute and text values: dates, hrefs, ids, languages, widths.
#pragma once

#include "model/fact_sheet.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace factpress {

std::optional<Date> parse_date(std::string_view text);
// Why a date written as YYYY-MM or YYYY-MM-DD names no month or day ("February 2023 has 28
// days"); empty when it is another shape or a real date.
std::string impossible_date(std::string_view text);
std::optional<double> parse_width_percent(std::string_view text);
bool is_language_tag(std::string_view text);
bool is_identifier(std::string_view text);

// Why an href is refused, or an empty string when it is fine. `#id` targets are checked later.
std::string href_problem(std::string_view href);

} // namespace factpress
