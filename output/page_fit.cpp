#include "output/page_fit.hpp"

#include <algorithm>
#include <cstdint>

namespace factpress {
namespace {

// How far down each column of a page is filled, from its top to the lowest thing in it.
std::vector<double> column_bottoms(const Page& page, const FrameGeometry& g, double top) {
    std::vector<double> bottoms(static_cast<std::size_t>(g.columns), top);
    auto reach = [&](double x, double bottom) {
        double column = (x - g.left) / (g.column_width() + g.gap);
        auto c = static_cast<std::size_t>(std::clamp(column, 0.0, g.columns - 1.0));
        bottoms[c] = std::max(bottoms[c], bottom);
    };
    for (const auto& t : page.texts)
        reach(t.x, t.y);
    for (const auto& r : page.rects)
        reach(r.x, r.y + r.height);
    for (const auto& i : page.images)
        reach(i.x, i.y + i.height);
    return bottoms;
}

// Whether shrinking every space by half, with the room left at the feet of the columns
// before, could take in all the last page holds; when not, no trial is worth its time.
bool could_save_last_page(const std::vector<FlowBlock>& blocks, const PageLayout& flowed,
                          const FrameGeometry& g) {
    double room = 0, fill = 0;
    for (const FlowBlock& block : blocks) {
        room += (block.space_before + block.space_after) / 2;
        for (const Slice& slice : block.slices)
            room += slice.space_before / 2;
    }
    for (std::size_t p = 0; p < flowed.pages.size(); ++p) {
        bool last = p + 1 == flowed.pages.size();
        double top = p == 0 ? g.first_page_top : g.top;
        for (double bottom : column_bottoms(flowed.pages[p], g, top)) {
            if (last)
                fill += bottom - top;
            else
                room += g.bottom - bottom;
        }
    }
    return room >= fill;
}

// Tries spacing tighter by steps until the flow needs fewer than `pages` pages; returns whether
// it did, with `blocks` and `flowed` the tighter ones.
bool tighten(const PageLayout& start, const FrameGeometry& g, std::vector<FlowBlock>& blocks,
             const LayoutOptions& options, std::size_t pages, PageLayout& flowed) {
    for (double factor : {0.8, 0.65, 0.5}) {
        options.deadline.check();
        std::vector<FlowBlock> tight = blocks;
        for (FlowBlock& block : tight) {
            block.space_before *= factor;
            block.space_after *= factor;
            for (Slice& slice : block.slices)
                slice.space_before *= factor;
        }
        PageLayout trial = start;
        try {
            Flow(trial, g, options.max_pages).place(tight);
        } catch (const PageLimitExceeded&) {
            continue;
        }
        if (trial.pages.size() < pages) {
            blocks = std::move(tight);
            flowed = std::move(trial);
            return true;
        }
    }
    return false;
}

} // namespace

void save_last_page(const PageLayout& start, const FrameGeometry& g, std::vector<FlowBlock>& blocks,
                    const LayoutOptions& options, PageLayout& flowed) {
    if (flowed.pages.size() >= 2 && could_save_last_page(blocks, flowed, g))
        tighten(start, g, blocks, options, flowed.pages.size(), flowed);
}

bool fit_page_limit(const PageLayout& start, const FrameGeometry& g, std::vector<FlowBlock>& blocks,
                    const LayoutOptions& options, PageLayout& flowed) {
    return tighten(start, g, blocks, options, SIZE_MAX, flowed);
}

} // namespace factpress
