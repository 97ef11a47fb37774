// Page flow: unsplittable slices grouped into blocks, poured into column frames page after page,
// with space that vanishes at frame tops, headings kept with what follows, framed blocks and
// figures that float to the next frame instead of leaving a hole.
#pragma once

#include "output/page_layout.hpp"

#include <deque>
#include <functional>
#include <optional>
#include <set>
#include <stdexcept>

namespace factpress {

// Content that must stay together (a line, or lines kept together against widows and orphans);
// item coordinates are relative to the slice's top-left corner.
struct Slice {
    double height = 0;
    Page content;
    std::string anchor;   // id of a section or figure that starts here
    std::string bookmark; // outline entry that starts here
    int bookmark_level = 0;
    double space_before = 0; // between paragraphs of one block; none at the top of a frame
};

struct Decoration {
    std::optional<Colour> background;
    std::optional<Colour> border;
    double border_width = 0;
    double padding = 0;
    std::optional<Colour> left_rule; // quotes: a bar at the left edge
    double rule_width = 0;
};

struct FlowBlock {
    std::vector<Slice> slices;
    double space_before = 0;
    double space_after = 0;
    double indent = 0;           // from the frame's left edge
    bool keep_with_next = false; // headings
    bool floats = false;         // figures: may move to the next frame
    Decoration decoration;
};

struct FrameGeometry {
    double page_width = 0, page_height = 0;
    double left = 0, top = 0, bottom = 0; // of the text area
    double width = 0;                     // of the text area
    int columns = 1;
    double gap = 0;
    double first_page_top = 0; // where the columns of page 1 start, below the title area
    int balanced_page = -1;    // a page whose columns end higher, at balanced_bottom
    double balanced_bottom = 0;
    double column_width() const { return (width - gap * (columns - 1)) / columns; }
};

struct PageLimitExceeded : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Content that cannot be placed on any page (the title band only has the first): an error for
// the document rather than a page with the rest cut off.
struct DoesNotFit : std::runtime_error {
    DoesNotFit(const std::string& message, Position where)
        : std::runtime_error(message), position(where) {}
    Position position; // of what is too big, where known
};

class Flow {
  public:
    Flow(PageLayout& layout, const FrameGeometry& geometry, int max_pages);
    void place(const std::vector<FlowBlock>& blocks);
    // Whether anything was placed in that column of that page.
    bool used(int page, int column) const { return used_.contains({page, column}); }

  private:
    void place_block(const FlowBlock& block, const FlowBlock* next);
    void place_slice(const Slice& slice, double x);
    void place_float(const FlowBlock& block);
    bool fits(double height) const { return y_ + height <= bottom() + 0.01; }
    bool at_top() const { return y_ <= frame_top_ + 0.01; }
    double bottom() const {
        return page_ == geometry_.balanced_page ? geometry_.balanced_bottom : geometry_.bottom;
    }
    double frame_x() const;
    void next_frame();
    void open_decoration(const FlowBlock& block);
    void close_decoration(const FlowBlock& block);

    PageLayout& layout_;
    FrameGeometry geometry_;
    int max_pages_;
    int page_ = 0;
    int column_ = 0;
    double y_ = 0;
    double frame_top_ = 0;
    double decoration_top_ = 0;
    std::deque<const FlowBlock*> pending_floats_;
    std::set<std::pair<int, int>> used_; // (page, column) frames that hold content
};

// Moves every item of `content` by (dx, dy) and appends it to `page`.
void append_shifted(Page& page, const Page& content, double dx, double dy);

} // namespace factpress
