// Stage 4, normalize: white space collapsed as in HTML, block edges trimmed, text composed to NFC.
#pragma once

#include "model/fact_sheet.hpp"

#include <string>
#include <string_view>

namespace factpress {

FactSheet normalize(FactSheet sheet);

// Plain-text fields: runs of XML white space become one space, the ends are trimmed.
std::string collapse_white_space(std::string_view text);

// The text in Unicode's NFC: base letters composed with the marks that follow them (é stays one
// code point), so that fonts draw precomposed glyphs and no accent floats unpositioned.
std::string compose(std::string_view text);

} // namespace factpress
