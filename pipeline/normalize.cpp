#include "pipeline/normalize.hpp"
#include "pipeline/raw_attribute.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>
#include <variant>

namespace factpress {
namespace {

// Runs of XML white space in `text` become one space. `after_space` carries over from the text
// before (true drops leading space) and tells the text after whether this one ended in a space.
std::string collapse_runs(std::string_view text, bool& after_space) {
    std::string out;
    for (char c : text) {
        if (!is_xml_space(c))
            out += c;
        else if (!after_space)
            out += ' ';
        after_space = is_xml_space(c);
    }
    return out;
}

// Collapses white space over a whole block, across the boundaries of inline elements.
class InlineCollapser {
  public:
    void run(Inlines& runs) {
        walk(runs);
        if (last_ && !last_->empty() && last_->back() == ' ') last_->pop_back();
        prune(runs);
    }

  private:
    void walk(Inlines& runs) {
        for (auto& run : runs) {
            if (run.kind == InlineKind::text)
                collapse(run.text);
            else
                walk(run.children);
        }
    }

    void collapse(std::string& text) {
        text = compose(collapse_runs(text, space_));
        if (!text.empty()) last_ = &text;
    }

    static void prune(Inlines& runs) {
        std::erase_if(runs, [](const Inline& run) {
            return run.kind == InlineKind::text && run.text.empty();
        });
        for (auto& run : runs)
            prune(run.children);
    }

    bool space_ = true; // true at the start, so leading space is dropped
    std::string* last_ = nullptr;
};

void normalize(Inlines& runs) {
    InlineCollapser().run(runs);
}

void normalize(Paragraphs& paragraphs) {
    for (auto& paragraph : paragraphs)
        normalize(paragraph.content);
}

void normalize(Blocks& blocks) {
    for (auto& block : blocks) {
        std::visit(
            [](auto& b) {
                using T = std::decay_t<decltype(b)>;
                if constexpr (std::is_same_v<T, Paragraph>)
                    normalize(b.content);
                else if constexpr (std::is_same_v<T, ListBlock>)
                    for (auto& item : b.items)
                        normalize(item);
                else if constexpr (std::is_same_v<T, Figure>) {
                    normalize(b.caption);
                    normalize(b.credit);
                    b.alt = collapse_white_space(b.alt);
                } else if constexpr (std::is_same_v<T, Quote>) {
                    normalize(b.paragraphs);
                    b.source = collapse_white_space(b.source);
                } else
                    normalize(b.paragraphs);
            },
            block);
    }
}

void normalize(std::vector<Section>& sections) {
    for (auto& section : sections) {
        normalize(section.heading);
        normalize(section.blocks);
        normalize(section.sections);
    }
}

} // namespace

std::string collapse_white_space(std::string_view text) {
    bool space = true;
    std::string out = collapse_runs(text, space);
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return compose(out);
}

std::string compose(std::string_view text) {
    bool ascii = true;
    for (char c : text)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) return std::string(text);
    utf8proc_uint8_t* composed = nullptr;
    utf8proc_ssize_t length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                           static_cast<utf8proc_ssize_t>(text.size()), &composed,
                                           utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(composed, &std::free);
    if (length < 0) return std::string(text); // not UTF-8: the parser has said so already
    return std::string(reinterpret_cast<const char*>(composed), static_cast<std::size_t>(length));
}

FactSheet normalize(FactSheet sheet) {
    Meta& meta = sheet.meta;
    normalize(meta.title);
    normalize(meta.subtitle);
    for (auto* field : {&meta.series, &meta.short_title, &meta.issuer, &meta.classification})
        *field = collapse_white_space(*field);
    for (auto& keyword : meta.keywords)
        keyword = collapse_white_space(keyword);
    normalize(sheet.summary);
    normalize(sheet.key_facts);
    normalize(sheet.body_blocks);
    normalize(sheet.sections);
    for (auto& line : sheet.contact)
        line.text = collapse_white_space(line.text);
    return sheet;
}

} // namespace factpress
