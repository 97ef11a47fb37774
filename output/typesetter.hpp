// Paragraph typesetting: inline content to lines of positioned runs, justified by total-fit line
// breaking with hyphenation, or set ragged; no line is ever wider than its measure.
#pragma once

#include "model/fact_sheet.hpp"
#include "output/bidi.hpp"
#include "output/font_set.hpp"
#include "output/hyphenator.hpp"
#include "output/script_faces.hpp"
#include "styles/style.hpp"

#include <set>
#include <string>
#include <vector>

namespace factpress {

enum class Align { justify, left, center, right };

struct TextStyle {
    std::string family;
    bool bold = false;
    bool italic = false;
    bool uppercase = false;
    double size = 10;
    double leading = 12;
    Colour colour;
    Colour link_colour;
    Align align = Align::left;
    double expansion = 0; // how far glyphs may widen or narrow on justified lines (0.02: 2%)
};

TextStyle text_style(const Style& style, const std::string& element);

// Inline content flattened: one span per stretch of text with the same look, link and phrase.
struct Span {
    std::string text;
    bool bold = false;
    bool italic = false;
    std::string link;
    // A phrase is an abbreviation or an element with its own xml:lang: numbered from 1 in the
    // order they begin (0: none), with its expansion (abbr's title) and its language, inherited.
    int phrase = 0;
    std::string expansion;
    std::string language;
};
// The runs as spans of one look; `language` (BCP 47) decides capitals where the style asks for
// them.
std::vector<Span> flatten(const Inlines& runs, const TextStyle& style, std::string_view language);

struct LineRun {
    double x = 0; // from the start of the line
    double width = 0;
    int face = -1;
    bool bold = false, italic = false;
    std::string text;
    std::string link;
    double scale = 1;     // horizontal glyph scaling of a justified line
    int word = 0;         // runs of one word share this number (words are separated by spaces)
    int piece = 0;        // runs shaped together share this number: a word in two styles has two
    std::size_t span = 0; // the span it was set from
    bool added_hyphen = false; // the hyphen the line was broken with, not the author's text
};

struct Line {
    std::vector<LineRun> runs;
    double width = 0;         // as set
    bool justified = false;   // stretched or shrunk to the full measure
    bool hyphenated = false;  // ends with an added hyphen
    std::vector<double> gaps; // the word spaces as set, for spacing statistics
    double natural_space = 0;
};

class Typesetter {
  public:
    // `document_text`: all the text of the document (all_text), which decides the face of its
    // right-to-left letters.
    Typesetter(const FontSet& fonts, Hyphenator& hyphenator, std::string language,
               std::string style_name, std::string_view document_text, Diagnostics& diagnostics);

    // `language`: the text's where it is not the document's (xml:lang on a paragraph), for its
    // hyphenation and its direction. Lines are set for the document's pages, which are mirrored
    // when it reads right to left: a paragraph in the other direction is set for such a mirror,
    // which its lines still need (see the layout).
    std::vector<Line> set(const std::vector<Span>& spans, const TextStyle& style, double width,
                          Position where, std::string_view language = {});

  private:
    // Characters of `text` (drawn by no font) not reported yet, for report_uncovered.
    void note_uncovered(std::string_view text);
    // One warning at `where` naming the characters noted since the last one.
    void report_uncovered(Position where);

    const FontSet& fonts_;
    Hyphenator& hyphenator_;
    HyphenationPatterns patterns_; // looked up once per document, not once per word
    bool right_to_left_;           // the document's direction (its pages are mirrored)
    ScriptFaces script_faces_;
    std::string style_name_;
    Diagnostics& diagnostics_;
    std::set<char32_t> reported_;
    std::vector<char32_t> uncovered_; // noted in this block, in order of appearance
};

} // namespace factpress
