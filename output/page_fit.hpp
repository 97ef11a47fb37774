// Saving a last page that would hold only a few lines: the space between blocks and paragraphs
// gives, as TeX's glue shrinks, by steps down to half. Lines, boxes and figures keep their size.
#pragma once

#include "output/flow.hpp"
#include "output/layout.hpp"

#include <vector>

namespace factpress {

// After `blocks` were flowed from `start` into `flowed`: when tighter spacing needs a page less,
// `blocks` and `flowed` become the tighter ones.
void save_last_page(const PageLayout& start, const FrameGeometry& g, std::vector<FlowBlock>& blocks,
                    const LayoutOptions& options, PageLayout& flowed);

// After `blocks` went past options.max_pages: whether tighter spacing keeps them within it (then
// `blocks` and `flowed` are the tighter ones).
bool fit_page_limit(const PageLayout& start, const FrameGeometry& g, std::vector<FlowBlock>& blocks,
                    const LayoutOptions& options, PageLayout& flowed);

} // namespace factpress
