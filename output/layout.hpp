// Layout: a resolved FactSheet and a style to pages of positioned items (PageLayout).
#pragma once

#include "model/fact_sheet.hpp"
#include "output/font_set.hpp"
#include "output/hyphenator.hpp"
#include "output/page_layout.hpp"
#include "pipeline/deadline.hpp"
#include "styles/style.hpp"

namespace factpress {

struct LayoutOptions {
    int max_pages = 500;
    Deadline deadline; // checked between blocks and flow passes
};

// Warnings (uncovered characters) and errors (page limit) go to `diagnostics`.
PageLayout layout(const FactSheet& sheet, const Style& style, const FontSet& fonts,
                  Hyphenator& hyphenator, const LayoutOptions& options, Diagnostics& diagnostics);

// Page size in points for a style's page "size" ("A4", "Letter", "A5", "Legal" or "WIDTHxHEIGHT").
std::pair<double, double> page_size(const Style& style);

} // namespace factpress
