#include "output/layout.hpp"
#include "output/bidi.hpp"
#include "output/flow.hpp"
#include "output/labels.hpp"
#include "output/page_fit.hpp"
#include "output/typesetter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>

namespace factpress {
namespace {

Inlines text_inlines(std::string text) {
    return {Inline{.text = std::move(text)}};
}

// One slice holding `slices` one under the other: content that must not be split.
Slice stack(std::vector<Slice>::const_iterator first, std::vector<Slice>::const_iterator last) {
    Slice whole = *first;
    for (auto it = first + 1; it != last; ++it) {
        whole.height += it->space_before;
        append_shifted(whole.content, it->content, 0, whole.height);
        whole.height += it->height;
    }
    return whole;
}

Slice stack(const std::vector<Slice>& slices) {
    return stack(slices.begin(), slices.end());
}

// Where a line's text begins and ends, across its runs.
std::pair<double, double> text_extent(const Page& line) {
    if (line.texts.empty()) return {0, 0};
    double left = line.texts.front().x, right = left;
    for (const auto& text : line.texts)
        left = std::min(left, text.x), right = std::max(right, text.x + text.width);
    return {left, right};
}

// Lines of paragraphs as slices that must stay together: the first two and the last two lines
// of each paragraph (no orphans, no widows) and of them all, so that a quote or note split
// between columns never leaves one of its lines alone. Each paragraph after the first starts
// `space` lower.
std::vector<Slice> keep_ends_together(std::vector<std::vector<Slice>> paragraphs,
                                      double space = 0) {
    std::vector<Slice> lines;
    std::vector<bool> break_after;
    for (auto& paragraph : paragraphs) {
        if (paragraph.empty()) continue;
        if (!lines.empty()) paragraph.front().space_before = space;
        for (std::size_t k = 0; k < paragraph.size(); ++k) {
            lines.push_back(std::move(paragraph[k]));
            break_after.push_back(k + 1 == paragraph.size() ||
                                  (k >= 1 && k + 3 <= paragraph.size()));
        }
    }
    if (lines.size() >= 2) break_after.front() = break_after[lines.size() - 2] = false;
    std::vector<Slice> grouped;
    for (std::size_t start = 0, i = 0; i < lines.size(); ++i)
        if (break_after[i] || i + 1 == lines.size()) {
            grouped.push_back(stack(lines.begin() + start, lines.begin() + i + 1));
            start = i + 1;
        }
    return grouped;
}

// Everything on `page` turned from left to right within `width`; each item keeps its own drawing.
void mirror(Page& page, double width) {
    auto flip = [&](auto& item) { item.x = width - item.x - item.width; };
    for (auto& item : page.texts)
        flip(item);
    for (auto& item : page.rects)
        flip(item);
    for (auto& item : page.images)
        flip(item);
    for (auto& item : page.links)
        flip(item);
}

// A right-to-left document is laid out left to right and mirrored: columns, indents, markers,
// boxes and page numbers change sides; each item keeps its own drawing (see the typesetter).
void mirror(PageLayout& layout) {
    for (auto& page : layout.pages)
        mirror(page, layout.width);
}

// The links of inline content as its spans hold them, in reading order: a stretch of spans with
// one target is one link.
struct Links {
    std::vector<int> of_span;       // a span's link, -1 for none
    std::vector<std::string> words; // a link's, without the space around them
    std::vector<int> node;          // a link's Link node in the structure, once it has one
};

Links links_in(const std::vector<Span>& spans) {
    Links links;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        if (spans[i].link.empty()) {
            links.of_span.push_back(-1);
            continue;
        }
        if (i == 0 || spans[i - 1].link != spans[i].link) links.words.emplace_back();
        links.of_span.push_back(static_cast<int>(links.words.size()) - 1);
        links.words.back() += spans[i].text;
    }
    for (std::string& words : links.words)
        words = trimmed(words);
    links.node.assign(links.words.size(), -1);
    return links;
}

// The phrases of a paragraph's spans that a screen reader reads otherwise than their text: an
// abbreviation (its expansion) or words in another language than the paragraph's; each a Span
// element of the structure inside the paragraph (or the link it is in, per link).
struct Phrases {
    std::string language;                    // the paragraph's
    std::map<std::pair<int, int>, int> node; // by phrase and link (-1: none), once it has one
};

// Where the baseline of a line of this style sits below the line's top.
double baseline(const TextStyle& ts) {
    return ts.leading / 2 + ts.size * 0.33;
}

class Builder {
  public:
    Builder(const FactSheet& sheet, const Style& style, const FontSet& fonts,
            Hyphenator& hyphenator, const Deadline& deadline, Diagnostics& diagnostics)
        : sheet_(sheet), style_(style), fonts_(fonts),
          labels_(labels_for(sheet.language, style.labels)),
          right_to_left_(written_right_to_left(sheet.language)), deadline_(deadline),
          diagnostics_(diagnostics),
          typesetter_(fonts, hyphenator, sheet.language, style.name, all_text(sheet), diagnostics) {
    }

    PageLayout run(const LayoutOptions& options) {
        PageLayout layout;
        std::tie(layout.width, layout.height) = page_size(style_);
        info(layout.info);
        FrameGeometry g;
        g.page_width = layout.width;
        g.page_height = layout.height;
        g.left = style_.number("page", "margin-left", 50);
        g.top = style_.number("page", "margin-top", 50);
        g.bottom = layout.height - style_.number("page", "margin-bottom", 50);
        g.width = layout.width - g.left - style_.number("page", "margin-right", 50);
        g.columns = std::clamp(static_cast<int>(style_.number("page", "columns", 1)), 1, 8);
        g.gap = style_.number("page", "column-gap", 18);
        column_width_ = g.column_width();
        frame_height_ = g.bottom - g.top;
        layout.pages.emplace_back();
        g.first_page_top = title_area(layout.pages[0], g);
        if (g.first_page_top >= g.bottom)
            throw DoesNotFit(
                fmt::format("the title band and summary are {:.0f} pt tall, more than the {:.0f} "
                            "pt of the first page; shorten the title, subtitle or summary",
                            g.first_page_top - g.top, g.bottom - g.top),
                sheet_.summary.empty() ? meta_position("title") : sheet_.summary.front().position);
        std::vector<FlowBlock> blocks;
        body(blocks);
        PageLayout flowed = layout;
        double spacing = 1;
        try {
            Flow(flowed, g, options.max_pages).place(blocks);
            spacing = save_last_page(layout, g, blocks, options, flowed);
        } catch (const PageLimitExceeded&) { // unless tighter spacing keeps it within the limit
            std::optional<double> fits = fit_page_limit(layout, g, blocks, options, flowed);
            if (!fits) throw;
            spacing = *fits;
        }
        if (g.columns > 1) // a fresh flow of the blocks, as tight as they were left
            flowed = balance_last_page(layout, g, blocks, options, std::move(flowed));
        flowed.spacing = spacing;
        flowed.structure = std::move(structure_);
        running_elements(flowed, g);
        flowed.faces = fonts_.faces(); // after typesetting: every face a run uses has been read
        if (right_to_left_) mirror(flowed);
        return flowed;
    }

    // Columns of the last page end at the same height instead of leaving the right one empty:
    // the lowest bottom for that page at which the flow still needs no more pages (a bisection).
    static PageLayout balance_last_page(const PageLayout& start, FrameGeometry g,
                                        const std::vector<FlowBlock>& blocks,
                                        const LayoutOptions& options, PageLayout flowed) {
        std::size_t pages = flowed.pages.size();
        g.balanced_page = static_cast<int>(pages) - 1;
        double low = pages == 1 ? g.first_page_top : g.top, high = g.bottom;
        for (int step = 0; step < 10; ++step) {
            g.balanced_bottom = (low + high) / 2;
            options.deadline.check();
            PageLayout trial = start;
            bool first_column_used = false;
            try {
                Flow flow(trial, g, options.max_pages);
                flow.place(blocks);
                first_column_used = flow.used(g.balanced_page, 0);
            } catch (const PageLimitExceeded&) {
                trial.pages.resize(pages + 1);
            }
            // Balanced means the same pages with the first column still holding content.
            if (trial.pages.size() == pages && first_column_used)
                high = g.balanced_bottom, flowed = std::move(trial);
            else
                low = g.balanced_bottom;
        }
        return flowed;
    }

  private:
    void info(DocumentInfo& info) const {
        info.title = plain_text(sheet_.meta.title);
        info.author = sheet_.meta.issuer;
        info.language = sheet_.language;
        info.right_to_left = right_to_left_;
        info.subject = sheet_.meta.series.empty() ? info.title : sheet_.meta.series;
        for (const auto& keyword : sheet_.meta.keywords)
            info.keywords += (info.keywords.empty() ? "" : ", ") + keyword;
    }

    // Lines of text as slices; `group` keeps the first and last two lines together (no orphans, no
    // widows). `language`: the text's where it is not the sheet's (xml:lang on a paragraph), for
    // its hyphenation and capitals, and for the current node's /Lang.
    std::vector<Slice> lines(const Inlines& content, const std::string& element, double width,
                             Position where, bool group = true, const std::string& language = {}) {
        return lines(content, text_style(style_, element), width, where, group, language);
    }

    std::vector<Slice> lines(const Inlines& content, const TextStyle& ts, double width,
                             Position where, bool group = true, const std::string& language = {}) {
        auto spans = flatten(content, ts, language.empty() ? sheet_.language : language);
        auto set = typesetter_.set(spans, ts, width, where, language);
        std::vector<Slice> slices;
        links_ = links_in(spans);
        phrases_ = {language.empty() ? sheet_.language : language, {}};
        say_in_reading_order(spans);
        if (!language.empty() && node_ >= 0)
            structure_[static_cast<std::size_t>(node_)].language = language;
        // A paragraph in the other direction than the sheet's is turned within its measure
        // here, as the sheet's pages will be as a whole (mirror): it reads in its own.
        bool turned = turned_language(language);
        for (const auto& line : set) {
            slices.push_back(line_slice(line, ts, spans));
            if (turned) mirror(slices.back().content, width);
        }
        return group ? keep_ends_together({std::move(slices)}) : slices;
    }

    // Whether text in `language` (empty: the sheet's) is written in the other direction than
    // the sheet.
    bool turned_language(const std::string& language) const {
        return !language.empty() && written_right_to_left(language) != right_to_left_;
    }

    Slice line_slice(const Line& line, const TextStyle& ts, const std::vector<Span>& spans) {
        Slice slice;
        slice.height = ts.leading;
        for (const auto& run : line.runs) {
            Colour colour = run.link.empty() ? ts.colour : ts.link_colour;
            int link_node = link_node_of(run);
            int node = node_of(run, spans.at(run.span), link_node);
            slice.content.texts.push_back({run.x, baseline(ts), run.face, ts.size, colour, run.text,
                                           run.width, run.scale, node, run.added_hyphen});
            if (run.link.empty()) continue;
            auto& links = slice.content.links;
            bool anchor = run.link.starts_with('#');
            std::string uri = anchor ? "" : run.link, id = anchor ? run.link.substr(1) : "";
            if (!links.empty() && links.back().uri == uri && links.back().anchor == id &&
                links.back().node == link_node &&
                links.back().x + links.back().width >= run.x - ts.size)
                links.back().width = run.x + run.width - links.back().x;
            else
                links.push_back({run.x, 0, run.width, ts.leading, uri, id, link_node});
        }
        return slice;
    }

    // The structure node of `run`'s link: the current node, or for a link's words a Link inside
    // it, one for all the link's runs, across lines too, so that a screen reader announces the
    // link once, with all its words.
    int link_node_of(const LineRun& run) {
        int link = link_of(run);
        if (link < 0 || node_ < 0) return node_;
        int& node = links_.node[static_cast<std::size_t>(link)];
        if (node < 0) {
            structure_.push_back({.role = "Link",
                                  .parent = node_,
                                  .words = links_.words[static_cast<std::size_t>(link)]});
            node = static_cast<int>(structure_.size()) - 1;
        }
        return node;
    }

    int link_of(const LineRun& run) const {
        return run.span < links_.of_span.size() ? links_.of_span[run.span] : -1;
    }

    // The structure node of `run`'s words, set from `span`: its link's node, or inside it a Span
    // for a phrase read otherwise than its text.
    int node_of(const LineRun& run, const Span& span, int link_node) {
        bool other_language = !span.language.empty() && span.language != phrases_.language;
        if (link_node < 0 || span.phrase == 0 || (span.expansion.empty() && !other_language))
            return link_node;
        auto [at, added] = phrases_.node.try_emplace({span.phrase, link_of(run)}, -1);
        if (added) {
            structure_.push_back({.role = "Span",
                                  .parent = link_node,
                                  .language = other_language ? span.language : "",
                                  .expansion = span.expansion});
            at->second = static_cast<int>(structure_.size()) - 1;
        }
        return at->second;
    }

    // Lines set right to left hold their runs in the order they are drawn, not the order they are
    // read: the current node, given such text or in a right-to-left sheet (where words of any
    // script run right to left), says its text as written (/ActualText), for a screen reader or
    // a reader's reflow.
    void say_in_reading_order(const std::vector<Span>& spans) {
        if (node_ < 0 || structure_[static_cast<std::size_t>(node_)].role == "Figure") return;
        std::string text;
        for (const Span& span : spans)
            text += span.text;
        if (!right_to_left_ && !has_right_to_left(text)) return;
        std::string& said = structure_[static_cast<std::size_t>(node_)].actual_text;
        said += (said.empty() ? "" : " ") + trimmed(text);
    }

    // The space between two paragraphs of a summary, quote or note: the element's own, else a
    // body paragraph's.
    double paragraph_space(const std::string& element) const {
        return style_.number(element, "paragraph-space",
                             style_.number("paragraph", "space-after", 0));
    }

    FlowBlock text_block(const Inlines& content, const std::string& element, Position where,
                         double indent = 0, const std::string& language = {}) {
        FlowBlock block;
        block.slices = lines(content, element, column_width_ - indent, where, true, language);
        block.space_before = style_.number(element, "space-before", 0);
        block.space_after = style_.number(element, "space-after", 0);
        block.indent = indent;
        return block;
    }

    double title_area(Page& page, const FrameGeometry& g) {
        const Meta& meta = sheet_.meta;
        double padding = style_.number("title-band", "padding", 0);
        double inner = g.width - 2 * padding;
        double y = g.top + padding;
        Page content;
        bool on_band = style_.text("title-band", "background", "none") != "none";
        auto add = [&](const Inlines& text, const std::string& element, const char* role) {
            if (text.empty()) return;
            open_node(role);
            y += style_.number(element, "space-before", 0);
            // The link colour is chosen for the page's white: on a coloured band a link keeps the
            // colour of the text around it (it is still a link).
            TextStyle ts = text_style(style_, element);
            if (on_band) ts.link_colour = ts.colour;
            for (auto& slice : lines(text, ts, inner, meta_position(element), false)) {
                append_shifted(content, slice.content, g.left + padding, y);
                y += slice.height;
            }
        };
        if (!meta.series.empty()) add(text_inlines(meta.series), "series", "P");
        add(meta.title, "title", "H1");
        add(meta.subtitle, "subtitle", "P");
        add(text_inlines(format_date(meta.date, labels_)), "date", "P");
        if (meta.updated && *meta.updated != meta.date)
            add(text_inlines(updated_label(labels_, *meta.updated)), "updated", "P");
        y += padding;
        auto background = style_.colour("title-band", "background", {});
        if (on_band)
            page.rects.push_back({g.left, g.top, g.width, y - g.top, background, std::nullopt, 0});
        if (style_.has("title-band", "rule-color")) {
            double rule = style_.number("title-band", "rule-width", 1);
            page.rects.push_back({g.left, y, g.width, rule,
                                  style_.colour("title-band", "rule-color"), std::nullopt, 0});
            y += rule;
        }
        append_shifted(page, content, 0, 0);
        y += style_.number("title-band", "space-after", 12);
        // The summary (bottom line) spans the full width under the band.
        if (!sheet_.summary.empty()) {
            double rule = style_.number("summary", "rule-width", 0);
            double start = y;
            for (const auto& p : sheet_.summary) {
                if (&p != &sheet_.summary.front()) y += paragraph_space("summary");
                open_node("P");
                for (auto& slice : lines(p.content, "summary", g.width - (rule > 0 ? rule + 8 : 0),
                                         p.position, false, p.language)) {
                    append_shifted(page, slice.content, g.left + (rule > 0 ? rule + 8 : 0), y);
                    y += slice.height;
                }
            }
            if (rule > 0)
                page.rects.push_back({g.left, start, rule, y - start,
                                      style_.colour("summary", "rule-color"), std::nullopt, 0});
            y += style_.number("summary", "space-after", 10);
        }
        return y;
    }

    void body(std::vector<FlowBlock>& blocks) {
        // The title bookmark points at the top of page 1.
        FlowBlock mark;
        Slice anchor;
        anchor.bookmark = plain_text(sheet_.meta.title);
        anchor.bookmark_level = 0;
        mark.slices.push_back(anchor);
        blocks.push_back(mark);
        if (!sheet_.key_facts.empty()) blocks.push_back(key_facts());
        for (const auto& block : sheet_.body_blocks)
            add_block(block, blocks);
        for (const auto& section : sheet_.sections)
            add_section(section, blocks);
        if (!sheet_.contact.empty()) blocks.push_back(contact());
    }

    void add_section(const Section& section, std::vector<FlowBlock>& blocks) {
        std::string element = fmt::format("heading{}", std::clamp(section.level, 1, 3));
        open_node(fmt::format("H{}", std::clamp(section.level, 1, 3) + 1)); // H1 is the title
        FlowBlock heading =
            text_block(section.heading, element, section.position, 0, section.language);
        heading.keep_with_next = true;
        if (!heading.slices.empty()) {
            heading.slices.front().anchor = section.id;
            heading.slices.front().bookmark = plain_text(section.heading);
            heading.slices.front().bookmark_level = section.level;
            heading.slices = {stack(heading.slices)}; // a heading's lines stay together
        }
        blocks.push_back(std::move(heading));
        for (const auto& block : section.blocks)
            add_block(block, blocks);
        for (const auto& child : section.sections)
            add_section(child, blocks);
    }

    void add_block(const Block& block, std::vector<FlowBlock>& blocks) {
        deadline_.check();
        std::visit([&](const auto& b) { add(b, blocks); }, block);
    }

    void add(const Paragraph& p, std::vector<FlowBlock>& blocks) {
        open_node("P");
        blocks.push_back(text_block(p.content, "paragraph", p.position, 0, p.language));
    }

    void add(const ListBlock& list, std::vector<FlowBlock>& blocks) {
        double indent = style_.number("list", "indent", 12);
        TextStyle ts = text_style(style_, "paragraph");
        int number = 0;
        int whole = open_node("L");
        for (const auto& item : list.items) {
            ++number;
            auto [label, text] = open_list_item(whole);
            std::string said =
                list.numbered ? localized_digits(fmt::format("{}.", number), labels_) : "\u2022";
            // An item in the other direction than the sheet's has its marker and indent on its
            // own side: on the right of an Arabic item in an English sheet (the layout is made
            // left to right, and a right-to-left sheet's mirrored as a whole).
            bool turned = !item.empty() && turned_language(item.front().language);
            // Right to left, a number's period is on its left: ".1", as the text reads it; it is
            // still read "1.".
            std::string marker = right_to_left_ != turned ? shape_word(said, true) : said;
            if (marker != said) structure_[static_cast<std::size_t>(label)].actual_text = said;
            for (std::size_t i = 0; i < item.size(); ++i) {
                if (item.size() > 1)
                    open_node("P", text);
                else
                    node_ = text;
                FlowBlock block = text_block(item[i].content, "paragraph", item[i].position, indent,
                                             item[i].language);
                if (turned) block.indent = 0;
                block.space_after = style_.number("list", "space-after", 4) / 2;
                if (i == 0 && !block.slices.empty()) {
                    node_ = label;
                    double w =
                        fonts_.width(marker, make_variant(ts.bold, ts.italic), ts.size, ts.family);
                    double x = turned ? column_width_ - indent + 4 : -w - 4;
                    draw_marker(block.slices.front(), marker, x, ts, ts.size, ts.colour);
                }
                blocks.push_back(std::move(block));
            }
        }
        if (!blocks.empty()) blocks.back().space_after = style_.number("list", "space-after", 6);
    }

    void add(const Quote& quote, std::vector<FlowBlock>& blocks) {
        double indent = style_.number("quote", "indent", 12);
        FlowBlock block;
        block.indent = indent;
        block.space_before = style_.number("quote", "space-before", 4);
        block.space_after = style_.number("quote", "space-after", 8);
        if (style_.has("quote", "rule-color"))
            block.decoration.left_rule = style_.colour("quote", "rule-color"),
            block.decoration.rule_width = style_.number("quote", "rule-width", 1);
        std::vector<std::vector<Slice>> paragraphs;
        int whole = open_node("BlockQuote");
        for (std::size_t i = 0; i < quote.paragraphs.size(); ++i) {
            open_node("P", whole);
            Inlines content = quote.paragraphs[i].content;
            if (i == 0) content.insert(content.begin(), text_inlines(labels_.open_quote).front());
            if (i + 1 == quote.paragraphs.size())
                content.push_back(text_inlines(labels_.close_quote).front());
            paragraphs.push_back(lines(content, "quote", column_width_ - indent,
                                       quote.paragraphs[i].position, false,
                                       quote.paragraphs[i].language));
        }
        // The attribution ends the last paragraph: it goes with the quote's last line, never
        // alone at the top of a column.
        if (!quote.source.empty() && !paragraphs.empty()) {
            open_node("P", whole);
            for (auto& s : lines(text_inlines("\u2014 " + quote.source), "quote-source",
                                 column_width_ - indent, quote.position, false))
                paragraphs.back().push_back(std::move(s));
        }
        block.slices = keep_ends_together(std::move(paragraphs), paragraph_space("quote"));
        blocks.push_back(std::move(block));
    }

    FlowBlock framed(const std::string& element) {
        FlowBlock block;
        Decoration& d = block.decoration;
        if (style_.text(element, "background", "none") != "none")
            d.background = style_.colour(element, "background");
        if (style_.text(element, "border-color", "none") != "none")
            d.border = style_.colour(element, "border-color");
        d.border_width = style_.number(element, "border-width", 0.5);
        d.padding = style_.number(element, "padding", 6);
        block.indent = d.padding;
        block.space_before = style_.number(element, "space-before", 4);
        block.space_after = style_.number(element, "space-after", 8);
        return block;
    }

    void add(const Note& note, std::vector<FlowBlock>& blocks) {
        FlowBlock block = framed("note");
        double width = column_width_ - 2 * block.decoration.padding;
        std::vector<std::vector<Slice>> paragraphs;
        int whole = open_node("Div");
        for (const auto& p : note.paragraphs) {
            open_node("P", whole);
            paragraphs.push_back(lines(p.content, "note", width, p.position, false, p.language));
        }
        block.slices = keep_ends_together(std::move(paragraphs), paragraph_space("note"));
        blocks.push_back(std::move(block));
    }

    FlowBlock key_facts() {
        FlowBlock block = framed("key-facts");
        double padding = block.decoration.padding;
        double indent = style_.number("key-facts", "indent", 10);
        open_node("H2");
        for (auto& s : lines(text_inlines(labels_.key_facts), "key-facts-label",
                             column_width_ - 2 * padding, {}, false)) {
            s.height += style_.number("key-facts-label", "space-after", 2);
            block.slices.push_back(s);
        }
        TextStyle ts = text_style(style_, "key-facts");
        int whole = open_node("L");
        double measure = column_width_ - 2 * padding - indent;
        for (const auto& fact : sheet_.key_facts) {
            int label = open_list_item(whole).label;
            auto slices =
                lines(fact.content, "key-facts", measure, fact.position, true, fact.language);
            if (slices.empty()) continue;
            node_ = label;
            // A square drawn, a bullet read: a screen reader says "bullet", not "black square".
            structure_[static_cast<std::size_t>(label)].actual_text = "\u2022";
            // A fact in the other direction than the sheet's: its square on its own side.
            bool turned = turned_language(fact.language);
            double size = ts.size * 0.6,
                   square =
                       fonts_.width("\u25A0", make_variant(ts.bold, ts.italic), size, ts.family);
            draw_marker(slices.front(), "\u25A0", turned ? measure + indent - square : -indent, ts,
                        size, style_.colour("key-facts", "border-color"));
            for (const auto& line : slices) {
                Slice shifted{line.height, {}, {}, {}, 0};
                append_shifted(shifted.content, line.content, turned ? 0 : indent, 0);
                block.slices.push_back(std::move(shifted));
            }
            block.slices.back().height += 2;
        }
        return block;
    }

    // A photo with too few pixels for the size it is drawn at prints soft or in blocks: the
    // author hears of it before a print shop does.
    void check_resolution(const Figure& figure, double width) {
        double needed = style_.number("figure", "min-resolution", 150);
        double per_inch = figure.image.shown_width() / (width / 72);
        if (figure.image.width <= 0 || per_inch >= needed) return;
        diagnostics_.push_back(
            {Severity::warning, figure.position,
             fmt::format("figure src=\"{}\" is {}\u00D7{} pixels, drawn {:.0f} pt wide: {:.0f} "
                         "pixels per inch, under the {:.0f} print needs (the style's figure "
                         "min-resolution)",
                         figure.source, figure.image.shown_width(), figure.image.shown_height(),
                         width, per_inch, needed)});
    }

    // A draft's placeholder says which file it stands for and what is wrong with it, centred in
    // its frame: whoever reviews the draft sees what to fix. Left blank if the frame is too small.
    void label_placeholder(const Figure& figure, double x, double width, double height,
                           Page& content) {
        constexpr double padding = 6;
        if (width <= 2 * padding) return;
        std::vector<Slice> label;
        for (const std::string& text : {figure.source, figure.unusable}) {
            Inlines said{{.text = text, .position = figure.position}};
            auto set = lines(said, "caption", width - 2 * padding, figure.position, false);
            label.insert(label.end(), set.begin(), set.end());
        }
        double total = 0;
        for (const Slice& line : label)
            total += line.height;
        if (total > height - 2 * padding) return;
        double y = (height - total) / 2;
        for (const Slice& line : label) {
            auto [left, right] = text_extent(line.content);
            append_shifted(content, line.content, x + (width - (right - left)) / 2 - left, y);
            y += line.height;
        }
    }

    void add(const Figure& figure, std::vector<FlowBlock>& blocks) {
        double max_height = std::min(style_.number("figure", "max-height", frame_height_ * 0.6),
                                     frame_height_ * 0.8);
        double width = column_width_ * figure.width_percent / 100.0;
        double height = figure.image.width > 0
                            ? width * figure.image.shown_height() / figure.image.shown_width()
                            : width * 0.5;
        if (height > max_height) width *= max_height / height, height = max_height;
        double x = (column_width_ - width) / 2;
        if (figure.unusable.empty()) check_resolution(figure, width);
        // An image with alt="" is decoration, as in HTML: not read out. Its caption still is.
        int drawn = figure.alt.empty() ? -1 : open_node("Figure", -1, figure.alt);
        node_ = drawn;
        Slice image;
        image.height = height;
        image.anchor = figure.id;
        if (!figure.unusable.empty()) {
            image.content.rects.push_back({x, 0, width, height,
                                           style_.colour("placeholder", "background"),
                                           style_.colour("placeholder", "border-color"), 0.8});
            label_placeholder(figure, x, width, height, image.content);
        } else {
            image.content.images.push_back({x, 0, width, height, &figure.image, drawn});
        }
        std::vector<Slice> slices{image};
        double caption_space = style_.number("caption", "space-before", 4);
        // The caption lines up with a narrower image's edges. Under a small image it keeps 60% of
        // the column, so that it is not set a word a line, and each line is centred.
        double caption_width = std::min(column_width_, std::max(width, column_width_ * 0.6));
        double caption_x = (column_width_ - caption_width) / 2;
        bool centred = width < caption_width;
        open_node("Caption"); // beside the figure, not in it: its alternative text replaces it
        auto caption = lines(figure.caption, "caption", caption_width, figure.position, false,
                             figure.language);
        auto credit =
            lines(figure.credit, "credit", caption_width, figure.position, false, figure.language);
        caption.insert(caption.end(), credit.begin(), credit.end());
        for (const Slice& line : caption) {
            auto [left, right] = text_extent(line.content);
            double dx = centred ? (column_width_ - (right - left)) / 2 - left : caption_x;
            Slice shifted{line.height, {}, {},
                          {},          0,  &line == &caption.front() ? caption_space : 0};
            append_shifted(shifted.content, line.content, dx, 0);
            slices.push_back(std::move(shifted));
        }
        FlowBlock block;
        block.space_before = style_.number("figure", "space-before", 4);
        block.space_after = style_.number("figure", "space-after", 8);
        double total = 0;
        for (const auto& s : slices)
            total += s.space_before + s.height;
        if (total <= frame_height_) {
            // Figure and caption stay together and may float to the next frame.
            block.slices = {stack(slices)};
            block.floats = true;
        } else {
            block.slices = slices;
        }
        blocks.push_back(std::move(block));
    }

    FlowBlock contact() {
        FlowBlock block;
        block.space_before = style_.number("contact", "space-before", 12);
        if (style_.has("contact", "rule-color")) {
            // The rule above belongs to the block, so it moves with it to another column.
            double rule = style_.number("contact", "rule-width", 1);
            Slice top{rule + 6, {}, {}, {}, 0};
            top.content.rects.push_back({0, 0, column_width_, rule,
                                         style_.colour("contact", "rule-color"), std::nullopt, 0});
            block.slices.push_back(std::move(top));
        }
        open_node("H2");
        for (auto& s :
             lines(text_inlines(labels_.contact), "contact-label", column_width_, {}, false)) {
            s.height += style_.number("contact-label", "space-after", 2);
            block.slices.push_back(s);
        }
        for (const auto& line : sheet_.contact) {
            Inlines content;
            switch (line.kind) {
            case ContactKind::org:
                content = {Inline{.kind = InlineKind::strong, .children = text_inlines(line.text)}};
                break;
            case ContactKind::email:
                content = {Inline{.kind = InlineKind::link,
                                  .target = "mailto:" + line.text,
                                  .children = text_inlines(line.text)}};
                break;
            case ContactKind::web: {
                std::string href =
                    line.text.find("://") == std::string::npos ? "https://" + line.text : line.text;
                content = {Inline{
                    .kind = InlineKind::link, .target = href, .children = text_inlines(line.text)}};
                break;
            }
            case ContactKind::social:
                content = text_inlines(social_line(line));
                break;
            default:
                content = text_inlines(line.text);
            }
            open_node("P");
            for (auto& s : lines(content, "contact", column_width_, line.position, false))
                block.slices.push_back(s);
        }
        // The contact block is not split when it fits a frame.
        Slice whole = stack(block.slices);
        if (whole.height <= frame_height_) block.slices = {whole};
        return block;
    }

    void running_elements(PageLayout& layout, const FrameGeometry& g) {
        node_ = -1; // page furniture
        int pages = static_cast<int>(layout.pages.size());
        std::string short_title = sheet_.meta.short_title.empty() ? plain_text(sheet_.meta.title)
                                                                  : sheet_.meta.short_title;
        Position short_title_at =
            meta_position(sheet_.meta.short_title.empty() ? "title" : "short-title");
        std::string date = format_date(sheet_.meta.date, labels_);
        for (int i = 0; i < pages; ++i) {
            Page& page = layout.pages[static_cast<std::size_t>(i)];
            double header_y = g.top - 12, footer_y = g.bottom + 24;
            if (i > 0) {
                single_line(page, short_title, "header", g.left, header_y, g.width * 0.7,
                            Align::left, short_title_at);
                single_line(page, date, "header", g.left, header_y, g.width, Align::right,
                            meta_position("date"));
            }
            single_line(page, page_label(labels_, i + 1, pages), "footer", g.left, footer_y,
                        g.width, Align::right, {});
            if (!sheet_.meta.issuer.empty())
                single_line(page, sheet_.meta.issuer, "footer", g.left, footer_y, g.width * 0.6,
                            Align::left, meta_position("issuer"));
            if (!sheet_.meta.classification.empty()) {
                Position at = meta_position("classification");
                single_line(page, sheet_.meta.classification, "classification", g.left,
                            g.top - (i > 0 ? 24 : 14), g.width, Align::center, at);
                single_line(page, sheet_.meta.classification, "classification", g.left,
                            footer_y + 12, g.width, Align::center, at);
            }
        }
    }

    // Where a child of <meta> is, for its text's diagnostics; none for words of our own.
    Position meta_position(std::string_view element) const {
        auto it = sheet_.meta.positions.find(element);
        return it == sheet_.meta.positions.end() ? Position{} : it->second;
    }

    // Running headers and footers: one line in its room; text too long for it is set smaller
    // rather than cut.
    void single_line(Page& page, const std::string& text, const std::string& element, double x,
                     double y, double width, Align align, Position where) {
        TextStyle ts = text_style(style_, element);
        ts.align = align;
        auto spans = flatten(text_inlines(text), ts, sheet_.language);
        double natural = 0;
        for (const auto& span : spans)
            natural +=
                fonts_.width(span.text, make_variant(span.bold, span.italic), ts.size, ts.family);
        if (natural > width) ts.size *= width / natural * 0.999, ts.leading *= width / natural;
        for (const auto& line : typesetter_.set(spans, ts, width, where)) {
            for (const auto& run : line.runs)
                page.texts.push_back(
                    {x + run.x, y, run.face, ts.size, ts.colour, run.text, run.width});
            y += ts.leading;
        }
    }

    // A new node of the logical structure under `parent` (the document when -1), which what is
    // made next belongs to; returns its index.
    int open_node(std::string role, int parent = -1, std::string alt = {}) {
        structure_.push_back({.role = std::move(role), .parent = parent, .alt = std::move(alt)});
        return node_ = static_cast<int>(structure_.size()) - 1;
    }

    // An item of list node `list`: its label (the bullet or number) and its body, which is
    // current.
    struct ListItemNodes {
        int label, body;
    };
    ListItemNodes open_list_item(int list) {
        int item = open_node("LI", list);
        int label = open_node("Lbl", item);
        return {label, open_node("LBody", item)};
    }

    void draw_marker(Slice& slice, const std::string& marker, double x, const TextStyle& ts,
                     double size, Colour colour) const {
        for (const auto& run :
             fonts_.runs(marker, make_variant(ts.bold, ts.italic), size, ts.family)) {
            slice.content.texts.push_back(
                {x, baseline(ts), run.face, size, colour, run.text, run.width, 1, node_});
            x += run.width;
        }
    }

    const FactSheet& sheet_;
    const Style& style_;
    const FontSet& fonts_;
    const Labels& labels_;
    bool right_to_left_; // the sheet's direction: its pages are mirrored
    const Deadline& deadline_;
    Diagnostics& diagnostics_;
    std::vector<StructureNode> structure_; // the logical structure, as blocks are made
    int node_ = -1; // the node of structure_ that text and images being made belong to
    Links links_;   // of the text being set
    Phrases phrases_;
    Typesetter typesetter_;
    double column_width_ = 0;
    double frame_height_ = 0;
};

} // namespace

std::pair<double, double> page_size(const Style& style) {
    // The loader has checked the size; A4 when the style names none.
    return parse_page_size(style.text("page", "size", "A4")).value_or(std::pair{595.276, 841.89});
}

PageLayout layout(const FactSheet& sheet, const Style& style, const FontSet& fonts,
                  Hyphenator& hyphenator, const LayoutOptions& options, Diagnostics& diagnostics) {
    return Builder(sheet, style, fonts, hyphenator, options.deadline, diagnostics).run(options);
}

} // namespace factpress
