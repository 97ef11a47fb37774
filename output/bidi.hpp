// Right-to-left text with FriBidi: Arabic shaping (joining forms, lam-alef ligatures) and the
// direction of words, for the layout's reordering of a line.
#pragma once

#include <string>
#include <string_view>

namespace factpress {

enum class Direction { left_to_right, right_to_left, neutral };

// The direction of a word's first strongly directional character; neutral for digits and
// punctuation alone.
Direction word_direction(std::string_view word);

// True when `text` holds any right-to-left letter (Arabic, Hebrew, ...).
bool has_right_to_left(std::string_view text);

// One word (no spaces) in visual order with Arabic letters in their joined presentation forms,
// ready to be drawn left to right. `right_to_left` is the paragraph's direction.
std::string shape_word(std::string_view word, bool right_to_left);

} // namespace factpress
