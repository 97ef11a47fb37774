// Reads style sheets: validates names and values, follows `extends`, reports file:line:column.
#include "model/language_tag.hpp"
#include "pipeline/file_bytes.hpp"
#include "pipeline/parse.hpp"
#include "pipeline/spelling.hpp"
#include "styles/style.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <vector>

namespace factpress {
namespace fs = std::filesystem;
namespace {

const std::set<std::string> known_elements = {
    "text",          "page",     "title-band", "series",         "title",     "subtitle",
    "date",          "updated",  "summary",    "summary-label",  "key-facts", "key-facts-label",
    "heading1",      "heading2", "heading3",   "paragraph",      "list",      "figure",
    "caption",       "credit",   "quote",      "quote-source",   "note",      "contact",
    "contact-label", "header",   "footer",     "classification", "link",      "placeholder"};

// The values of the properties that take one of a few words.
const std::map<std::string, std::vector<std::string_view>, std::less<>> word_values = {
    {"weight", {"normal", "bold"}},
    {"slant", {"normal", "italic"}},
    {"transform", {"none", "uppercase"}},
    {"align", {"left", "right", "center", "justify"}}};

std::vector<std::string_view> names_of(const std::set<std::string>& names) {
    return {names.begin(), names.end()};
}

// "left, right, center or justify"
std::string one_of(const std::vector<std::string_view>& words) {
    std::string text;
    for (std::size_t i = 0; i < words.size(); ++i)
        text += fmt::format("{}{}", i == 0 ? "" : i + 1 == words.size() ? " or " : ", ", words[i]);
    return text;
}

const std::set<std::string> number_properties = {
    "width",        "height",       "margin-top",     "margin-bottom",  "margin-left",
    "margin-right", "columns",      "column-gap",     "leading",        "border-width",
    "padding",      "space-before", "space-after",    "indent",         "rule-width",
    "max-height",   "expansion",    "min-resolution", "paragraph-space"};

// Every property a <set> may name: the numbers, the words, and colours, families and size (points,
// or a page's name).
const std::set<std::string> known_properties = [] {
    std::set<std::string> all = number_properties;
    all.insert({"size", "font", "color", "background", "border-color", "rule-color"});
    for (const auto& [property, words] : word_values)
        all.insert(property);
    return all;
}();

class Loader {
  public:
    StyleLoadResult load(const std::string& name_or_file) {
        StyleLoadResult result;
        Style style;
        fs::path file = locate(name_or_file);
        result.file = file.string();
        // Families are checked even after other errors, once there are any to check against.
        if (!read(file, style, result, 0) && style.families.empty()) return result;
        check_families(style, result);
        if (!has_errors(result.diagnostics)) result.style = std::move(style);
        return result;
    }

  private:
    // Every family the chain or a font="..." names is defined.
    void check_families(const Style& style, StyleLoadResult& result) {
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
        std::vector<std::string_view> families;
        for (const auto& [name, family] : style.families)
            families.push_back(name);
        for (const auto& named : fonts_named_)
            if (!style.families.contains(named.family))
                fail(result, named.file, named.where,
                     fmt::format("font=\"{}\" names no <family> of the style{}", named.family,
                                 did_you_mean(named.family, families)));
    }

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
        } else if (name == "labels") {
            labels(source, node, style, result);
        } else {
            fail(result, file, element_position(source, node),
                 fmt::format("unknown element <{}>; expected <font-path>, <family>, <font-chain>, "
                             "<set> or <labels>",
                             name));
        }
    }

    // <labels xml:lang="hu" key-facts="..." .../>: the style's words for a language, over the
    // built-in ones (a later <labels> of the same language, or of a style extending this one,
    // over those).
    void labels(const SourceText& source, const pugi::xml_node& node, Style& style,
                StyleLoadResult& result) {
        fs::path file = source.path();
        std::string language = primary_language(node.attribute("xml:lang").value());
        if (language.empty()) {
            fail(result, file, element_position(source, node),
                 "<labels> needs xml:lang=\"...\", the language its words are for");
            return;
        }
        auto row = std::ranges::find(style.labels, language, &Labels::language);
        if (row == style.labels.end()) {
            style.labels.push_back(labels_for(language));
            row = std::prev(style.labels.end());
            row->language = language;
        }
        const std::vector<std::string_view> properties = label_properties();
        for (auto attribute : node.attributes()) {
            std::string_view property = attribute.name();
            if (property == "xml:lang") continue;
            if (std::ranges::find(properties, property) == properties.end())
                fail(result, file, element_position(source, node),
                     fmt::format("unknown attribute {} on <labels>{}", property,
                                 did_you_mean(property, properties)));
            else if (std::string expected = set_label(*row, property, attribute.value());
                     !expected.empty())
                fail(result, file, element_position(source, node),
                     fmt::format("{}=\"{}\" on <labels> is not a valid value; expected {}",
                                 property, attribute.value(), expected));
        }
    }

    void set(const SourceText& source, const pugi::xml_node& node, Style& style,
             StyleLoadResult& result) {
        fs::path file = source.path();
        std::string element = node.attribute("element").value();
        if (!known_elements.contains(element)) {
            fail(result, file, element_position(source, node),
                 fmt::format("<set element=\"{}\">: unknown element name{}", element,
                             did_you_mean(element, names_of(known_elements))));
            return;
        }
        for (auto attribute : node.attributes()) {
            std::string property = attribute.name(), value = attribute.value();
            if (property == "element") continue;
            if (!known_properties.contains(property)) {
                fail(result, file, element_position(source, node),
                     fmt::format("unknown property {} on <set element=\"{}\">{}", property, element,
                                 did_you_mean(property, names_of(known_properties))));
            } else if (std::string expected = invalid_value(element, property, value);
                       !expected.empty()) {
                fail(result, file, element_position(source, node),
                     fmt::format(
                         "{}=\"{}\" on <set element=\"{}\"> is not a valid value; expected {}",
                         property, value, element, expected));
            } else {
                style.set(element, property, value);
                if (property == "font")
                    fonts_named_.push_back({value, file, element_position(source, node)});
            }
        }
    }

    // What a good value of `property` looks like, when `value` is not one; empty when it is.
    static std::string invalid_value(const std::string& element, const std::string& property,
                                     const std::string& value) {
        if (property.find("color") != std::string::npos || property == "background")
            return value == "none" || parse_colour(value) ? ""
                                                          : "a colour such as #003b73, or none";
        if (property == "size" && element == "page")
            return parse_page_size(value) ? ""
                                          : "A4, A5, Letter, Legal, or WIDTHxHEIGHT in points from "
                                            "72 to 14400, such as 595x842";
        if (auto words = word_values.find(property); words != word_values.end())
            return std::find(words->second.begin(), words->second.end(), value) !=
                           words->second.end()
                       ? ""
                       : one_of(words->second);
        if (property == "columns")
            return number_in(value, 1, 8) && value.find('.') == std::string::npos
                       ? ""
                       : "a whole number of columns from 1 to 8";
        if (property == "size")
            return number_in(value, 1, 200) ? "" : "a size in points from 1 to 200";
        if (number_properties.contains(property))
            return number_in(value, 0, 10000) ? "" : "a number from 0 to 10000";
        return "";
    }

    static bool number_in(const std::string& value, double low, double high) {
        double number = 0;
        auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
        return ec == std::errc() && end == value.data() + value.size() && number >= low &&
               number <= high;
    }

    struct FontNamed { // a font="..." property, checked once every <family> is known
        std::string family;
        fs::path file;
        Position where;
    };
    std::vector<FontNamed> fonts_named_;

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
