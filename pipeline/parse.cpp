#include "pipeline/parse.hpp"
#include "pipeline/tag_mismatch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace factpress {
namespace {

// Comments and processing instructions are left out of the tree; white-space-only text is kept
// because it separates inline elements ("<em>a</em> <strong>b</strong>").
constexpr unsigned parse_options = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol |
                                   pugi::parse_wconv_attribute | pugi::parse_ws_pcdata;

std::size_t element_offset(const pugi::xml_node& node) {
    auto offset = node.offset_debug();
    return offset > 0 ? static_cast<std::size_t>(offset - 1) : 0;
}

struct TreeSize {
    std::size_t nodes = 0;
    int depth = 0; // of the deepest node, the root element being 1
};

// Measures the tree without recursion, stopping once past the node limit.
TreeSize measure_tree(const pugi::xml_node& root, std::size_t limit) {
    TreeSize size;
    int depth = 1;
    for (pugi::xml_node node = root.first_child(); node && size.nodes <= limit;) {
        ++size.nodes;
        size.depth = std::max(size.depth, depth);
        if (node.first_child()) {
            node = node.first_child();
            ++depth;
            continue;
        }
        while (node && !node.next_sibling() && node != root)
            node = node.parent(), --depth;
        if (!node || node == root) break;
        node = node.next_sibling();
    }
    return size;
}

// What pugixml found wrong, said as a compiler would where it can be: which closing tag was
// expected, or that the file ends with elements still open (a file cut short).
std::string not_well_formed(const pugi::xml_parse_result& result, const SourceText& source) {
    const std::string& bytes = source.bytes();
    auto offset = static_cast<std::size_t>(result.offset);
    if (result.status == pugi::status_end_element_mismatch)
        if (auto mismatch = find_tag_mismatch(bytes, offset)) {
            Position opened = source.position_of(mismatch->opened_at);
            return fmt::format("the XML is not well-formed: found </{}> where </{}> was expected "
                               "(<{}> opened at {}:{})",
                               mismatch->found, mismatch->expected, mismatch->expected, opened.line,
                               opened.column);
        }
    using enum pugi::xml_parse_status;
    bool in_markup = result.status == status_bad_start_element ||
                     result.status == status_bad_attribute ||
                     result.status == status_bad_end_element ||
                     result.status == status_bad_comment || result.status == status_bad_cdata ||
                     result.status == status_bad_pi || result.status == status_unrecognized_tag;
    // pugixml points at the last byte, or, in a value whose quote never closes, at the value;
    // either way no '>' follows: the tag never ends.
    bool cut_short = (offset + 1 >= bytes.size() &&
                      (in_markup || result.status == status_end_element_mismatch)) ||
                     (in_markup && bytes.find('>', offset) == std::string::npos);
    if (cut_short) {
        std::string where = in_markup ? "inside a tag or comment, " : "";
        if (auto open = find_unclosed_at_end(bytes)) {
            Position opened = source.position_of(open->opened_at);
            return fmt::format("the XML is not well-formed: the file ends {}where </{}> was "
                               "expected (<{}> opened at {}:{}): "
                               "is it cut short?",
                               where, open->name, open->name, opened.line, opened.column);
        }
        if (in_markup)
            return "the XML is not well-formed: the file ends inside a tag or comment: is it "
                   "cut short?";
    }
    return fmt::format("the XML is not well-formed: {}", result.description());
}

} // namespace

Position element_position(const SourceText& source, const pugi::xml_node& node) {
    return source.position_of(element_offset(node));
}

Position ParsedDocument::position_of(const pugi::xml_node& node) const {
    return element_position(source, node);
}

Position ParsedDocument::position_of(const pugi::xml_node& node, std::string_view attribute) const {
    std::string_view text = source.bytes();
    std::size_t start = element_offset(node);
    std::size_t end = text.find('>', start);
    for (std::size_t at = text.find(attribute, start); at < end;
         at = text.find(attribute, at + 1)) {
        bool starts_word = at > 0 && std::isspace(static_cast<unsigned char>(text[at - 1]));
        std::size_t after = text.find_first_not_of(" \t\r\n", at + attribute.size());
        if (starts_word && after < text.size() && text[after] == '=') return source.position_of(at);
    }
    return position_of(node);
}

Position ParsedDocument::text_position(const pugi::xml_node& text) const {
    // pugixml's offset of a text node is where its value starts; the value may since have been
    // shortened in place (line ends, references), but not where it starts.
    std::string_view bytes = source.bytes();
    auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(text.offset_debug(), 0));
    std::size_t first = bytes.find_first_not_of(" \t\r\n", offset);
    return source.position_of(first == std::string_view::npos ? offset : first);
}

ParsedDocument parse(SourceText source, const Limits& limits, Diagnostics& diagnostics) {
    ParsedDocument parsed{std::move(source), nullptr};
    if (!prescan(parsed.source, diagnostics)) return parsed;
    auto tree = std::make_unique<pugi::xml_document>();
    const std::string& bytes = parsed.source.bytes();
    auto result = tree->load_buffer(bytes.data(), bytes.size(), parse_options, pugi::encoding_utf8);
    if (!result) {
        auto offset = static_cast<std::size_t>(result.offset);
        std::string message = not_well_formed(result, parsed.source);
        diagnostics.push_back({Severity::error, parsed.source.position_of(offset), message});
        return parsed;
    }
    TreeSize size = measure_tree(*tree, limits.max_nodes);
    if (size.nodes > limits.max_nodes) {
        diagnostics.push_back(
            {Severity::error,
             {1, 1},
             fmt::format("the document has more than {} XML nodes; the limit can be raised "
                         "with --max-nodes",
                         limits.max_nodes)});
        return parsed;
    }
    parsed.tree = std::move(tree);
    parsed.depth = size.depth;
    return parsed;
}

} // namespace factpress
