// Saving a last page that would hold only a few lines: the space between blocks and paragraphs
// gives, as TeX's glue shrinks, by steps down to half. Lines, boxes and figures keep their size.
#pragma once

#include "output/flow.hpp"
#include "output/layout.hpp"

#include <optional>
#include <vector>

namespace factpress {

// After `blocks` were flowed from `start` into `flowed`: when tighter spacing needs a page less,
// `blocks` and `flowed` become the tighter ones. Returns the share of the spacing kept (1: all).
double save_last_page(const PageLayout& start, const FrameGeometry& g,
                      std::vector<FlowBlock>& blocks, const LayoutOptions& options,
                      PageLayout& flowed);

// After `blocks` went past options.max_pages: the share of the spacing that keeps them within it,
// if any (then `blocks` and `flowed` are the tighter ones).
std::optional<double> fit_page_limit(const PageLayout& start, const FrameGeometry& g,
                                     std::vector<FlowBlock>& blocks, const LayoutOptions& options,
                                     PageLayout& flowed);

} // namespace factpress
