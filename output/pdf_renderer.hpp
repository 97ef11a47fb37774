// The PDF back end: draws a PageLayout with libharu. Fonts embedded, links, outline, metadata.
#pragma once

#include "output/page_layout.hpp"

#include <cstdint>
#include <ctime>
#include <vector>

namespace factpress {

struct PdfOptions {
    std::time_t date = 0; // creation and modification date written into the document info
};

std::string render_pdf(const PageLayout& layout, const PdfOptions& options);

} // namespace factpress
