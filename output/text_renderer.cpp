#include "output/text_renderer.hpp"
#include "output/case_mapping.hpp"
#include "output/labels.hpp"
#include "output/text_wrap.hpp"
#include "pipeline/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <variant>

namespace factpress {
namespace {

// Numbers sections and photos ahead of writing, so "#id" links can name their targets.
struct Targets {
    std::map<std::string, std::string> names; // id -> "section 2 Background" / "Photo 3"
};

int word_count(const std::string& text) {
    int n = 0;
    bool in_word = false;
    for (char c : text) {
        bool space = c == ' ' || c == '\n';
        n += !space && !in_word;
        in_word = !space;
    }
    return n;
}

// The text without the author's break hints for the PDF (soft hyphens, zero-width spaces): lines
// of a briefing are already broken, and pasted into mail a soft hyphen can show as "-" and a
// zero-width space splits a word for search. Joiners stay: Persian needs them to read right.
std::string without_break_hints(const std::string& text) {
    static constexpr std::string_view hints[] = {"\u00AD", "\u200B"};
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        auto hint = std::find_if(std::begin(hints), std::end(hints), [&](std::string_view h) {
            return std::string_view(text).substr(at, h.size()) == h;
        });
        if (hint != std::end(hints))
            at += hint->size();
        else
            out += text[at++];
    }
    return out;
}

// The brief profile's budget: about 150 words before the contact block.
constexpr int brief_words = 150;

class Writer {
  public:
    Writer(const FactSheet& sheet, const TextOptions& options)
        : sheet_(sheet), options_(options), labels_(labels_for(sheet.language, options.labels)) {}

    std::string run() {
        number_targets();
        if (!sheet_.meta.classification.empty()) out_ += sheet_.meta.classification + "\n\n";
        title_block();
        summary();
        key_facts();
        if (options_.brief)
            leads();
        else
            body();
        contact();
        links();
        if (!sheet_.meta.classification.empty()) out_ += "\n" + sheet_.meta.classification + "\n";
        while (out_.ends_with("\n\n"))
            out_.pop_back();
        return without_break_hints(out_);
    }

  private:
    void number_targets() {
        int photo = 0;
        auto blocks = [&](const Blocks& list) {
            for (const auto& block : list)
                if (auto* figure = std::get_if<Figure>(&block)) {
                    ++photo;
                    if (!figure->id.empty())
                        targets_[figure->id] = fmt::format("{} {}", labels_.photo, number(photo));
                }
        };
        blocks(sheet_.body_blocks);
        std::function<void(const std::vector<Section>&, const std::string&)> sections =
            [&](const std::vector<Section>& list, const std::string& prefix) {
                int n = 0;
                for (const auto& section : list) {
                    std::string numbered = prefix + number(++n);
                    section_numbers_[&section] = numbered;
                    if (!section.id.empty())
                        targets_[section.id] = fmt::format("{} {} {}", labels_.see_section,
                                                           numbered, plain_text(section.heading));
                    blocks(section.blocks);
                    sections(section.sections, numbered + ".");
                }
            };
        sections(sheet_.sections, "");
    }

    // Inline content as text: links become "text [n]", abbreviations are written out once.
    std::string inline_text(const Inlines& runs) {
        std::string text;
        for (const auto& run : runs) {
            switch (run.kind) {
            case InlineKind::text:
                text += run.text;
                break;
            case InlineKind::emphasis:
            case InlineKind::strong:
                text += inline_text(run.children);
                break;
            case InlineKind::abbr: {
                std::string shown = inline_text(run.children);
                // Not when the author already wrote the expansion: "... Force (<abbr>NRF</abbr>)".
                bool introduced = text.ends_with("(");
                if (abbreviations_.insert(shown).second && !written_out(run) && !introduced)
                    text += fmt::format("{} ({})", run.target, shown);
                else
                    text += shown;
                break;
            }
            case InlineKind::link: {
                text += inline_text(run.children);
                if (run.target.starts_with('#')) {
                    auto it = targets_.find(run.target.substr(1));
                    if (it != targets_.end()) text += fmt::format(" ({})", it->second);
                } else {
                    text += fmt::format(" [{}]", number(link_number(run.target)));
                }
                break;
            }
            }
        }
        return text;
    }

    // A number factpress writes (a photo's, a section's, a link's), in the language's digits.
    std::string number(int n) const { return localized_digits(std::to_string(n), labels_); }

    int link_number(const std::string& target) {
        for (std::size_t i = 0; i < links_.size(); ++i)
            if (links_[i] == target) return static_cast<int>(i + 1);
        links_.push_back(target);
        return static_cast<int>(links_.size());
    }

    // Writes `text` wrapped; returns the display width of its longest line.
    int paragraph(const std::string& text, const std::string& first = "",
                  const std::string& rest = "") {
        int longest = 0;
        for (const auto& line : wrap(text, options_.width, first, rest)) {
            out_ += line + "\n";
            longest = std::max(longest, display_width(line));
        }
        return longest;
    }

    // A title or heading: wrapped, then underlined as far as its longest line (within the
    // width, past which only a word too long to break may go).
    void underlined(const std::string& text, char rule, const std::string& number = "") {
        int width = paragraph(text, number, std::string(display_width(number), ' '));
        if (rule)
            out_ +=
                std::string(static_cast<std::size_t>(std::min(width, options_.width)), rule) + "\n";
    }

    void heading(const std::string& text) {
        out_ += '\n';
        out_ += upper_case(text, sheet_.language);
        out_ += "\n\n";
    }

    void title_block() {
        const Meta& meta = sheet_.meta;
        if (!meta.series.empty()) paragraph(upper_case(meta.series, sheet_.language));
        underlined(inline_text(meta.title), '=');
        if (!meta.subtitle.empty()) paragraph(inline_text(meta.subtitle));
        paragraph(format_date(meta.date, labels_));
        if (meta.updated && *meta.updated != meta.date)
            paragraph(updated_label(labels_, *meta.updated));
        if (!meta.issuer.empty()) paragraph(meta.issuer);
    }

    void summary() {
        if (sheet_.summary.empty()) return;
        heading(sheet_.language.starts_with("en") ? "Bottom line up front" : labels_.bottom_line);
        for (std::size_t i = 0; i < sheet_.summary.size(); ++i) {
            if (i) out_ += "\n";
            paragraph(inline_text(sheet_.summary[i].content));
        }
    }

    // In the brief profile, facts are kept while the briefing stays within its word budget.
    void key_facts() {
        std::vector<std::string> facts;
        int words = word_count(out_) + word_count(labels_.key_facts);
        for (const auto& fact : sheet_.key_facts) {
            std::string text = inline_text(fact.content);
            if (options_.brief && words + word_count(text) > brief_words) break;
            words += word_count(text);
            facts.push_back(std::move(text));
        }
        if (facts.empty()) return;
        heading(labels_.key_facts);
        for (const auto& fact : facts)
            paragraph(fact, "  * ", "    ");
    }

    void blocks(const Blocks& list, int indent) {
        std::string pad(static_cast<std::size_t>(indent), ' ');
        for (const auto& block : list) {
            out_ += "\n";
            std::visit([&](const auto& b) { write(b, pad); }, block);
        }
    }

    void write(const Paragraph& p, const std::string& pad) {
        paragraph(inline_text(p.content), pad, pad);
    }

    void write(const ListBlock& list, const std::string& pad) {
        int n = 0;
        // Numbers right-aligned to the widest, so that the items' text lines up: " 9." and "10.".
        std::size_t digits = std::to_string(list.items.size()).size();
        // An item of several paragraphs is set off by blank lines, and then so is every item: the
        // blank line after its first paragraph must not read as the end of the item.
        bool loose =
            std::ranges::any_of(list.items, [](const auto& item) { return item.size() > 1; });
        for (const auto& item : list.items) {
            if (loose && &item != &list.items.front()) out_ += "\n";
            std::string marker = list.numbered ? fmt::format("{:>{}}. ", ++n, digits) : "* ";
            // (A digit in another script is still one character wide.)
            std::string first = pad + "  " + localized_digits(marker, labels_),
                        rest = pad + "  " + std::string(marker.size(), ' ');
            for (std::size_t i = 0; i < item.size(); ++i) {
                if (i) out_ += "\n";
                paragraph(inline_text(item[i].content), i == 0 ? first : rest, rest);
            }
        }
    }

    void write(const Figure& figure, const std::string& pad) {
        ++photo_;
        std::string text =
            fmt::format("[{} {}: {}", labels_.photo, number(photo_), inline_text(figure.caption));
        if (!figure.credit.empty()) text += " \u2014 " + inline_text(figure.credit);
        paragraph(text + "]", pad, pad + " ");
    }

    void write(const Quote& quote, const std::string& pad) {
        for (std::size_t i = 0; i < quote.paragraphs.size(); ++i) {
            std::string text = inline_text(quote.paragraphs[i].content);
            if (i == 0) text = labels_.open_quote + text;
            if (i + 1 == quote.paragraphs.size()) text += labels_.close_quote;
            if (i) out_ += "\n";
            paragraph(text, pad + "    ", pad + "    ");
        }
        if (!quote.source.empty())
            paragraph("\u2014 " + quote.source, pad + "      ", pad + "      ");
    }

    void write(const Note& note, const std::string& pad) {
        for (std::size_t i = 0; i < note.paragraphs.size(); ++i) {
            if (i) out_ += pad + "  |\n";
            paragraph(inline_text(note.paragraphs[i].content), pad + "  | ", pad + "  | ");
        }
    }

    void section(const Section& s) {
        out_ += "\n\n";
        // A heading too long for a line hangs from its number.
        char rule = s.level == 1 ? '=' : s.level == 2 ? '-' : '\0';
        underlined(inline_text(s.heading), rule,
                   fmt::format("{}{} ", section_numbers_[&s], s.level == 1 ? "." : ""));
        blocks(s.blocks, 0);
        for (const auto& child : s.sections)
            section(child);
    }

    void body() {
        blocks(sheet_.body_blocks, 0);
        for (const auto& s : sheet_.sections)
            section(s);
    }

    // The text to the end of its first sentence: a . ! ? (Arabic ؟, Urdu ۔) outside brackets,
    // then a space and a word that does not start in lower case, in any script ("(див. розділ
    // 1)" and "e.g. the" go on).
    static std::string lead_sentence(const std::string& text) {
        int depth = 0;
        for (std::size_t pos = 0; pos < text.size();) {
            std::size_t at = pos;
            char32_t c = utf8::next(text, pos);
            if (c == '(' || c == '[')
                ++depth;
            else if ((c == ')' || c == ']') && depth > 0)
                --depth;
            else if (depth == 0 && at >= 3 &&
                     std::u32string_view(U".!?\u061F\u06D4").find(c) != std::u32string_view::npos &&
                     pos + 1 < text.size() && text[pos] == ' ') {
                std::size_t next = pos + 1;
                if (!is_lower_case(utf8::next(text, next))) return text.substr(0, pos);
            }
        }
        return text;
    }

    // Where the lead sentence of a section (or of the opening text) is taken from: its first
    // paragraph, else the first item of its first list, else the same in its subsections, as a
    // section may open with a list or go straight on to subsections.
    static const Paragraph* lead_paragraph(const Blocks& blocks,
                                           const std::vector<Section>& sections) {
        for (const auto& block : blocks)
            if (auto* p = std::get_if<Paragraph>(&block)) return p;
        for (const auto& block : blocks)
            if (auto* list = std::get_if<ListBlock>(&block);
                list && !list->items.empty() && !list->items.front().empty())
                return &list->items.front().front();
        for (const auto& s : sections)
            if (const Paragraph* p = lead_paragraph(s.blocks, s.sections)) return p;
        return nullptr;
    }

    // The brief profile: the lead sentence of the opening text and of each top section.
    void leads() {
        int words = 0;
        words += word_count(out_);
        std::vector<std::pair<std::string, std::string>> items; // heading, sentence
        if (const Paragraph* p = lead_paragraph(sheet_.body_blocks, {}))
            items.push_back({"", lead_sentence(inline_text(p->content))});
        for (const auto& s : sheet_.sections)
            if (const Paragraph* p = lead_paragraph(s.blocks, s.sections))
                items.push_back({inline_text(s.heading), lead_sentence(inline_text(p->content))});
        if (items.empty()) return;
        out_ += "\n";
        for (const auto& [title, sentence] : items) {
            std::string text = title.empty() ? sentence : title + ": " + sentence;
            if (words + word_count(text) > brief_words) break;
            words += word_count(text);
            paragraph(text, "- ", "  ");
        }
    }

    void contact() {
        if (sheet_.contact.empty()) return;
        heading(labels_.contact);
        for (const auto& line : sheet_.contact)
            paragraph(contact_line(labels_, line), "", "  ");
    }

    void links() {
        if (links_.empty()) return;
        heading(labels_.links);
        for (std::size_t i = 0; i < links_.size(); ++i) {
            std::string reference = fmt::format("[{}] ", number(static_cast<int>(i) + 1));
            paragraph(links_[i], reference, std::string(display_width(reference), ' '));
        }
    }

    const FactSheet& sheet_;
    const TextOptions& options_;
    const Labels& labels_;
    std::string out_;
    std::map<std::string, std::string> targets_;
    std::map<const Section*, std::string> section_numbers_;
    std::set<std::string> abbreviations_;
    std::vector<std::string> links_;
    int photo_ = 0;
};

} // namespace

std::string render_text(const FactSheet& sheet, const TextOptions& options) {
    return Writer(sheet, options).run();
}

} // namespace factpress
