#include "pipeline/build_model.hpp"
#include "pipeline/schema.hpp"
#include "pipeline/validate_values.hpp"

namespace factpress {
namespace {

std::string_view name_of(const pugi::xml_node& node) {
    return node.name();
}

class Builder {
  public:
    explicit Builder(const ParsedDocument& document) : document_(document) {}

    FactSheet run() {
        FactSheet sheet;
        auto root = document_.tree->document_element();
        sheet.language = root.attribute("xml:lang").value();
        sheet.id = root.attribute("id").value();
        for (auto child : root.children()) {
            std::string_view name = name_of(child);
            if (name == "meta")
                meta(child, sheet.meta);
            else if (name == "summary")
                sheet.summary = paragraphs(child);
            else if (name == "key-facts")
                sheet.key_facts = paragraphs(child);
            else if (name == "body")
                blocks(child, sheet.body_blocks, sheet.sections, 0);
            else if (name == "contact")
                contact(child, sheet.contact);
        }
        return sheet;
    }

  private:
    static std::string text(const pugi::xml_node& node) {
        std::string value;
        for (auto child : node.children())
            if (is_text(child)) value += child.value();
        return value;
    }

    void meta(const pugi::xml_node& node, Meta& meta) {
        for (auto child : node.children()) {
            std::string_view name = name_of(child);
            if (!name.empty()) meta.positions[std::string(name)] = document_.position_of(child);
            if (name == "series")
                meta.series = text(child);
            else if (name == "title")
                meta.title = inlines(child);
            else if (name == "subtitle")
                meta.subtitle = inlines(child);
            else if (name == "short-title")
                meta.short_title = text(child);
            else if (name == "date")
                meta.date = parse_date(text(child)).value_or(Date{});
            else if (name == "updated")
                meta.updated = parse_date(text(child));
            else if (name == "issuer")
                meta.issuer = text(child);
            else if (name == "classification")
                meta.classification = text(child);
            else if (name == "keywords")
                for (auto keyword : child.children("keyword"))
                    meta.keywords.push_back(text(keyword));
        }
    }

    Inlines inlines(const pugi::xml_node& node) {
        Inlines runs;
        for (auto child : node.children()) {
            if (is_text(child)) {
                runs.push_back({.text = child.value(), .position = document_.text_position(child)});
                continue;
            }
            if (child.type() != pugi::node_element) continue;
            std::string_view name = name_of(child);
            Inline run{.kind = InlineKind::emphasis,
                       .children = inlines(child),
                       .position = document_.position_of(child),
                       .language = child.attribute("xml:lang").value()};
            if (name == "strong") run.kind = InlineKind::strong;
            if (name == "link")
                run.kind = InlineKind::link, run.target = child.attribute("href").value();
            if (name == "abbr")
                run.kind = InlineKind::abbr, run.target = child.attribute("title").value();
            runs.push_back(std::move(run));
        }
        return runs;
    }

    Paragraph paragraph(const pugi::xml_node& node) {
        return {inlines(node), document_.position_of(node), language_of(node)};
    }

    // The language `node` is written in where xml:lang on it or on an element around it makes it
    // other than the sheet's; else empty.
    std::string language_of(pugi::xml_node node) const {
        auto root = document_.tree->document_element();
        for (; node && node != root; node = node.parent())
            if (auto lang = node.attribute("xml:lang"))
                return lang.value() == std::string_view(root.attribute("xml:lang").value())
                           ? ""
                           : lang.value();
        return "";
    }

    Paragraphs paragraphs(const pugi::xml_node& node) {
        Paragraphs result;
        for (auto child : node.children())
            if (child.type() == pugi::node_element) result.push_back(paragraph(child));
        return result;
    }

    void blocks(const pugi::xml_node& node, Blocks& blocks, std::vector<Section>& sections,
                int level) {
        for (auto child : node.children()) {
            std::string_view name = name_of(child);
            if (name == "p")
                blocks.push_back(paragraph(child));
            else if (name == "list")
                blocks.push_back(list(child));
            else if (name == "figure")
                blocks.push_back(figure(child));
            else if (name == "quote")
                blocks.push_back(Quote{paragraphs(child), child.attribute("source").value(),
                                       document_.position_of(child)});
            else if (name == "note")
                blocks.push_back(Note{paragraphs(child), document_.position_of(child)});
            else if (name == "section")
                sections.push_back(section(child, level + 1));
        }
    }

    Section section(const pugi::xml_node& node, int level) {
        Section section;
        section.id = node.attribute("id").value();
        section.level = level;
        section.position = document_.position_of(node);
        section.heading = inlines(node.child("heading"));
        section.language = language_of(node.child("heading"));
        blocks(node, section.blocks, section.sections, level);
        return section;
    }

    ListBlock list(const pugi::xml_node& node) {
        ListBlock list{std::string_view(node.attribute("type").value()) == "number",
                       {},
                       document_.position_of(node)};
        for (auto item : node.children("item")) {
            if (item.child("p"))
                list.items.push_back(paragraphs(item));
            else
                list.items.push_back({paragraph(item)});
        }
        return list;
    }

    Figure figure(const pugi::xml_node& node) {
        Figure figure;
        figure.id = node.attribute("id").value();
        figure.source = node.attribute("src").value();
        figure.alt = node.attribute("alt").value();
        figure.width_percent = parse_width_percent(node.attribute("width").value()).value_or(100.0);
        figure.caption = inlines(node.child("caption"));
        if (auto credit = node.child("credit")) figure.credit = inlines(credit);
        figure.language = language_of(node.child("caption"));
        figure.position = document_.position_of(node);
        return figure;
    }

    void contact(const pugi::xml_node& node, std::vector<ContactLine>& lines) {
        static constexpr std::pair<std::string_view, ContactKind> kinds[] = {
            {"org", ContactKind::org},        {"unit", ContactKind::unit},
            {"phone", ContactKind::phone},    {"email", ContactKind::email},
            {"web", ContactKind::web},        {"social", ContactKind::social},
            {"address", ContactKind::address}};
        for (auto child : node.children()) {
            for (auto [name, kind] : kinds)
                if (name == name_of(child))
                    lines.push_back({kind, text(child), child.attribute("network").value(),
                                     document_.position_of(child)});
        }
    }

    const ParsedDocument& document_;
};

} // namespace

FactSheet build_model(const ParsedDocument& document) {
    return Builder(document).run();
}

} // namespace factpress
