#include "output/typesetter.hpp"
#include "output/bidi.hpp"
#include "output/case_mapping.hpp"
#include "output/line_breaker.hpp"
#include "output/pdf_text_codes.hpp"
#include "output/text_wrap.hpp"
#include "pipeline/utf8.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>

namespace factpress {
namespace {

// A box's text: one piece of one span.
struct Piece {
    std::size_t span = 0;
    std::string text;
    double width = 0;
    std::vector<FaceRun> runs;  // measured once, placed as they are
    bool right_to_left = false; // holds a right-to-left letter: in visual order, never joined
};

struct ItemList {
    std::vector<BreakItem> items;
    std::vector<Piece> pieces;             // parallel to items: boxes only
    std::vector<std::size_t> piece_of;     // item index -> piece index (boxes)
    std::vector<std::size_t> span_of_item; // glue and penalties: the span whose font sets them
};

// The text without default-ignorable characters (joiners, direction marks, soft hyphens): they
// have done their work in shaping and breaking, and fonts draw a visible bar for some of them.
// With `keep_non_joiners`, U+200C stays (see keep_non_joiners).
std::string visible(std::string text, bool keep_non_joiners = false) {
    if (std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; }))
        return text; // ASCII has none: most words, at no cost
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t start = pos;
        char32_t cp = utf8::next(text, pos);
        if ((keep_non_joiners && cp == zero_width_non_joiner) ||
            !utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->ignorable)
            out.append(text.substr(start, pos - start));
    }
    return out;
}

bool is_letter(char32_t cp) {
    return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
           (cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x400 && cp <= 0x52F);
}

class ItemBuilder {
  public:
    // `patterns`: a span's hyphenation patterns, by its index.
    ItemBuilder(const FontSet& fonts, const std::vector<HyphenationPatterns>& patterns,
                bool right_to_left, ScriptFaces& script_faces, const std::vector<Span>& spans,
                const TextStyle& style, double width)
        : fonts_(fonts), patterns_(patterns), right_to_left_(right_to_left),
          script_faces_(script_faces), spans_(spans), style_(style), width_(width),
          paragraph_right_to_left_( // asked only in a right-to-left document
              right_to_left && std::any_of(spans.begin(), spans.end(), [](const Span& span) {
                  return has_right_to_left(span.text);
              })) {}

    ItemList build() {
        for (std::size_t s = 0; s < spans_.size(); ++s) {
            const std::string& text = spans_[s].text;
            std::size_t start = 0;
            while (start <= text.size()) {
                std::size_t space = text.find(' ', start);
                std::size_t end = space == std::string::npos ? text.size() : space;
                if (end > start) word_part(s, text.substr(start, end - start));
                if (space == std::string::npos) break;
                // A spaced dash never opens a line: the space before it does not break.
                std::size_t next = text.find(' ', space + 1);
                if (is_spaced_dash(text.substr(space + 1, next == std::string::npos
                                                              ? std::string::npos
                                                              : next - space - 1)))
                    push(BreakItem::make_penalty(0, infinite_penalty), s);
                glue(s);
                start = space + 1;
            }
        }
        finish();
        return std::move(paragraph_);
    }

  private:
    Variant variant(std::size_t s) const { return make_variant(spans_[s].bold, spans_[s].italic); }
    double measure(std::size_t s, std::string_view text) const {
        return fonts_.width(text, variant(s), style_.size, style_.family, preferred_face(s, text));
    }

    int preferred_face(std::size_t s, std::string_view text) const {
        return script_faces_.face_for(text, variant(s), style_.family);
    }

    void glue(std::size_t s) {
        // Spaces between words only: none at the start, none doubled. A no-break penalty may
        // stand between a word and its space.
        auto last = std::find_if(
            paragraph_.items.rbegin(), paragraph_.items.rend(),
            [](const BreakItem& item) { return item.type != BreakItem::Type::penalty; });
        if (last == paragraph_.items.rend() || last->type != BreakItem::Type::box) return;
        double w = measure(s, " ");
        bool justify = style_.align == Align::justify;
        // Justified spaces may grow to 1.3 and shrink to 0.75 of their width; the glyphs'
        // expansion (see box) takes the rest, as pdfTeX's font expansion does.
        push(justify ? BreakItem::glue(w, w * 0.3, w * 0.25) : BreakItem::glue(w, 0, 0), s);
    }

    void push(BreakItem item, std::size_t span) {
        paragraph_.items.push_back(item);
        paragraph_.span_of_item.push_back(span);
        paragraph_.piece_of.push_back(paragraph_.pieces.size() -
                                      (item.type == BreakItem::Type::box ? 1 : 0));
    }

    void box(std::size_t s, std::string text) {
        std::string written; // as written, when it holds a non-joiner (see keep_non_joiners)
        if (text.find("\u200C") != std::string::npos) written = text;
        text = visible(std::move(text));
        if (text.empty()) return;
        auto runs =
            fonts_.runs(text, variant(s), style_.size, style_.family, preferred_face(s, text));
        keep_non_joiners(written, runs);
        double w = 0;
        for (const auto& run : runs)
            w += run.width;
        if (w > width_ && utf8::count_code_points(text) > 1) {
            emergency(s, text);
            return;
        }
        bool right_to_left = has_right_to_left(text);
        paragraph_.pieces.push_back({s, std::move(text), w, std::move(runs), right_to_left});
        BreakItem box = BreakItem::box(w);
        if (style_.align == Align::justify) box.stretch = box.shrink = w * style_.expansion;
        push(box, s);
    }

    // A zero-width non-joiner (Persian "می‌خواهد": the two parts stay unjoined) is kept in
    // the text of a word set in one face that has it, and the zero-width space whose glyph draws it
    // (pdf_text_codes), at no width: copied text keeps it, else a pasted word joins where its
    // author said not to.
    void keep_non_joiners(const std::string& written, std::vector<FaceRun>& runs) const {
        if (runs.size() != 1 || runs.front().face < 0 || written.empty()) return;
        const FontFace* face = fonts_.faces()[static_cast<std::size_t>(runs.front().face)];
        auto blank = [&](char32_t c) { return face->covers(c) && face->advance(c) == 0; };
        if (face && blank(zero_width_non_joiner) && blank(zero_width_space))
            runs.front().text = visible(written, true);
    }

    // A word that fits no line is cut between characters, with no hyphen added.
    void emergency(std::size_t s, const std::string& text) {
        std::string chunk;
        for (std::size_t pos = 0; pos < text.size();) {
            std::size_t start = pos;
            utf8::next(text, pos);
            std::string candidate = chunk + text.substr(start, pos - start);
            if (!chunk.empty() && measure(s, candidate) > width_) {
                box(s, chunk);
                push(BreakItem::make_penalty(0, 0), s);
                chunk = text.substr(start, pos - start);
            } else {
                chunk = std::move(candidate);
            }
        }
        if (!chunk.empty()) box(s, chunk);
    }

    // Part of a word lying in one span: split where the author allows (soft hyphen, zero-width
    // space), else at hyphenation points, explicit hyphens and, in addresses, after / . - _ (no
    // hyphen added there).
    void word_part(std::size_t s, const std::string& word) {
        if (author_breaks(s, word)) return;
        // Right-to-left words are shaped (joining forms, ligatures) and never hyphenated; in a
        // right-to-left paragraph every word goes through the bidi algorithm ("2018." ends in
        // its period on the left). A paragraph without a right-to-left letter reads left to
        // right as a whole, in a right-to-left document too ("Today, NATO": the comma on the
        // right).
        if (paragraph_right_to_left_ || has_right_to_left(word)) {
            box(s, shape_word(word, right_to_left_));
            return;
        }
        // An address (URL, e-mail) gets no hyphen: it would change it.
        if (looks_like_url(word)) {
            split_after(s, word, "/.-_?&=", 100, &ItemBuilder::address_stretch);
            return;
        }
        if (word.find_first_of("-/") != std::string::npos && word.size() > 1) {
            split_after(s, word, "-/", 50, &ItemBuilder::hyphenated);
            return;
        }
        hyphenated(s, word);
    }

    // A word with soft hyphens breaks there only, a hyphen drawn where it does (the author chose
    // the points); a zero-width space breaks with nothing drawn. False when there are neither.
    bool author_breaks(std::size_t s, const std::string& word) {
        static constexpr std::string_view zero_width_space = "\u200B", soft_hyphen = "\u00AD";
        if (std::size_t at = word.find(zero_width_space); at != std::string::npos) {
            word_part(s, word.substr(0, at));
            push(BreakItem::make_penalty(0, 0), s);
            word_part(s, word.substr(at + zero_width_space.size()));
            return true;
        }
        if (word.find(soft_hyphen) == std::string::npos) return false;
        double hyphen = measure(s, "-");
        std::size_t start = 0;
        for (std::size_t at; (at = word.find(soft_hyphen, start)) != std::string::npos;) {
            box(s, word.substr(start, at - start));
            push(BreakItem::make_penalty(hyphen, 50, true), s);
            start = at + soft_hyphen.size();
        }
        box(s, word.substr(start));
        return true;
    }

    // A part of an address between its / . - _ ? & =. A long one (an id, a query string) may also
    // break between any two characters, at a higher cost: a line cut inside it beats one
    // stretched to fill the measure around it.
    void address_stretch(std::size_t s, const std::string& stretch) {
        constexpr std::size_t long_stretch = 12; // code points
        if (utf8::count_code_points(stretch) <= long_stretch) {
            box(s, stretch);
            return;
        }
        std::size_t start = 0;
        for (std::size_t pos = 0; pos < stretch.size();) {
            utf8::next(stretch, pos);
            if (pos == stretch.size()) break;
            box(s, stretch.substr(start, pos - start));
            push(BreakItem::make_penalty(0, 400), s);
            start = pos;
        }
        box(s, stretch.substr(start));
    }

    // Breaks after each of `breaks` with nothing added, and sets the parts between with `part`.
    void split_after(std::size_t s, const std::string& word, std::string_view breaks,
                     double penalty, void (ItemBuilder::*part)(std::size_t, const std::string&)) {
        std::size_t start = 0;
        for (std::size_t i = 0; i + 1 < word.size(); ++i) {
            if (breaks.find(word[i]) == std::string_view::npos) continue;
            (this->*part)(s, word.substr(start, i + 1 - start));
            push(BreakItem::make_penalty(0, penalty), s);
            start = i + 1;
        }
        (this->*part)(s, word.substr(start));
    }

    void hyphenated(std::size_t s, const std::string& word) {
        if (style_.align != Align::justify) {
            box(s, word);
            return;
        }
        // Hyphenate the run of letters inside leading and trailing punctuation.
        std::size_t first = word.size(), last = 0;
        for (std::size_t pos = 0; pos < word.size();) {
            std::size_t start = pos;
            if (is_letter(utf8::next(word, pos))) first = std::min(first, start), last = pos;
        }
        std::vector<std::size_t> points;
        if (first < last) {
            std::string core = word.substr(first, last - first);
            bool letters_only = true;
            for (std::size_t pos = 0; pos < core.size();)
                if (!is_letter(utf8::next(core, pos))) letters_only = false;
            if (letters_only)
                for (std::size_t p : patterns_[s].points(core))
                    points.push_back(first + p);
        }
        std::size_t start = 0;
        double hyphen = measure(s, "-");
        for (std::size_t point : points) {
            box(s, word.substr(start, point - start));
            push(BreakItem::make_penalty(hyphen, 50, true), s);
            start = point;
        }
        box(s, word.substr(start));
    }

    void finish() {
        std::size_t s = spans_.empty() ? 0 : spans_.size() - 1;
        while (!paragraph_.items.empty() && paragraph_.items.back().type != BreakItem::Type::box) {
            paragraph_.items.pop_back();
            paragraph_.span_of_item.pop_back();
            paragraph_.piece_of.pop_back();
        }
        push(BreakItem::glue(0, 1e6, 0), s); // the last line is set at its natural width
        push(BreakItem::make_penalty(0, -infinite_penalty), s);
    }

    const FontSet& fonts_;
    const std::vector<HyphenationPatterns>& patterns_;
    bool right_to_left_;
    ScriptFaces& script_faces_;
    const std::vector<Span>& spans_;
    const TextStyle& style_;
    double width_;
    bool paragraph_right_to_left_; // a right-to-left document's paragraph with such a letter
    ItemList paragraph_;
};

// Runs are placed in logical order and each piece (the part of a word shaped at once) is already
// in visual order. A right-to-left document's pages are mirrored at the end, which reverses every
// group of runs; so here each right-to-left piece, each number and each stretch of left-to-right
// words is reflected within its own span beforehand to come out readable. In a left-to-right
// document, stretches of right-to-left words are reordered, each piece keeping its own visual
// order and each number reading left to right.
void reflect(std::vector<LineRun>& runs, std::size_t first, std::size_t last) {
    double left = runs[first].x, right = runs[first].x + runs[first].width;
    for (std::size_t i = first; i < last; ++i)
        left = std::min(left, runs[i].x), right = std::max(right, runs[i].x + runs[i].width);
    for (std::size_t i = first; i < last; ++i)
        runs[i].x = left + right - runs[i].x - runs[i].width;
}

// Reflects each piece of the word in runs [first, last) within its own span.
void reflect_pieces(std::vector<LineRun>& runs, std::size_t first, std::size_t last) {
    for (std::size_t start = first; start < last;) {
        std::size_t end = start + 1;
        while (end < last && runs[end].piece == runs[start].piece)
            ++end;
        reflect(runs, start, end);
        start = end;
    }
}

void order_by_direction(std::vector<LineRun>& runs, bool right_to_left) {
    if (runs.empty()) return;
    // Each word's direction; neutral words (digits, punctuation) between two words of the
    // other direction join them.
    std::vector<std::pair<std::size_t, std::size_t>> words; // [first, last) run of each word
    std::vector<Direction> directions;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (i == 0 || runs[i].word != runs[i - 1].word)
            words.push_back({i, i}), directions.push_back(Direction::neutral);
        words.back().second = i + 1;
        if (directions.back() == Direction::neutral)
            directions.back() = word_direction(runs[i].text);
    }
    const std::vector<Direction> written = directions; // each word's own, before resolving
    // A right-to-left word reads right to left, a word in two styles too: its pieces reflected
    // one by one, not as a whole.
    auto reflect_word = [&](std::size_t w) {
        if (written[w] == Direction::right_to_left)
            reflect_pieces(runs, words[w].first, words[w].second);
        else
            reflect(runs, words[w].first, words[w].second);
    };
    Direction other = right_to_left ? Direction::left_to_right : Direction::right_to_left;
    Direction own = right_to_left ? Direction::right_to_left : Direction::left_to_right;
    // A line with no word of the document's direction reads in the other direction as a whole,
    // numbers at its ends included: "5 March 2020" in a Pashto sheet, not "2020 March 5". A line
    // of numbers alone reads left to right in every sheet, as a telephone number is dialled: in
    // a right-to-left sheet it turns, in a left-to-right one it stays.
    bool has_own = std::ranges::find(directions, own) != directions.end();
    bool has_other = std::ranges::find(directions, other) != directions.end();
    if (!has_own && (has_other || right_to_left))
        std::ranges::replace(directions, Direction::neutral, other);
    for (std::size_t w = 0; w < words.size(); ++w) {
        if (directions[w] != Direction::neutral) continue;
        bool before = w > 0 && directions[w - 1] == other;
        std::size_t next = w + 1;
        while (next < words.size() && directions[next] == Direction::neutral)
            ++next;
        directions[w] =
            before && next < words.size() && directions[next] == other ? other : Direction::neutral;
    }
    for (std::size_t w = 0; w < words.size();) {
        std::size_t end = w + 1;
        if (directions[w] == other)
            while (end < words.size() && directions[end] == other)
                ++end;
        bool stretch = directions[w] == other;
        if (right_to_left && !stretch) {
            reflect_word(w);
        } else if (right_to_left) {
            reflect(runs, words[w].first, words[end - 1].second);
        } else if (stretch) {
            reflect(runs, words[w].first, words[end - 1].second);
            for (std::size_t k = w; k < end; ++k)
                reflect_word(k);
        }
        w = end;
    }
}

// How one line is adjusted to its measure: glyphs scaled within their expansion limit, the
// rest taken up by the spaces.
struct LineFit {
    double glue_ratio = 0;
    double scale = 1; // horizontal glyph scaling
};

struct LineSums {
    double glue = 0, glue_stretch = 0, glue_shrink = 0;
    double boxes = 0, box_stretch = 0, box_shrink = 0;
};

LineFit fit_line(const LineSums& sum, double width, bool justify) {
    double natural = sum.glue + sum.boxes;
    LineFit fit;
    if (natural > width) { // shrink: never wider than the measure
        double ratio =
            std::max(-1.0, (width - natural) / std::max(1e-9, sum.glue_shrink + sum.box_shrink));
        fit.glue_ratio = ratio;
        if (sum.boxes > 0) fit.scale = 1 + ratio * sum.box_shrink / sum.boxes;
        return fit;
    }
    if (!justify || sum.glue_stretch + sum.box_stretch <= 0) return fit;
    double ratio = (width - natural) / (sum.glue_stretch + sum.box_stretch);
    double box_ratio =
        std::min(ratio, 1.5); // glyphs widen by 1.5 times the style's expansion at most
    if (sum.boxes > 0) fit.scale = 1 + box_ratio * sum.box_stretch / sum.boxes;
    double rest = width - natural - box_ratio * sum.box_stretch;
    fit.glue_ratio = sum.glue_stretch > 0 ? rest / sum.glue_stretch : 0;
    return fit;
}

} // namespace

TextStyle text_style(const Style& style, const std::string& element) {
    TextStyle t;
    t.family = style.text(element, "font", "sans");
    t.bold = style.text(element, "weight") == "bold";
    t.italic = style.text(element, "slant") == "italic";
    t.uppercase = style.text(element, "transform") == "uppercase";
    t.size = style.number(element, "size", 10);
    t.leading = style.number(element, "leading", t.size * 1.25);
    if (!style.has(element, "leading") && style.has(element, "size")) t.leading = t.size * 1.3;
    t.colour = style.colour(element, "color");
    t.link_colour = style.colour("link", "color", t.colour);
    std::string align = style.text(element, "align", "left");
    t.align = align == "justify"  ? Align::justify
              : align == "center" ? Align::center
              : align == "right"  ? Align::right
                                  : Align::left;
    t.expansion = t.align == Align::justify ? style.number(element, "expansion", 0) : 0;
    return t;
}

namespace {

// Whether `before` ends with `expansion` and an opening parenthesis.
bool introduced(std::string_view before, const std::string& expansion) {
    if (!before.ends_with('(')) return false;
    before.remove_suffix(1);
    while (before.ends_with(' '))
        before.remove_suffix(1);
    return !expansion.empty() && before.ends_with(trimmed(expansion));
}

// Flattens `runs` into `spans`, each text in the look, link and phrase of `around` (a span whose
// own text is unused), as the elements around it made them; `language`: the block's, for
// capitals where no element names one.
void flatten_into(const Inlines& runs, const Span& around, const TextStyle& style,
                  std::string_view language, int& phrases, std::vector<Span>& spans) {
    std::string_view before; // the text just before the run, in the same element
    for (const auto& run : runs) {
        if (run.kind == InlineKind::text) {
            std::string_view written_in = around.language.empty() ? language : around.language;
            std::string text = style.uppercase ? upper_case(run.text, written_in) : run.text;
            const Span* last = spans.empty() ? nullptr : &spans.back();
            if (last && last->bold == around.bold && last->italic == around.italic &&
                last->link == around.link && last->phrase == around.phrase) {
                spans.back().text += text;
            } else {
                spans.push_back(around);
                spans.back().text = std::move(text);
            }
            before = run.text;
            continue;
        }
        Span inside = around;
        if (run.kind == InlineKind::emphasis) inside.italic = !around.italic;
        if (run.kind == InlineKind::strong) inside.bold = true;
        if (run.kind == InlineKind::link) inside.link = run.target;
        // A phrase inside an abbreviation is part of it: the abbreviation is read as a whole.
        bool in_abbreviation = !around.expansion.empty();
        if (!run.language.empty()) inside.language = run.language;
        // An abbreviation needs no expansion written out, nor just after it ("NATO Response Force
        // (<abbr>NRF</abbr>)"), where a reader would say it twice. (The briefing, which writes the
        // expansion into the text, also leaves out one in parentheses that would nest them.)
        bool expanded = run.kind == InlineKind::abbr && !in_abbreviation && !written_out(run) &&
                        !introduced(before, run.target);
        if (expanded) inside.expansion = run.target;
        if ((expanded || !run.language.empty()) && !in_abbreviation) inside.phrase = ++phrases;
        flatten_into(run.children, inside, style, language, phrases, spans);
        before = {};
    }
}

} // namespace

std::vector<Span> flatten(const Inlines& runs, const TextStyle& style, std::string_view language) {
    std::vector<Span> spans;
    int phrases = 0;
    Span outside;
    outside.bold = style.bold;
    outside.italic = style.italic;
    flatten_into(runs, outside, style, language, phrases, spans);
    return spans;
}

void Typesetter::note_uncovered(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t cp = utf8::next(text, pos);
        if (reported_.insert(cp).second) uncovered_.push_back(cp);
    }
}

void Typesetter::report_uncovered(Position where) {
    if (uncovered_.empty()) return;
    // One warning a block, each character shown as itself (a mark or an invisible one by its
    // code alone): a paragraph in an uncovered script is one line, not one per letter.
    constexpr std::size_t shown = 8;
    std::string list;
    for (std::size_t k = 0; k < uncovered_.size() && k < shown; ++k) {
        char32_t cp = uncovered_[k];
        auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
        bool printable = (category >= UTF8PROC_CATEGORY_LU && category < UTF8PROC_CATEGORY_MN) ||
                         (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_SO);
        if (k) list += ", ";
        if (printable) utf8::append(list, cp), list += ' ';
        list += fmt::format("U+{:04X}", static_cast<unsigned>(cp));
    }
    if (uncovered_.size() > shown) list += fmt::format(" and {} more", uncovered_.size() - shown);
    std::string message =
        uncovered_.size() == 1
            ? fmt::format("{} is not covered by any font of style {}; it is drawn as a box", list,
                          style_name_)
            : fmt::format("{} characters are not covered by any font of style {}; they are drawn "
                          "as boxes: {}",
                          uncovered_.size(), style_name_, list);
    std::string first;
    utf8::append(first, uncovered_.front());
    diagnostics_.push_back({Severity::warning, where, std::move(message), std::move(first)});
    uncovered_.clear();
}

Typesetter::Typesetter(const FontSet& fonts, Hyphenator& hyphenator, std::string language,
                       std::string style_name, std::string_view document_text,
                       Diagnostics& diagnostics)
    : fonts_(fonts), hyphenator_(hyphenator), patterns_(hyphenator.patterns(language)),
      right_to_left_(written_right_to_left(language)),
      script_faces_(fonts, document_text, right_to_left_), style_name_(std::move(style_name)),
      diagnostics_(diagnostics) {}

std::vector<Line> Typesetter::set(const std::vector<Span>& spans, const TextStyle& style,
                                  double width, Position where, std::string_view language) {
    HyphenationPatterns patterns = language.empty() ? patterns_ : hyphenator_.patterns(language);
    bool right_to_left = language.empty() ? right_to_left_ : written_right_to_left(language);
    std::vector<HyphenationPatterns> by_span(spans.size(), patterns);
    for (std::size_t s = 0; s < spans.size(); ++s) // a phrase in its own language
        if (!spans[s].language.empty()) by_span[s] = hyphenator_.patterns(spans[s].language);
    ItemList p =
        ItemBuilder(fonts_, by_span, right_to_left, script_faces_, spans, style, width).build();
    if (p.pieces.empty()) return {};
    BreakOptions options;
    options.line_width = width;
    options.tolerance = 1.0;
    auto breaks = style.align == Align::justify ? break_lines_robust(p.items, options)
                                                : break_lines_first_fit(p.items, width);
    std::vector<Line> lines;
    std::size_t start = 0;
    for (std::size_t b = 0; b < breaks.size(); ++b) {
        std::size_t end = breaks[b].position;
        bool last = b + 1 == breaks.size();
        while (start < end && p.items[start].type != BreakItem::Type::box)
            ++start;
        LineSums sum;
        for (std::size_t i = start; i < end; ++i) {
            const auto& item = p.items[i];
            if (item.type == BreakItem::Type::glue)
                sum.glue += item.width, sum.glue_stretch += item.stretch,
                    sum.glue_shrink += item.shrink;
            if (item.type == BreakItem::Type::box)
                sum.boxes += item.width, sum.box_stretch += item.stretch,
                    sum.box_shrink += item.shrink;
        }
        const BreakItem& at = p.items[end];
        bool hyphen = at.type == BreakItem::Type::penalty && at.flagged && at.width > 0;
        if (hyphen) sum.boxes += at.width;
        bool justify = style.align == Align::justify && !last;
        LineFit fit = fit_line(sum, width, justify);
        double ratio = fit.glue_ratio;
        Line line;
        double x = 0;
        int word = 0, piece_number = 0;
        bool after_right_to_left = false; // the piece before this one was
        for (std::size_t i = start; i < end; ++i) {
            const auto& item = p.items[i];
            if (item.type == BreakItem::Type::glue) {
                ++word;
                double w = item.width + (ratio > 0 ? ratio * item.stretch : ratio * item.shrink);
                line.gaps.push_back(w);
                line.natural_space = item.width;
                x += w;
                continue;
            }
            if (item.type != BreakItem::Type::box) continue;
            const Piece& piece = p.pieces[p.piece_of[i]];
            const Span& span = spans[piece.span];
            // Each piece is in visual order: right-to-left ones are never joined into one text.
            bool joins = !line.runs.empty() && i > start &&
                         p.items[i - 1].type != BreakItem::Type::glue &&
                         line.runs.back().link == span.link && line.runs.back().bold == span.bold &&
                         line.runs.back().italic == span.italic &&
                         spans[line.runs.back().span].phrase == span.phrase &&
                         !after_right_to_left && !piece.right_to_left;
            after_right_to_left = piece.right_to_left;
            if (!joins) ++piece_number;
            for (const auto& run : piece.runs) {
                if (run.face < 0) note_uncovered(run.text);
                if (joins && line.runs.back().face == run.face && !run.kerned) {
                    line.runs.back().text += run.text;
                    line.runs.back().width += run.width * fit.scale;
                } else {
                    line.runs.push_back({x, run.width * fit.scale, run.face, span.bold, span.italic,
                                         run.text, span.link, fit.scale, word, piece_number,
                                         piece.span});
                }
                joins = true;
                x += run.width * fit.scale;
            }
        }
        if (hyphen) {
            const Span& span = spans[p.span_of_item[end]];
            for (const auto& run :
                 fonts_.runs("-", make_variant(span.bold, span.italic), style.size, style.family))
                line.runs.push_back({x, run.width * fit.scale, run.face, span.bold, span.italic,
                                     run.text, span.link, fit.scale, word, piece_number,
                                     p.span_of_item[end], true}),
                    x += run.width * fit.scale;
        }
        order_by_direction(line.runs, right_to_left);
        line.width = x;
        line.justified = justify;
        line.hyphenated = hyphen;
        double offset = style.align == Align::center  ? (width - x) / 2
                        : style.align == Align::right ? width - x
                                                      : 0;
        if (offset > 0)
            for (auto& run : line.runs)
                run.x += offset;
        lines.push_back(std::move(line));
        start = end + 1;
    }
    report_uncovered(where);
    return lines;
}

} // namespace factpress
