#include "pipeline/schema.hpp"

namespace factpress::schema {
namespace {

constexpr int many = -1;

const std::vector<Child> block_children = {{"p", 0, many},      {"list", 0, many},
                                           {"figure", 0, many}, {"quote", 0, many},
                                           {"note", 0, many},   {"section", 0, many}};

std::vector<Child> section_children() {
    auto children = block_children;
    children.insert(children.begin(), Child{"heading", 1, 1});
    return children;
}

const std::vector<Element> elements = {
    {"factsheet",
     Content::elements,
     {{"xml:lang", true}, {"id"}, {"xmlns"}},
     {{"meta", 1, 1}, {"summary"}, {"key-facts"}, {"body", 1, 1}, {"contact"}}},
    {"meta",
     Content::elements,
     {},
     {{"series"},
      {"title", 1, 1},
      {"subtitle"},
      {"short-title"},
      {"date", 1, 1},
      {"updated"},
      {"issuer"},
      {"classification"},
      {"keywords"}}},
    {"series", Content::plain_text, {}, {}},
    {"title", Content::inline_content, {}, {}},
    {"subtitle", Content::inline_content, {}, {}},
    {"short-title", Content::plain_text, {}, {}},
    {"date", Content::plain_text, {}, {}},
    {"updated", Content::plain_text, {}, {}},
    {"issuer", Content::plain_text, {}, {}},
    {"classification", Content::plain_text, {}, {}},
    {"keywords", Content::elements, {}, {{"keyword", 0, many}}},
    {"keyword", Content::plain_text, {}, {}},
    {"summary", Content::elements, {}, {{"p", 0, many}}},
    {"key-facts", Content::elements, {}, {{"fact", 0, many}}},
    {"fact", Content::inline_content, {}, {}},
    {"body", Content::elements, {}, block_children},
    {"section", Content::elements, {{"id"}}, section_children()},
    {"heading", Content::inline_content, {}, {}},
    {"p", Content::inline_content, {}, {}},
    {"list", Content::elements, {{"type"}}, {{"item", 1, many}}},
    {"item", Content::item, {}, {}},
    {"figure",
     Content::elements,
     {{"src", true}, {"alt", true}, {"width"}, {"id"}},
     {{"caption", 1, 1}, {"credit"}}},
    {"caption", Content::inline_content, {}, {}},
    {"credit", Content::inline_content, {}, {}},
    {"quote", Content::elements, {{"source"}}, {{"p", 1, many}}},
    {"note", Content::elements, {}, {{"p", 1, many}}},
    {"em", Content::inline_content, {}, {}},
    {"strong", Content::inline_content, {}, {}},
    {"link", Content::inline_content, {{"href", true}}, {}},
    {"abbr", Content::inline_content, {{"title", true}}, {}},
    {"contact",
     Content::elements,
     {},
     {{"org", 1, 1},
      {"unit"},
      {"phone", 0, many},
      {"email", 0, many},
      {"web", 0, many},
      {"social", 0, many},
      {"address"}}},
    {"org", Content::plain_text, {}, {}},
    {"unit", Content::plain_text, {}, {}},
    {"phone", Content::plain_text, {}, {}},
    {"email", Content::plain_text, {}, {}},
    {"web", Content::plain_text, {}, {}},
    {"social", Content::plain_text, {{"network", true}}, {}},
    {"address", Content::plain_text, {}, {}},
};

} // namespace

const Element* find(std::string_view name) {
    for (const auto& element : elements)
        if (element.name == name) return &element;
    return nullptr;
}

bool is_block(std::string_view name) {
    return name == "p" || name == "list" || name == "figure" || name == "quote" || name == "note";
}

bool is_inline(std::string_view name) {
    return name == "em" || name == "strong" || name == "link" || name == "abbr";
}

} // namespace factpress::schema
