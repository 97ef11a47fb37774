// Stage 1, parse: bytes to an XML tree, with the lexical checks pugixml does not make
// (UTF-8 only, no DOCTYPE, only predefined entities) and positions as line:column.
#pragma once

#include "model/diagnostic.hpp"
#include "pipeline/limits.hpp"
#include "pipeline/source_text.hpp"

#include <pugixml.hpp>

#include <memory>
#include <string_view>

namespace factpress {

struct ParsedDocument {
    SourceText source;
    std::unique_ptr<pugi::xml_document> tree; // null when parsing failed
    int depth = 0;                            // nesting of the deepest node

    // Position of an element's '<'.
    Position position_of(const pugi::xml_node& node) const;
    // Position of an attribute's name inside its element's start tag.
    Position position_of(const pugi::xml_node& node, std::string_view attribute) const;
    // Position of the first character of a text node that is not white space.
    Position text_position(const pugi::xml_node& text) const;
};

// Text (character data or CDATA), as opposed to elements, comments and instructions.
inline bool is_text(const pugi::xml_node& node) {
    return node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata;
}

// Position of an element's '<' in the source it was parsed from (pugixml keeps byte offsets).
Position element_position(const SourceText& source, const pugi::xml_node& node);

ParsedDocument parse(SourceText source, const Limits& limits, Diagnostics& diagnostics);

// The checks made on the raw bytes before pugixml sees them; returns false when the bytes
// cannot be parsed at all.
bool prescan(const SourceText& source, Diagnostics& diagnostics);

} // namespace factpress
