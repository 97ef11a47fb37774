// Reading a BCP 47 language tag (xml:lang): its primary language and its script, as the choices
// that depend on the language (labels, capitals, direction, hyphenation) need them.
#pragma once

#include <string>
#include <string_view>

namespace factpress {

// "fr" from "fr-CA", lower case; Norwegian "no" as "nb" (Bokmål, the written standard that
// labels and hyphenation patterns exist for), Dari "prs" as Persian "fa".
std::string primary_language(std::string_view tag);

// "arab" from "az-Arab-IR", lower case; empty when the tag names no script.
std::string script_subtag(std::string_view tag);

} // namespace factpress
