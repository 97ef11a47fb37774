#include "output/bidi.hpp"
#include "pipeline/utf8.hpp"

#include <fribidi/fribidi.h>

#include <vector>

namespace factpress {
namespace {

std::vector<FriBidiChar> code_points(std::string_view text) {
    std::vector<FriBidiChar> cps;
    for (std::size_t pos = 0; pos < text.size();)
        cps.push_back(utf8::next(text, pos));
    return cps;
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

bool has_right_to_left(std::string_view text) {
    for (FriBidiChar cp : code_points(text))
        if (FRIBIDI_IS_RTL(fribidi_get_bidi_type(cp))) return true;
    return false;
}

std::string shape_word(std::string_view word, bool right_to_left) {
    std::vector<FriBidiChar> logical = code_points(word);
    std::vector<FriBidiChar> visual(logical.size() + 1);
    FriBidiParType direction = right_to_left ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (!fribidi_log2vis(logical.data(), static_cast<FriBidiStrIndex>(logical.size()), &direction,
                         visual.data(), nullptr, nullptr, nullptr))
        return std::string(word);
    std::string out;
    for (std::size_t i = 0; i < logical.size(); ++i)
        if (visual[i] != 0xFEFF) utf8::append(out, visual[i]); // a ligature leaves a filler behind
    return out;
}

} // namespace factpress
