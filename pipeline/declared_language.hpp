// The language a fact sheet declares, read from its raw bytes before it is parsed, so that work
// which depends on it (hyphenation patterns) can start early on an idle core.
#pragma once

#include <string>
#include <string_view>

namespace factpress {

// The xml:lang attribute of the root element as written; empty when there is none or it cannot
// be read without parsing (an entity reference, markup before the root that is not a comment or
// processing instruction). Only a hint: the parser's reading is the one that counts.
std::string declared_language(std::string_view xml);

} // namespace factpress
