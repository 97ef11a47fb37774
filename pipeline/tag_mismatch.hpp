// What a "start-end tags mismatch" is about: the closing tag found and the element still open, or
// the element a file cut short leaves open, so that the error can say what was expected, as a
// compiler would.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace factpress {

struct TagMismatch {
    std::string found;         // the name in the closing tag, "titel" in </titel>
    std::string expected;      // the innermost element still open, "title"
    std::size_t opened_at = 0; // byte offset of its start tag
};

// `name_offset` is where pugixml stopped: the name of the closing tag. The text before it is
// well-formed, so the elements still open there are found by a scan of the tags.
std::optional<TagMismatch> find_tag_mismatch(std::string_view text, std::size_t name_offset);

struct OpenElement {
    std::string name;
    std::size_t opened_at = 0; // byte offset of its start tag
};

// The innermost element still open where `text` ends (a file cut short), if any.
std::optional<OpenElement> find_unclosed_at_end(std::string_view text);

} // namespace factpress
