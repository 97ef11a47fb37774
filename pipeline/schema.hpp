// The element table of FORMAT.md: what each element may hold and which attributes it takes.
#pragma once

#include <string_view>
#include <vector>

namespace factpress::schema {

inline constexpr std::string_view namespace_uri = "urn:factpress:factsheet:1";
inline constexpr int max_depth = 256;
inline constexpr int max_section_depth = 3;

enum class Content {
    elements,       // child elements only (white space between them is fine)
    inline_content, // text with em, strong, link, abbr
    plain_text,     // text only
    item,           // inline content, or p+
};

struct Child {
    std::string_view name;
    int min = 0;
    int max = 1; // -1: unbounded
};

struct Attribute {
    std::string_view name;
    bool required = false;
};

struct Element {
    std::string_view name;
    Content content = Content::elements;
    std::vector<Attribute> attributes;
    std::vector<Child> children; // for Content::elements
};

// The rule for an element name, or null for a name FORMAT.md does not know.
const Element* find(std::string_view name);

bool is_block(std::string_view name);
bool is_inline(std::string_view name);

} // namespace factpress::schema
