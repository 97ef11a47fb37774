// How a PDF's text is encoded: one 2-byte code per distinct character of the document, numbered
// densely. libharu's own UTF-8 encoding makes every font cover all 65,536 BMP code points (a
// glyph lookup and a width for each, and a 128 KiB CIDToGIDMap); with these codes a font holds
// entries for the characters the document uses and nothing else.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace factpress {

// Drawn with the glyph of the second (see register_text_codes), and read back as the first.
constexpr char32_t zero_width_non_joiner = 0x200C, zero_width_space = 0x200B;

class TextCodes {
  public:
    // Codes for `characters`. Neither byte of a code is ever 0: libharu measures the strings it
    // is given with strlen. Throws std::length_error past 65,025 distinct characters.
    explicit TextCodes(const std::set<char32_t>& characters);

    // `utf8` as codes, 2 bytes per character; every character must be one of this set's.
    std::string encode(std::string_view utf8) const;

    struct Entry {
        std::uint16_t code;
        char32_t character;
    };
    const std::vector<Entry>& entries() const { return entries_; }

    // A ToUnicode CMap taking the codes of `characters` back to Unicode (ranges where both run
    // in step), so text can be searched and copied.
    std::string to_unicode_cmap(const std::set<char32_t>& characters) const;

  private:
    std::uint16_t code(char32_t c) const;

    std::vector<Entry> entries_; // sorted by character, so also by code
};

// Registers with `doc` a libharu encoder named `name` for `codes`: Identity-H (code = CID), each
// CID's glyph found from its character (a zero-width non-joiner's from the zero-width space: the
// subset of a font drawing one must hold the other). Fonts made with it (HPDF_GetFont) take encoded
// strings, as do bookmarks and document information once it is the current encoder. Returns null
// when libharu refuses; its error callback has then been told why.
HPDF_Encoder register_text_codes(HPDF_Doc doc, const char* name, const TextCodes& codes);

// Puts `cmap` (a ToUnicode CMap) in place of the one libharu wrote for `font`, which maps every
// code to itself and which poppler rejects ("Invalid 'begincidrange' operator").
void replace_to_unicode(HPDF_Font font, const std::string& cmap);

} // namespace factpress
