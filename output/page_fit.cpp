#include "output/page_fit.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>

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

// Every space of `blocks` (const or not), in one order: what shrinks.
template <typename Blocks, typename Visit> void each_space(Blocks& blocks, Visit visit) {
    for (auto& block : blocks) {
        visit(block.space_before);
        visit(block.space_after);
        for (auto& slice : block.slices)
            visit(slice.space_before);
    }
}

// Whether shrinking every space by half, with the room left at the feet of the columns
// before, could take in all the last page holds; when not, no trial is worth its time.
bool could_save_last_page(const std::vector<FlowBlock>& blocks, const PageLayout& flowed,
                          const FrameGeometry& g) {
    double room = 0, fill = 0;
    each_space(blocks, [&](double space) { room += space / 2; });
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

// Tries spacing tighter by steps until the flow needs fewer than `pages` pages; returns the share
// of the spacing kept when it did, with `blocks` and `flowed` the tighter ones. The spaces are
// scaled where they are (the blocks' lines are not copied for each trial), and put back when no
// trial does.
std::optional<double> tighten(const PageLayout& start, const FrameGeometry& g,
                              std::vector<FlowBlock>& blocks, const LayoutOptions& options,
                              std::size_t pages, PageLayout& flowed) {
    std::vector<double> full;
    each_space(blocks, [&](double& space) { full.push_back(space); });
    auto scale = [&](double factor) {
        std::size_t k = 0;
        each_space(blocks, [&](double& space) { space = full[k++] * factor; });
    };
    for (double factor : {0.8, 0.65, 0.5}) {
        options.deadline.check();
        scale(factor);
        PageLayout trial = start;
        try {
            Flow(trial, g, options.max_pages).place(blocks);
        } catch (const PageLimitExceeded&) {
            continue;
        }
        if (trial.pages.size() < pages) {
            flowed = std::move(trial);
            return factor;
        }
    }
    scale(1);
    return std::nullopt;
}

} // namespace

double save_last_page(const PageLayout& start, const FrameGeometry& g,
                      std::vector<FlowBlock>& blocks, const LayoutOptions& options,
                      PageLayout& flowed) {
    if (flowed.pages.size() < 2 || !could_save_last_page(blocks, flowed, g)) return 1;
    return tighten(start, g, blocks, options, flowed.pages.size(), flowed).value_or(1);
}

std::optional<double> fit_page_limit(const PageLayout& start, const FrameGeometry& g,
                                     std::vector<FlowBlock>& blocks, const LayoutOptions& options,
                                     PageLayout& flowed) {
    return tighten(start, g, blocks, options, SIZE_MAX, flowed);
}

} // namespace factpress
