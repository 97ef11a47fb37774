#include "model/fact_sheet.hpp"

#include <string_view>

namespace factpress {

std::string plain_text(const Inlines& runs) {
    std::string text;
    for (const auto& run : runs)
        text += run.kind == InlineKind::text ? run.text : plain_text(run.children);
    return text;
}

std::string trimmed(const std::string& text) {
    std::size_t start = text.find_first_not_of(' ');
    return start == std::string::npos ? ""
                                      : text.substr(start, text.find_last_not_of(' ') + 1 - start);
}

bool written_out(const Inline& abbr) {
    return trimmed(plain_text(abbr.children)) == trimmed(abbr.target);
}

namespace {

struct TextCollector {
    std::string text;

    void add(std::string_view part) { (text += part) += ' '; }
    void add(const Inlines& runs) { add(plain_text(runs)); }
    void add(const Paragraphs& paragraphs) {
        for (const auto& p : paragraphs)
            add(p.content);
    }
    void add(const Block& block) {
        if (auto* p = std::get_if<Paragraph>(&block)) add(p->content);
        if (auto* list = std::get_if<ListBlock>(&block))
            for (const auto& item : list->items)
                add(item);
        if (auto* figure = std::get_if<Figure>(&block)) add(figure->caption), add(figure->credit);
        if (auto* quote = std::get_if<Quote>(&block)) add(quote->paragraphs), add(quote->source);
        if (auto* note = std::get_if<Note>(&block)) add(note->paragraphs);
    }
    void add(const Section& section) {
        add(section.heading);
        for (const auto& block : section.blocks)
            add(block);
        for (const auto& sub : section.sections)
            add(sub);
    }
};

} // namespace

std::string all_text(const FactSheet& sheet) {
    TextCollector c;
    const Meta& meta = sheet.meta;
    for (std::string_view part :
         {std::string_view(meta.series), std::string_view(meta.short_title),
          std::string_view(meta.issuer), std::string_view(meta.classification)})
        c.add(part);
    for (const auto& keyword : meta.keywords)
        c.add(keyword);
    c.add(meta.title), c.add(meta.subtitle), c.add(sheet.summary), c.add(sheet.key_facts);
    for (const auto& block : sheet.body_blocks)
        c.add(block);
    for (const auto& section : sheet.sections)
        c.add(section);
    for (const auto& line : sheet.contact)
        c.add(line.text);
    return c.text;
}

} // namespace factpress
