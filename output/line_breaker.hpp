// Total-fit line breaking (Knuth and Plass, "Breaking Paragraphs into Lines", 1981) over abstract
// boxes, glue and penalties. Pure: it knows nothing of fonts or pages.
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

namespace factpress {

inline constexpr double infinite_penalty = 10000;

struct BreakItem {
    enum class Type { box, glue, penalty } type = Type::box;
    double width = 0;
    double stretch = 0;   // glue only
    double shrink = 0;    // glue only
    double penalty = 0;   // penalty only; >= infinite_penalty forbids, <= -infinite_penalty forces
    bool flagged = false; // a hyphenation point

    static BreakItem box(double width) { return {Type::box, width}; }
    static BreakItem glue(double width, double stretch, double shrink) {
        return {Type::glue, width, stretch, shrink};
    }
    static BreakItem make_penalty(double width, double penalty, bool flagged = false) {
        return {Type::penalty, width, 0, 0, penalty, flagged};
    }
};

struct BreakOptions {
    double line_width = 0;
    double tolerance = 1.0; // the largest adjustment ratio allowed
    double line_penalty = 10;
    double flagged_demerits = 3000; // two hyphenated lines in a row
    double fitness_demerits = 3000; // a tight line next to a loose one
    int max_consecutive_hyphens = 2;
};

struct LineBreak {
    std::size_t position = 0; // index of the breaking glue or penalty
    double ratio = 0;         // adjustment ratio of the line ending here
};

// The optimal breaks (the last one is the paragraph's end), or empty when no set of breaks
// satisfies the tolerance. Items must end with a forced break.
std::vector<LineBreak> break_lines(const std::vector<BreakItem>& items,
                                   const BreakOptions& options);

// Tries the tolerance given, then looser ones, then accepts any underfull line: always returns
// breaks as long as every box fits the line width.
std::vector<LineBreak> break_lines_robust(const std::vector<BreakItem>& items,
                                          BreakOptions options);

// First fit, for ragged text: each line as long as fits, broken at its last legal break.
std::vector<LineBreak> break_lines_first_fit(const std::vector<BreakItem>& items,
                                             double line_width);

} // namespace factpress
