#include "output/case_mapping.hpp"
#include "model/language_tag.hpp"
#include "pipeline/normalize.hpp"
#include "pipeline/utf8.hpp"

#include <utf8proc.h>

namespace factpress {
namespace {

constexpr char32_t combining_grave = 0x300, combining_acute = 0x301, combining_diaeresis = 0x308,
                   combining_psili = 0x313, combining_dasia = 0x314, combining_perispomeni = 0x342,
                   combining_dialytika_tonos = 0x344, combining_ypogegrammeni = 0x345;

bool is_mark(char32_t cp) {
    return utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class != 0;
}

// The text with accents as separate marks (NFD), so that they can be dropped.
std::u32string decomposed(std::string_view text) {
    std::u32string out;
    for (char32_t cp : utf8::decode(text)) {
        utf8proc_int32_t parts[8];
        int boundclass = 0;
        utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), parts, 8,
                                                     UTF8PROC_DECOMPOSE, &boundclass);
        if (n <= 0 || n > 8)
            out.push_back(cp);
        else
            for (utf8proc_ssize_t i = 0; i < n; ++i)
                out.push_back(static_cast<char32_t>(parts[i]));
    }
    return out;
}

bool is_greek_capital_vowel(char32_t cp) {
    return cp == U'Α' || cp == U'Ε' || cp == U'Η' || cp == U'Ι' || cp == U'Ο' || cp == U'Υ' ||
           cp == U'Ω';
}

char32_t simple_upper(char32_t cp) {
    return static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(cp)));
}

// Greek capitals carry no accents or breathings (ΜΑΤΙΑ, not ΜΑΤΙΆ). Where an accented vowel
// before ι or υ told that the two are read apart, the capitals say it with a diaeresis
// (Μάιος: ΜΑΪΟΣ). `text` is decomposed.
std::u32string greek_capitals(std::u32string_view text) {
    std::u32string out;
    bool accent_dropped = false; // from the vowel just before
    for (std::size_t i = 0; i < text.size(); ++i) {
        char32_t cp = text[i] == combining_dialytika_tonos ? combining_diaeresis : text[i];
        if (cp == combining_acute || cp == combining_grave || cp == combining_perispomeni ||
            cp == combining_psili || cp == combining_dasia) {
            accent_dropped = !out.empty() && is_greek_capital_vowel(out.back());
            continue;
        }
        if (is_mark(cp) && cp != combining_ypogegrammeni) {
            out.push_back(cp);
            continue;
        }
        char32_t upper = simple_upper(cp); // the iota subscript too: ᾠ is ΩΙ
        bool apart = accent_dropped && cp != combining_ypogegrammeni &&
                     (upper == U'Ι' || upper == U'Υ') &&
                     (i + 1 == text.size() || !is_mark(text[i + 1]));
        out.push_back(upper);
        if (apart) out.push_back(combining_diaeresis);
        accent_dropped = false;
    }
    return out;
}

} // namespace

char32_t to_lower(char32_t cp) {
    return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
}

bool is_lower_case(char32_t cp) {
    return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LL;
}

std::string upper_case(std::string_view text, std::string_view language) {
    std::string primary = primary_language(language);
    if (primary == "el") return compose(utf8::encode(greek_capitals(decomposed(text))));
    bool dotted_i = primary == "tr" || primary == "az";
    std::u32string upper;
    for (char32_t cp : utf8::decode(text)) {
        if (cp == U'ß')
            upper += U"SS";
        else if (dotted_i && cp == U'i')
            upper += U'İ';
        else
            upper += simple_upper(cp);
    }
    return utf8::encode(upper);
}

} // namespace factpress
