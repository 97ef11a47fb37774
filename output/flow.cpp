#include "output/flow.hpp"

#include <fmt/format.h>

namespace factpress {

void append_shifted(Page& page, const Page& content, double dx, double dy) {
    for (auto r : content.rects)
        r.x += dx, r.y += dy, page.rects.push_back(r);
    for (auto i : content.images)
        i.x += dx, i.y += dy, page.images.push_back(i);
    for (auto t : content.texts)
        t.x += dx, t.y += dy, page.texts.push_back(t);
    for (auto l : content.links)
        l.x += dx, l.y += dy, page.links.push_back(l);
}

Flow::Flow(PageLayout& layout, const FrameGeometry& geometry, int max_pages)
    : layout_(layout), geometry_(geometry), max_pages_(max_pages) {
    if (layout_.pages.empty()) layout_.pages.emplace_back();
    y_ = frame_top_ = geometry_.first_page_top;
}

double Flow::frame_x() const {
    return geometry_.left + column_ * (geometry_.column_width() + geometry_.gap);
}

void Flow::next_frame() {
    if (++column_ >= geometry_.columns) {
        column_ = 0;
        ++page_;
        if (page_ >= max_pages_)
            throw PageLimitExceeded(
                fmt::format("the document needs more than {} page{} (--max-pages)", max_pages_,
                            max_pages_ == 1 ? "" : "s"));
        layout_.pages.emplace_back();
    }
    y_ = frame_top_ = page_ == 0 ? geometry_.first_page_top : geometry_.top;
    // Figures that did not fit before open the new frame.
    while (!pending_floats_.empty()) {
        const FlowBlock* figure = pending_floats_.front();
        double height = figure->slices.front().height;
        if (!fits(height) && !at_top()) break;
        pending_floats_.pop_front();
        place_slice(figure->slices.front(), frame_x() + figure->indent);
        y_ += figure->space_after;
    }
}

void Flow::place(const std::vector<FlowBlock>& blocks) {
    for (std::size_t i = 0; i < blocks.size(); ++i)
        place_block(blocks[i], i + 1 < blocks.size() ? &blocks[i + 1] : nullptr);
    while (!pending_floats_.empty())
        next_frame();
}

void Flow::place_slice(const Slice& slice, double x) {
    Page& page = layout_.pages[static_cast<std::size_t>(page_)];
    append_shifted(page, slice.content, x, y_);
    if (slice.height > 0) used_.insert({page_, column_});
    if (!slice.anchor.empty()) layout_.anchors[slice.anchor] = {page_, y_};
    if (!slice.bookmark.empty())
        layout_.bookmarks.push_back({slice.bookmark, slice.bookmark_level, {page_, y_}});
    y_ += slice.height;
}

void Flow::place_float(const FlowBlock& block) {
    const Slice& slice = block.slices.front();
    double before = at_top() ? 0 : block.space_before;
    if (pending_floats_.empty() && fits(before + slice.height)) {
        y_ += before;
        place_slice(slice, frame_x() + block.indent);
        y_ += block.space_after;
        return;
    }
    pending_floats_.push_back(&block);
}

void Flow::open_decoration(const FlowBlock& block) {
    decoration_top_ = y_;
    y_ += block.decoration.padding;
}

void Flow::close_decoration(const FlowBlock& block) {
    const Decoration& d = block.decoration;
    y_ += d.padding;
    double top = decoration_top_, height = y_ - decoration_top_;
    Page& page = layout_.pages[static_cast<std::size_t>(page_)];
    // A frame or background spans the column; a quote's rule stands left of its indented text.
    if (d.background || d.border)
        page.rects.push_back({frame_x() + block.indent - d.padding, top,
                              geometry_.column_width() - block.indent + d.padding, height,
                              d.background, d.border, d.border_width});
    if (d.left_rule)
        page.rects.push_back({frame_x() + block.indent - 8, top, d.rule_width, height, d.left_rule,
                              std::nullopt, 0});
}

void Flow::place_block(const FlowBlock& block, const FlowBlock* next) {
    if (block.slices.empty()) return;
    if (block.floats) {
        place_float(block);
        return;
    }
    if (!at_top()) y_ += block.space_before;
    double padding = block.decoration.padding * 2;
    double need = block.slices.front().height + padding;
    if (block.keep_with_next && next && !next->slices.empty())
        need += block.space_after + next->space_before + next->slices.front().height +
                next->decoration.padding;
    if (!fits(need) && !at_top()) next_frame();
    open_decoration(block);
    for (const Slice& slice : block.slices) {
        bool below_another = y_ > frame_top_ + block.decoration.padding + 0.01;
        double space = below_another ? slice.space_before : 0;
        if (!fits(space + slice.height + block.decoration.padding) && below_another) {
            close_decoration(block);
            next_frame();
            open_decoration(block);
            space = 0;
        }
        y_ += space;
        place_slice(slice, frame_x() + block.indent);
    }
    close_decoration(block);
    y_ += block.space_after;
}

} // namespace factpress
