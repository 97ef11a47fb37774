// Suggestions for misspelt names: "colour" → "color", "titel" → "title".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace factpress {

// The one name of `known` within two edits (insertions, deletions, substitutions, swaps of
// neighbours) of `typed`, the closest first; empty when none is, or two are equally close.
std::string nearest_name(std::string_view typed, const std::vector<std::string_view>& known);

// What a fact sheet writes for an HTML element an author may type from habit ("<b>": "<strong>"),
// or nothing.
std::string_view html_counterpart(std::string_view html_name);

// "; did you mean "color"?" for the nearest name, or nothing.
std::string did_you_mean(std::string_view typed, const std::vector<std::string_view>& known);

} // namespace factpress
