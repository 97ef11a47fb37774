#include "output/script_faces.hpp"
#include "output/bidi.hpp"
#include "pipeline/utf8.hpp"

#include <algorithm>
#include <set>

namespace factpress {
namespace {

// A right-to-left letter's script, roughly: its block of 256 code points, with the presentation
// forms of Hebrew (U+FB1D-FB4F) and Arabic (U+FB50-FDFF, U+FE70-FEFF) counted with their letters.
char32_t script_of(char32_t cp) {
    if (cp >= 0xFB1D && cp <= 0xFB4F) return 0x05;
    if ((cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF)) return 0x06;
    if (cp >= 0x0750 && cp <= 0x08FF) return 0x06; // Arabic Supplement and Extended-A
    return cp >> 8;
}

} // namespace

ScriptFaces::ScriptFaces(const FontSet& fonts, std::string_view document_text, bool right_to_left)
    : fonts_(fonts) {
    if (!right_to_left && !has_right_to_left(document_text)) return;
    std::set<char32_t> letters;
    for (char32_t cp : utf8::decode(shape_word(document_text, right_to_left)))
        if (is_right_to_left(cp)) letters.insert(cp);
    for (char32_t cp : letters)
        letters_[script_of(cp)] += cp;
}

int ScriptFaces::face_for(std::string_view word, Variant variant, const std::string& family) {
    if (letters_.empty()) return -1;
    std::u32string cps = utf8::decode(word);
    auto first = std::find_if(cps.begin(), cps.end(), is_right_to_left);
    if (first == cps.end()) return -1;
    auto letters = letters_.find(script_of(*first));
    if (letters == letters_.end()) return -1;
    auto key = std::tuple{letters->first, variant, family};
    auto chosen = chosen_.find(key);
    if (chosen == chosen_.end())
        chosen =
            chosen_.emplace(key, fonts_.face_covering_most(letters->second, variant, family)).first;
    return chosen->second;
}

} // namespace factpress
