// Attributes read from markup before it is parsed, found where the parser will find them: the
// scans that start work early (the declared language, the files a sheet names) share this.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace factpress {

// XML's white space (space, tab, line feed, carriage return): for these scans, and for the stages
// that collapse or trim it (normalize, dates).
bool is_xml_space(char c);

// The values of the attribute `name` in `text`, as written between their quotes, in order:
// wherever `name` follows white space and is followed by '=' (white space around it allowed) and a
// quote. The scan ends at a value never closed, and after `max_values`.
std::vector<std::string_view>
raw_attribute_values(std::string_view text, std::string_view name,
                     std::size_t max_values = static_cast<std::size_t>(-1));

} // namespace factpress
