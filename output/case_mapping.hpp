// Case mapping for Latin, Greek and Cyrillic letters: enough for hyphenation patterns and labels.
#pragma once

#include <string>
#include <string_view>

namespace factpress {

char32_t to_lower(char32_t cp);
char32_t to_upper(char32_t cp);
std::string lower_case(std::string_view text);
std::string upper_case(std::string_view text);

} // namespace factpress
