#include "output/line_breaker.hpp"

#include <algorithm>
#include <cmath>

namespace factpress {
namespace {

using Type = BreakItem::Type;

struct Node {
    std::size_t position = 0;
    int line = 0;
    int fitness = 1;
    int hyphens = 0; // consecutive hyphenated lines ending here
    double demerits = 0;
    double ratio = 0;
    int previous = -1;
    double width = 0, stretch = 0, shrink = 0; // totals after the break
};

struct Totals {
    double width = 0, stretch = 0, shrink = 0;
};

class Breaker {
  public:
    Breaker(const std::vector<BreakItem>& items, const BreakOptions& options)
        : items_(items), options_(options) {}

    std::vector<LineBreak> run() {
        nodes_.push_back(Node{});
        active_.push_back(0);
        for (std::size_t i = 0; i < items_.size(); ++i) {
            const BreakItem& item = items_[i];
            bool legal = (item.type == Type::glue && i > 0 && items_[i - 1].type == Type::box) ||
                         (item.type == Type::penalty && item.penalty < infinite_penalty);
            if (legal) consider(i);
            if (active_.empty()) return {};
            if (item.type != Type::penalty) {
                totals_.width += item.width;
                totals_.stretch += item.stretch;
                totals_.shrink += item.shrink;
            }
        }
        return best_path();
    }

  private:
    void consider(std::size_t b) {
        const BreakItem& item = items_[b];
        Node best[4][3];
        bool have[4][3] = {};
        bool forced = item.type == Type::penalty && item.penalty <= -infinite_penalty;
        for (std::size_t k = 0; k < active_.size();) {
            const Node& a = nodes_[active_[k]];
            double ratio = adjustment_ratio(a, b);
            if (ratio < -1 || forced) {
                // Past here no line from this node fits; a forced break still ends one.
                try_candidate(a, active_[k], b, ratio, best, have);
                active_.erase(active_.begin() + static_cast<long>(k));
                continue;
            }
            if (ratio <= options_.tolerance) try_candidate(a, active_[k], b, ratio, best, have);
            ++k;
        }
        Totals after = totals_after(b);
        for (int f = 0; f < 4; ++f)
            for (int h = 0; h < 3; ++h) {
                if (!have[f][h]) continue;
                Node node = best[f][h];
                node.width = after.width, node.stretch = after.stretch, node.shrink = after.shrink;
                nodes_.push_back(node);
                active_.push_back(static_cast<int>(nodes_.size() - 1));
            }
    }

    void try_candidate(const Node& a, int a_index, std::size_t b, double ratio, Node best[4][3],
                       bool have[4][3]) {
        const BreakItem& item = items_[b];
        if (ratio < -1) return;
        bool flagged = item.type == Type::penalty && item.flagged;
        int hyphens = flagged ? a.hyphens + 1 : 0;
        if (hyphens > options_.max_consecutive_hyphens) return;
        double badness = 100 * std::pow(std::abs(ratio), 3);
        double penalty = item.type == Type::penalty ? item.penalty : 0;
        double demerits = std::pow(options_.line_penalty + std::min(badness, 10000.0), 2);
        if (penalty >= 0)
            demerits += penalty * penalty;
        else if (penalty > -infinite_penalty)
            demerits -= penalty * penalty;
        if (flagged && a.position > 0 && items_[a.position].type == Type::penalty &&
            items_[a.position].flagged)
            demerits += options_.flagged_demerits;
        int fitness = ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3;
        if (std::abs(fitness - a.fitness) > 1) demerits += options_.fitness_demerits;
        demerits += a.demerits;
        int h = std::min(hyphens, 2);
        if (!have[fitness][h] || demerits < best[fitness][h].demerits) {
            have[fitness][h] = true;
            best[fitness][h] = Node{b, a.line + 1, fitness, hyphens, demerits, ratio, a_index};
        }
    }

    double adjustment_ratio(const Node& a, std::size_t b) const {
        double width = totals_.width - a.width;
        if (items_[b].type == Type::penalty) width += items_[b].width;
        double target = options_.line_width;
        if (width < target) {
            double stretch = totals_.stretch - a.stretch;
            return stretch > 0 ? (target - width) / stretch : 1e6;
        }
        if (width > target) {
            double shrink = totals_.shrink - a.shrink;
            return shrink > 0 ? (target - width) / shrink : -1e6;
        }
        return 0;
    }

    // Totals from the break at b up to the next box: glue and penalties after a break vanish.
    Totals totals_after(std::size_t b) const {
        Totals t = totals_;
        for (std::size_t i = b; i < items_.size(); ++i) {
            const BreakItem& item = items_[i];
            if (item.type == Type::box) break;
            if (item.type == Type::penalty && item.penalty <= -infinite_penalty && i > b) break;
            if (item.type == Type::glue)
                t.width += item.width, t.stretch += item.stretch, t.shrink += item.shrink;
        }
        return t;
    }

    std::vector<LineBreak> best_path() const {
        int best = -1;
        for (std::size_t i = 0; i < nodes_.size(); ++i) {
            if (nodes_[i].position != items_.size() - 1) continue;
            if (best < 0 || nodes_[i].demerits < nodes_[best].demerits) best = static_cast<int>(i);
        }
        std::vector<LineBreak> breaks;
        for (int n = best; n > 0; n = nodes_[n].previous)
            breaks.push_back({nodes_[n].position, nodes_[n].ratio});
        std::reverse(breaks.begin(), breaks.end());
        return breaks;
    }

    const std::vector<BreakItem>& items_;
    const BreakOptions& options_;
    std::vector<Node> nodes_;
    std::vector<int> active_;
    Totals totals_;
};

} // namespace

std::vector<LineBreak> break_lines(const std::vector<BreakItem>& items,
                                   const BreakOptions& options) {
    if (items.empty()) return {};
    return Breaker(items, options).run();
}

std::vector<LineBreak> break_lines_robust(const std::vector<BreakItem>& items,
                                          BreakOptions options) {
    for (double tolerance : {options.tolerance, 2.0, 10.0, 1e7}) {
        options.tolerance = std::max(tolerance, options.tolerance);
        if (tolerance > 1e6) options.max_consecutive_hyphens = 1000;
        auto breaks = break_lines(items, options);
        if (!breaks.empty()) return breaks;
    }
    return {};
}

std::vector<LineBreak> break_lines_first_fit(const std::vector<BreakItem>& items, double width) {
    std::vector<LineBreak> breaks;
    double line = 0;
    std::size_t last_break = 0;
    bool have_break = false;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const BreakItem& item = items[i];
        bool legal = (item.type == BreakItem::Type::glue && i > 0 &&
                      items[i - 1].type == BreakItem::Type::box) ||
                     (item.type == BreakItem::Type::penalty && item.penalty < infinite_penalty);
        bool forced = item.type == BreakItem::Type::penalty && item.penalty <= -infinite_penalty;
        double extra = item.type == BreakItem::Type::penalty ? item.width : 0;
        if (legal && line + extra <= width + 1e-9) {
            last_break = i, have_break = true;
        }
        if (forced) {
            breaks.push_back({i, 0});
            break;
        }
        if (item.type != BreakItem::Type::penalty) line += item.width;
        if (line > width + 1e-9 && have_break) {
            breaks.push_back({last_break, 0});
            have_break = false;
            // Restart measuring after the break, skipping the discardable items that follow it.
            line = 0;
            std::size_t j = last_break + 1;
            while (j <= i && items[j].type != BreakItem::Type::box)
                ++j;
            for (; j <= i; ++j)
                if (items[j].type != BreakItem::Type::penalty) line += items[j].width;
        }
    }
    return breaks;
}

} // namespace factpress
