// Case mapping for every script (Unicode's mappings, through utf8proc), with the rules of the
// languages whose capitals differ from them: Turkish and Azerbaijani keep the dot of i (İ), Greek
// capitals drop their accents, and ß becomes SS.
#pragma once

#include <string>
#include <string_view>

namespace factpress {

char32_t to_lower(char32_t cp);  // for hyphenation patterns, which are in lower case
bool is_lower_case(char32_t cp); // a lower-case letter of any script (Unicode category Ll)

// `language` is the document's BCP 47 tag ("tr", "el-CY").
std::string upper_case(std::string_view text, std::string_view language);

} // namespace factpress
