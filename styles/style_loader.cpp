// Reads style sheets: validates names and values, follows `extends`, reports file:line:column.
#include "pipeline/file_bytes.hpp"
#include "pipeline/parse.hpp"
#include "styles/style.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <set>

namespace factpress {
namespace fs = std::filesystem;
namespace {

const std::set<std::string> known_elements = {
    "text",          "page",     "title-band", "series",         "title",     "subtitle",
    "date",          "updated",  "summary",    "summary-label",  "key-facts", "key-facts-label",
    "heading1",      "heading2", "heading3",   "paragraph",      "list",      "figure",
    "caption",       "credit",   "quote",      "quote-source",   "note",      "contact",
    "contact-label", "header",   "footer",     "classification", "link",      "placeholder"};

const std::set<std::string> known_properties = {
    "size",         "width",       "height",     "margin-top",   "margin-bottom", "margin-left",
    "margin-right", "columns",     "column-gap", "font",         "weight",        "slant",
    "leading",      "color",       "background", "border-color", "border-width",  "padding",
    "space-before", "space-after", "align",      "indent",       "transform",     "rule-color",
    "rule-width",   "max-height",  "expansion"};

const std::set<std::string> number_properties = {
    "width",       "height",     "margin-top", "margin-bottom", "margin-left", "margin-right",
    "columns",     "column-gap", "leading",    "border-width",  "padding",     "space-before",
    "space-after", "indent",     "rule-width", "max-height",    "expansion"};

class Loader {
  public:
    StyleLoadResult load(const std::string& name_or_file) {
        StyleLoadResult result;
        Style style;
        fs::path file = locate(name_or_file);
        result.file = file.string();
        if (!read(file, style, result, 0)) return result;
        for (const auto& family : style.font_chain)
            if (!style.families.contains(family))
                result.diagnostics.push_back(
                    {Severity::error,
                     {},
                     fmt::format("font-chain names family \"{}\", which no <family> defines",
                                 family)});
        if (style.font_chain.empty())
            result.diagnostics.push_back(
                {Severity::error, {}, "the style defines no <font-chain>"});
        if (!has_errors(result.diagnostics)) result.style = std::move(style);
        return result;
    }

  private:
    static fs::path locate(const std::string& name_or_file) {
        if (name_or_file.find('/') == std::string::npos && !name_or_file.ends_with(".xml"))
            return bundled_style_dir() / (name_or_file + ".xml");
        return name_or_file;
    }

    bool read(const fs::path& file, Style& style, StyleLoadResult& result, int depth) {
        if (depth > 8)
            return fail(result, file, {}, "extends goes more than 8 styles deep (a cycle?)");
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) return fail(result, file, {}, "no such style sheet");
        SourceText source(file.string(), read_file(file).value_or(""));
        pugi::xml_document document;
        auto parsed = document.load_buffer(source.bytes().data(), source.bytes().size(),
                                           pugi::parse_default, pugi::encoding_utf8);
        if (!parsed)
            return fail(result, file, source.position_of(static_cast<std::size_t>(parsed.offset)),
                        fmt::format("not well-formed: {}", parsed.description()));
        auto root = document.document_element();
        if (std::string_view(root.name()) != "style")
            return fail(result, file, element_position(source, root),
                        "the root element must be <style>");
        if (auto base = root.attribute("extends")) {
            fs::path base_file = locate(base.value());
            if (base_file.is_relative() &&
                std::string_view(base.value()).find('/') != std::string_view::npos)
                base_file = file.parent_path() / base_file;
            if (!read(base_file, style, result, depth + 1)) return false;
        }
        style.name = root.attribute("name").as_string(file.stem().c_str());
        style.files.push_back(file);
        for (auto child : root.children()) {
            if (child.type() != pugi::node_element) continue;
            element(source, child, style, result);
        }
        return !has_errors(result.diagnostics);
    }

    void element(const SourceText& source, const pugi::xml_node& node, Style& style,
                 StyleLoadResult& result) {
        fs::path file = source.path();
        std::string_view name = node.name();
        if (name == "font-path") {
            fs::path folder = node.text().as_string();
            style.font_path.insert(style.font_path.begin(),
                                   folder.is_relative() ? file.parent_path() / folder : folder);
        } else if (name == "family") {
            FontFamily family{node.attribute("name").value(), node.attribute("regular").value(),
                              node.attribute("bold").value(), node.attribute("italic").value(),
                              node.attribute("bold-italic").value()};
            if (family.name.empty() || family.regular.empty())
                fail(result, file, element_position(source, node),
                     "<family> needs name=\"...\" and regular=\"...\"");
            style.families[family.name] = family;
        } else if (name == "font-chain") {
            style.font_chain.clear();
            std::string words = node.text().as_string();
            for (std::size_t start = 0; start < words.size();) {
                std::size_t end = std::min(words.find(' ', start), words.size());
                if (end > start) style.font_chain.push_back(words.substr(start, end - start));
                start = end + 1;
            }
        } else if (name == "set") {
            set(source, node, style, result);
        } else {
            fail(result, file, element_position(source, node),
                 fmt::format(
                     "unknown element <{}>; expected <font-path>, <family>, <font-chain> or <set>",
                     name));
        }
    }

    void set(const SourceText& source, const pugi::xml_node& node, Style& style,
             StyleLoadResult& result) {
        fs::path file = source.path();
        std::string element = node.attribute("element").value();
        if (!known_elements.contains(element)) {
            fail(result, file, element_position(source, node),
                 fmt::format("<set element=\"{}\">: unknown element name", element));
            return;
        }
        for (auto attribute : node.attributes()) {
            std::string property = attribute.name(), value = attribute.value();
            if (property == "element") continue;
            if (!known_properties.contains(property))
                fail(result, file, element_position(source, node),
                     fmt::format("unknown property {} on <set element=\"{}\">", property, element));
            else if (!valid(property, value))
                fail(result, file, element_position(source, node),
                     fmt::format("{}=\"{}\" is not a valid value", property, value));
            else
                style.set(element, property, value);
        }
    }

    static bool valid(const std::string& property, const std::string& value) {
        if (property.find("color") != std::string::npos || property == "background")
            return value == "none" || parse_colour(value).has_value();
        if (property == "size") return true; // a number, or a page size name for the page
        if (number_properties.contains(property)) {
            double number = 0;
            auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
            return ec == std::errc() && end == value.data() + value.size() && number >= 0 &&
                   number < 10000;
        }
        return true;
    }

    bool fail(StyleLoadResult& result, const fs::path& file, Position where, std::string message) {
        result.file = file.string();
        result.diagnostics.push_back({Severity::error, where, std::move(message)});
        return false;
    }
};

} // namespace

StyleLoadResult load_style(const std::string& name_or_file) {
    return Loader().load(name_or_file);
}

} // namespace factpress
