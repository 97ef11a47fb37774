// The plain-text back end: a briefing built from the model (never from the PDF layout).
#pragma once

#include "model/fact_sheet.hpp"
#include "output/labels.hpp"

#include <span>
#include <string>

namespace factpress {

struct TextOptions {
    int width = 72;                 // display columns
    bool brief = false;             // the short profile for pasting into a message
    std::span<const Labels> labels; // the style sheet's words, over the built-in ones
};

std::string render_text(const FactSheet& sheet, const TextOptions& options);

} // namespace factpress
