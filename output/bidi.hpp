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

// Whether a document in `language` (BCP 47) is written right to left: by its script subtag where
// it has one ("az-Arab", "ar-Latn"), else by the script the language is usually written in
// (Arabic, Hebrew, Persian, Urdu, Yiddish, ...).
bool written_right_to_left(std::string_view language);

// True for a right-to-left character (Arabic, Hebrew, ..., their presentation forms), and when
// `text` holds any.
bool is_right_to_left(char32_t cp);
bool has_right_to_left(std::string_view text);

// One word (no spaces) in visual order with Arabic letters in their joined presentation forms,
// ready to be drawn left to right. `right_to_left` is the paragraph's direction.
std::string shape_word(std::string_view word, bool right_to_left);

} // namespace factpress
