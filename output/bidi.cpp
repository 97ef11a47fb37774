#include "output/bidi.hpp"
#include "model/language_tag.hpp"
#include "pipeline/utf8.hpp"

#include <fribidi/fribidi.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace factpress {
namespace {

// ISO 15924 scripts written right to left, and languages usually written in one of them.
constexpr std::array<std::string_view, 10> right_to_left_scripts = {
    "arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand", "samr", "yezi"};
constexpr std::array<std::string_view, 26> right_to_left_languages = {
    "ar",  "he",  "iw",  "fa",  "ur",  "yi",  "ji",  "ps",  "sd", "ug",  "ckb", "dv",  "syr",
    "arc", "prs", "pnb", "bal", "glk", "mzn", "lrc", "azb", "ks", "nqo", "bqi", "sdh", "skr"};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// FriBidi puts a mark after its base in visual order. Drawn glyph after glyph, with no mark
// positioning, an Arabic or Hebrew mark (zero advance, outline to the right of its origin) then
// lands beside its base instead of on it: it is drawn first, at the base's own origin.
void marks_before_right_to_left_bases(std::vector<FriBidiChar>& visual) {
    for (std::size_t base = 0; base < visual.size(); ++base) {
        std::size_t end = base + 1;
        while (end < visual.size() && fribidi_get_bidi_type(visual[end]) == FRIBIDI_TYPE_NSM)
            ++end;
        if (end > base + 1 && FRIBIDI_IS_RTL(fribidi_get_bidi_type(visual[base])))
            std::rotate(visual.begin() + static_cast<std::ptrdiff_t>(base),
                        visual.begin() + static_cast<std::ptrdiff_t>(base + 1),
                        visual.begin() + static_cast<std::ptrdiff_t>(end));
        base = end - 1;
    }
}

std::vector<FriBidiChar> code_points(std::string_view text) {
    std::u32string cps = utf8::decode(text);
    return {cps.begin(), cps.end()};
}

} // namespace

Direction word_direction(std::string_view word) {
    for (FriBidiChar cp : code_points(word)) {
        FriBidiCharType type = fribidi_get_bidi_type(cp);
        if (FRIBIDI_IS_RTL(type) && FRIBIDI_IS_STRONG(type)) return Direction::right_to_left;
        if (FRIBIDI_IS_LETTER(type) && !FRIBIDI_IS_RTL(type)) return Direction::left_to_right;
    }
    return Direction::neutral;
}

bool written_right_to_left(std::string_view language) {
    std::string script = script_subtag(language);
    if (!script.empty()) return listed(right_to_left_scripts, script);
    return listed(right_to_left_languages, primary_language(language));
}

bool is_right_to_left(char32_t cp) {
    return FRIBIDI_IS_RTL(fribidi_get_bidi_type(static_cast<FriBidiChar>(cp)));
}

bool has_right_to_left(std::string_view text) {
    std::u32string cps = utf8::decode(text);
    return std::any_of(cps.begin(), cps.end(), is_right_to_left);
}

std::string shape_word(std::string_view word, bool right_to_left) {
    std::vector<FriBidiChar> logical = code_points(word);
    std::vector<FriBidiChar> visual(logical.size() + 1);
    FriBidiParType direction = right_to_left ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (!fribidi_log2vis(logical.data(), static_cast<FriBidiStrIndex>(logical.size()), &direction,
                         visual.data(), nullptr, nullptr, nullptr))
        return std::string(word);
    visual.resize(logical.size());
    marks_before_right_to_left_bases(visual);
    std::string out;
    for (FriBidiChar cp : visual)
        if (cp != 0xFEFF) utf8::append(out, cp); // a ligature leaves a filler behind
    return out;
}

} // namespace factpress
