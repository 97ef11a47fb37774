#include "pipeline/validate.hpp"
#include "pipeline/normalize.hpp"
#include "pipeline/schema.hpp"
#include "pipeline/spelling.hpp"
#include "pipeline/validate_values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace factpress {
namespace {

using schema::Content;

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Elements drawn as a line, a bullet or a link of their own: empty, they would leave a blank one
// (p and alt="" may be empty: nothing, and a decorative image).
bool must_hold_text(std::string_view name) {
    for (std::string_view named :
         {"title", "heading", "caption", "credit", "item", "fact", "link", "keyword", "org", "unit",
          "phone", "email", "web", "social", "address"})
        if (name == named) return true;
    return false;
}

// "a <body>", "an <item>": the article as the name is read aloud.
std::string a_tag(std::string_view name) {
    bool vowel = !name.empty() && std::string_view("aeiou").find(name[0]) != std::string_view::npos;
    return fmt::format("{} <{}>", vowel ? "an" : "a", name);
}

std::string not_a_language_tag(std::string_view value) {
    std::string message = fmt::format(
        "xml:lang=\"{}\" is not a language tag: expected a 2- or 3-letter language code, then "
        "any region or script, such as en, fr or pt-BR",
        value);
    std::string hyphenated(value); // en_US, as a locale is named: the tag is en-US
    std::ranges::replace(hyphenated, '_', '-');
    if (std::string code = language_code_for(value); !code.empty())
        message += fmt::format("; did you mean {}?", code);
    else if (hyphenated != value && is_language_tag(hyphenated))
        message += fmt::format("; did you mean {}?", hyphenated);
    return message;
}

std::string all_text(const pugi::xml_node& node) {
    std::string text;
    for (auto child : node.children()) {
        if (is_text(child))
            text += child.value();
        else if (child.type() == pugi::node_element)
            text += all_text(child);
    }
    return text;
}

class Validator {
  public:
    explicit Validator(const ParsedDocument& document) : document_(document) {}

    Diagnostics run() {
        pugi::xml_node root;
        for (auto child : document_.tree->children()) {
            if (child.type() != pugi::node_element) continue;
            if (root)
                error(child, "only one root element is allowed; this one follows <factsheet>");
            else
                root = child;
        }
        if (!root) {
            diagnostics_.push_back(
                {Severity::error, {1, 1}, "no root element; expected <factsheet>"});
            return diagnostics_;
        }
        if (std::string_view(root.name()) != "factsheet") {
            error(root, fmt::format("the root element is <{}>; expected <factsheet xmlns=\"{}\">",
                                    root.name(), schema::namespace_uri));
            return diagnostics_;
        }
        if (!root.attribute("xmlns"))
            error(root,
                  fmt::format("<factsheet> must declare the namespace xmlns=\"{}\"",
                              schema::namespace_uri),
                  "xmlns");
        element(root, 1, 0, false);
        check_link_targets();
        return diagnostics_;
    }

  private:
    void error(const pugi::xml_node& node, std::string message, std::string_view attribute = {}) {
        Position at = is_text(node)       ? document_.text_position(node)
                      : attribute.empty() ? document_.position_of(node)
                                          : document_.position_of(node, attribute);
        diagnostics_.push_back({Severity::error, at, std::move(message)});
    }

    void element(const pugi::xml_node& node, int depth, int section_depth, bool inside_link) {
        std::string_view name = node.name();
        const schema::Element* rule = schema::find(name);
        if (!rule) {
            error(node, fmt::format("unknown element <{}>{}", name, where(node)));
            return;
        }
        if (depth > schema::max_depth) {
            error(node,
                  fmt::format("elements nest more than {} deep; the document is rejected as a "
                              "resource limit",
                              schema::max_depth));
            return;
        }
        if (name == "section") ++section_depth;
        if (name == "section" && section_depth > schema::max_section_depth)
            error(node, fmt::format("sections nest at most {} deep", schema::max_section_depth));
        if (name == "link" && inside_link) error(node, "a <link> may not be inside another <link>");
        attributes(node, *rule);
        values(node);
        bool link = inside_link || name == "link";
        switch (rule->content) {
        case Content::elements:
            element_content(node, *rule, depth, section_depth);
            break;
        case Content::inline_content:
            inline_content(node, depth, link);
            break;
        case Content::plain_text:
            plain_text(node);
            break;
        case Content::item:
            item_content(node, depth);
            break;
        }
    }

    std::string where(const pugi::xml_node& node) {
        auto parent = node.parent();
        if (!parent || parent.type() != pugi::node_element) return "";
        const schema::Element* rule = schema::find(parent.name());
        if (!rule) return fmt::format(" in <{}>", parent.name());
        std::string expected;
        std::vector<std::string_view> names;
        if (rule->content == Content::elements) {
            for (const auto& child : rule->children) {
                expected += fmt::format("{}<{}>", expected.empty() ? "" : ", ", child.name);
                names.push_back(child.name);
            }
        } else if (rule->content == Content::plain_text) {
            expected = "plain text only";
        } else {
            expected = "text, <em>, <strong>, <link>, <abbr>";
            names = {"em", "strong", "link", "abbr"};
        }
        std::string meant = nearest_name(node.name(), names);
        std::string hint = meant.empty() ? "" : fmt::format("; did you mean <{}>?", meant);
        if (auto ours = html_counterpart(node.name()); hint.empty() && !ours.empty())
            hint = fmt::format("; HTML's <{}> is {} here", node.name(), ours);
        return fmt::format(" in <{}>; expected {}{}", parent.name(), expected, hint);
    }

    void attributes(const pugi::xml_node& node, const schema::Element& rule) {
        std::set<std::string_view> seen;
        for (auto attribute : node.attributes()) {
            std::string_view name = attribute.name();
            seen.insert(name);
            bool known = name == "xml:lang" || name.starts_with("xmlns:");
            for (const auto& allowed : rule.attributes)
                known = known || allowed.name == name;
            if (name == "xmlns" && std::string_view(attribute.value()) != schema::namespace_uri) {
                error(node,
                      fmt::format("<{}> declares namespace \"{}\"; every element must be in \"{}\"",
                                  node.name(), attribute.value(), schema::namespace_uri),
                      name);
            } else if (!known) {
                std::vector<std::string_view> names;
                for (const auto& allowed : rule.attributes)
                    names.push_back(allowed.name);
                std::string meant = nearest_name(name, names);
                error(node,
                      fmt::format("unknown attribute {}=\"...\" on <{}>{}{}", name, node.name(),
                                  allowed_attributes(rule),
                                  meant.empty() ? "" : fmt::format("; did you mean {}?", meant)),
                      name);
            }
        }
        for (const auto& allowed : rule.attributes)
            if (allowed.required && !seen.contains(allowed.name))
                error(node, fmt::format("<{}> needs the attribute {}=\"...\"", node.name(),
                                        allowed.name));
    }

    static std::string allowed_attributes(const schema::Element& rule) {
        std::string list;
        for (const auto& allowed : rule.attributes)
            if (allowed.name != "xmlns")
                list += fmt::format("{}{}", list.empty() ? "" : ", ", allowed.name);
        return list.empty() ? "; it takes no attributes" : fmt::format("; expected {}", list);
    }

    void values(const pugi::xml_node& node) {
        std::string_view name = node.name();
        for (auto attribute : node.attributes()) {
            std::string_view key = attribute.name();
            std::string_view value = attribute.value();
            if (key == "xml:lang" && !is_language_tag(value))
                error(node, not_a_language_tag(value), key);
            else if (key == "id")
                identifier(node, value, name == "section" || name == "figure");
            else if (key == "href")
                href(node, value);
            else if (key == "width" && !parse_width_percent(value))
                error(node,
                      fmt::format("width=\"{}\" must be a percentage from 1% to 100%, such as 60%",
                                  value),
                      key);
            else if (key == "type" && value != "bullet" && value != "number")
                error(node, fmt::format("type=\"{}\" must be \"bullet\" or \"number\"", value),
                      key);
            else if ((key == "src" || key == "title" || key == "network" || key == "source") &&
                     is_blank(value))
                error(node, fmt::format("{}=\"\" is empty", key), key);
        }
        if (name == "date" || name == "updated") {
            std::string text = all_text(node);
            std::string why_not;
            std::string shown = collapse_white_space(text); // a diagnostic is one line
            std::optional<Date> date = parse_date(text, &why_not);
            if (!date)
                error(node, why_not.empty()
                                ? fmt::format("<{}> holds \"{}\"; expected an ISO 8601 date YYYY, "
                                              "YYYY-MM or YYYY-MM-DD (e.g. 2021-02)",
                                              name, shown)
                                : fmt::format("<{}> holds \"{}\", but {}", name, shown, why_not));
            else if (name == "updated")
                updated_before_date(node, *date, shown);
        }
        if (must_hold_text(name) && is_blank(all_text(node)))
            error(node, fmt::format("<{}> is empty", name));
    }

    // "Last updated" before the sheet's own date is most likely the two swapped, or a typo in
    // the year; the sheet is still built.
    void updated_before_date(const pugi::xml_node& updated, const Date& when,
                             const std::string& shown) {
        pugi::xml_node published = updated.parent().child("date");
        std::optional<Date> date = parse_date(all_text(published));
        if (!date || !wholly_before(when, *date)) return;
        Position at = document_.position_of(published);
        diagnostics_.push_back(
            {Severity::warning, document_.position_of(updated),
             fmt::format("<updated> holds \"{}\", before the sheet's <date> \"{}\" (at {}:{}); "
                         "were they swapped?",
                         shown, collapse_white_space(all_text(published)), at.line, at.column)});
    }

    void identifier(const pugi::xml_node& node, std::string_view value, bool link_target) {
        if (!is_identifier(value)) {
            error(node,
                  fmt::format("id=\"{}\" must start with a letter and hold only letters, digits, "
                              "'-', '_' and '.'",
                              value),
                  "id");
            return;
        }
        auto [it, inserted] = ids_.emplace(std::string(value), Identified{node, link_target});
        if (!inserted) {
            Position first = document_.position_of(it->second.node, "id");
            error(node,
                  fmt::format("id=\"{}\" is used twice (first at {}:{}); ids must be unique", value,
                              first.line, first.column),
                  "id");
        }
    }

    void href(const pugi::xml_node& node, std::string_view value) {
        std::string problem = href_problem(value);
        if (!problem.empty())
            error(node, problem, "href");
        else if (value.starts_with('#'))
            links_.push_back({node, std::string(value.substr(1))});
    }

    void check_link_targets() {
        for (const auto& [node, target] : links_) {
            auto it = ids_.find(target);
            if (it == ids_.end())
                error(node,
                      fmt::format("link to \"#{}\", but no section or figure has id=\"{}\"", target,
                                  target),
                      "href");
            else if (!it->second.link_target)
                error(node,
                      fmt::format("link to \"#{}\": only sections and figures can be link targets",
                                  target),
                      "href");
        }
    }

    void element_content(const pugi::xml_node& node, const schema::Element& rule, int depth,
                         int section_depth) {
        std::map<std::string_view, int> counts;
        bool seen_section = false;
        bool first = true;
        for (auto child : node.children()) {
            if (is_text(child)) {
                if (!is_blank(child.value()))
                    error(child, fmt::format("text is not allowed directly in <{}>{}", node.name(),
                                             schema::is_block(node.name()) ||
                                                     node.name() == std::string_view("body") ||
                                                     node.name() == std::string_view("section")
                                                 ? "; put it in a <p>"
                                                 : ""));
                continue;
            }
            if (child.type() != pugi::node_element) continue;
            std::string_view name = child.name();
            bool allowed = false;
            for (const auto& c : rule.children)
                allowed = allowed || c.name == name;
            if (allowed) {
                ++counts[name];
                order(node, child, first, seen_section);
            } else if (schema::find(name)) {
                // where() names the parent: "<figure> is not allowed in <summary>; expected <p>".
                error(child, fmt::format("<{}> is not allowed{}", name, where(child)));
                first = false;
                continue;
            }
            first = false;
            element(child, depth + 1, section_depth, false);
        }
        for (const auto& c : rule.children) {
            int n = counts[c.name];
            if (n < c.min)
                error(node, fmt::format("<{}> needs {} element", node.name(), a_tag(c.name)));
            if (c.max >= 0 && n > c.max)
                error(node,
                      fmt::format("<{}> may hold only one <{}>, found {}", node.name(), c.name, n));
        }
    }

    void order(const pugi::xml_node& parent, const pugi::xml_node& child, bool first,
               bool& seen_section) {
        std::string_view name = child.name();
        if (name == "heading" && !first)
            error(child, "<heading> must be the first element of its <section>");
        if (name == "section")
            seen_section = true;
        else if (seen_section && schema::is_block(name))
            error(child,
                  fmt::format("<{}> follows a <section> in <{}>; blocks come before the first "
                              "section (move it into a section)",
                              name, parent.name()));
    }

    void inline_content(const pugi::xml_node& node, int depth, bool inside_link) {
        for (auto child : node.children()) {
            if (child.type() != pugi::node_element) continue;
            if (!schema::is_inline(child.name())) {
                error(
                    child,
                    schema::find(child.name())
                        ? fmt::format("<{}> is not allowed in <{}>; expected text, <em>, <strong>, "
                                      "<link> or <abbr>",
                                      child.name(), node.name())
                        : fmt::format("unknown element <{}>{}", child.name(), where(child)));
                continue;
            }
            element(child, depth + 1, 0, inside_link);
        }
    }

    void plain_text(const pugi::xml_node& node) {
        for (auto child : node.children())
            if (child.type() == pugi::node_element)
                error(child, fmt::format("<{}> holds plain text only; found the element <{}>",
                                         node.name(), child.name()));
    }

    void item_content(const pugi::xml_node& node, int depth) {
        bool paragraphs = false;
        for (auto child : node.children())
            paragraphs = paragraphs || (child.type() == pugi::node_element &&
                                        std::string_view(child.name()) == "p");
        if (!paragraphs) {
            inline_content(node, depth, false);
            return;
        }
        for (auto child : node.children()) {
            if (is_text(child) && !is_blank(child.value()))
                error(child, "an <item> holds either inline content or paragraphs <p>, not both");
            else if (child.type() == pugi::node_element && std::string_view(child.name()) != "p")
                error(child,
                      fmt::format("<{}> is not allowed beside <p> in an <item>", child.name()));
            else if (child.type() == pugi::node_element)
                element(child, depth + 1, 0, false);
        }
    }

    const ParsedDocument& document_;
    Diagnostics diagnostics_;
    struct Identified {
        pugi::xml_node node;
        bool link_target = false; // a section or figure
    };
    std::map<std::string, Identified> ids_;
    std::vector<std::pair<pugi::xml_node, std::string>> links_;
};

} // namespace

Diagnostics validate(const ParsedDocument& document) {
    if (!document.tree) return {};
    return Validator(document).run();
}

} // namespace factpress
