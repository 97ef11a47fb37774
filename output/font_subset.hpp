// TrueType subsets, so a PDF embeds only the glyphs it draws.
#pragma once

#include "output/font_face.hpp"

#include <set>
#include <string>

namespace factpress {

// The subset of `face` holding the glyphs of `code_points` (plus what they need: the parts of
// composite glyphs, .notdef), as the bytes of a TrueType file: glyphs renumbered densely, a
// format 4 character map for the code points of the BMP (all that libharu reads), no hinting
// and no OpenType layout tables (a PDF places every glyph itself). Empty when the font's data
// cannot be read as TrueType; the caller then embeds the whole face.
std::string subset_font(const FontFace& face, const std::set<char32_t>& code_points);

} // namespace factpress
