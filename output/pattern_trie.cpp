#include "output/pattern_trie.hpp"
#include "pipeline/utf8.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <utility>

namespace factpress {
namespace {

// A line's pattern: its bytes up to the first space or control character, as libhyphen reads it.
std::string_view first_token(std::string_view line) {
    std::size_t end = 0;
    while (end < line.size() && static_cast<unsigned char>(line[end]) > ' ')
        ++end;
    return line.substr(0, end);
}

bool is_keyword(std::string_view token) {
    static constexpr std::array<std::string_view, 5> keywords = {
        "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN",
        "NOHYPHEN"};
    return std::find(keywords.begin(), keywords.end(), token) != keywords.end();
}

} // namespace

PatternTrie PatternTrie::parse(std::string_view text) {
    PatternTrie trie;
    // Debian's files hold about one trie node per 7 bytes (English: 15,360 nodes in 106 kB).
    auto reserve = [&] {
        std::size_t nodes = std::min<std::size_t>(text.size() / 6, Edges::max_nodes);
        trie.nodes_.reserve(nodes);
        trie.edges_.reserve(nodes);
    };
    reserve();
    std::u32string letters;
    std::vector<std::uint8_t> digits;
    bool first_line = true;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = std::min(text.find('\n', start), text.size());
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (std::exchange(first_line, false)) continue; // the character set
        std::string_view token = first_token(line);
        if (token.empty() || token[0] == '%') continue;
        if (token[0] >= 'A' && token[0] <= 'Z') { // patterns are lower case; keywords are not
            if (token == "NEXTLEVEL") {
                trie = PatternTrie();
                reserve();
            }
            if (token == "NEXTLEVEL" || is_keyword(token)) continue;
        }
        // Non-standard patterns (`/` replacements such as German "ck" -> "k-k") change the
        // spelling, which a plain hyphen cannot show: left out.
        if (token.find('/') != std::string_view::npos) continue;
        letters.clear();
        digits.assign(1, 0);
        bool valid = token.size() < 256; // longer lines are not patterns (libhyphen: at most 255)
        for (std::size_t pos = 0; pos < token.size() && valid;) {
            auto byte = static_cast<unsigned char>(token[pos]);
            char32_t cp = byte < 0x80 ? (++pos, char32_t{byte}) : utf8::next(token, pos);
            valid = cp != utf8::invalid;
            if (cp >= U'0' && cp <= U'9') {
                digits.back() = static_cast<std::uint8_t>(cp - U'0');
            } else {
                letters += cp;
                digits.push_back(0);
            }
        }
        // A pattern of zeros still counts: its node is where the matcher stands, so shorter
        // patterns ending there are not applied (libhyphen's behaviour).
        if (valid && !letters.empty()) trie.add(letters, digits);
    }
    trie.link_fallbacks();
    return trie;
}

std::uint32_t PatternTrie::Edges::find(std::uint32_t node, char32_t letter) const {
    if (slots_.empty()) return none;
    std::uint64_t wanted = key(node, letter);
    std::size_t mask = slots_.size() - 1;
    for (std::size_t at = slot(wanted);; at = (at + 1) & mask) {
        if (slots_[at] >> 21 == wanted) return static_cast<std::uint32_t>(slots_[at] & 0x1FFFFF);
        if (slots_[at] == ~0ull) return none;
    }
}

std::uint32_t PatternTrie::Edges::insert(std::uint32_t node, char32_t letter,
                                         std::uint32_t target) {
    if (10 * (used_ + 1) > 7 * slots_.size())
        rehash(std::max<std::size_t>(1024, 2 * slots_.size()));
    std::uint64_t wanted = key(node, letter);
    std::size_t mask = slots_.size() - 1;
    for (std::size_t at = slot(wanted);; at = (at + 1) & mask) {
        if (slots_[at] >> 21 == wanted) return static_cast<std::uint32_t>(slots_[at] & 0x1FFFFF);
        if (slots_[at] != ~0ull) continue;
        slots_[at] = wanted << 21 | target;
        ++used_;
        return target;
    }
}

void PatternTrie::Edges::reserve(std::size_t edges) {
    std::size_t slots = 1024;
    while (7 * slots < 10 * edges)
        slots *= 2;
    if (slots > slots_.size()) rehash(slots);
}

void PatternTrie::Edges::rehash(std::size_t slots) {
    std::vector<std::uint64_t> old(slots, ~0ull);
    std::swap(old, slots_);
    used_ = 0;
    shift_ = 64 - std::countr_zero(slots);
    for (std::uint64_t entry : old)
        if (entry != ~0ull)
            insert(static_cast<std::uint32_t>(entry >> 42),
                   static_cast<char32_t>(entry >> 21 & 0x1FFFFF),
                   static_cast<std::uint32_t>(entry & 0x1FFFFF));
}

void PatternTrie::add(std::u32string_view letters, const std::vector<std::uint8_t>& digits) {
    if (nodes_.size() + letters.size() >= Edges::max_nodes) return; // far beyond any real file
    std::uint32_t node = 0;
    for (char32_t letter : letters) {
        auto next = static_cast<std::uint32_t>(nodes_.size());
        std::uint32_t reached = edges_.insert(node, letter, next);
        if (reached == next) {
            Node child;
            child.parent = node;
            child.letter = letter & 0x1FFFFF;
            child.depth = (nodes_[node].depth + 1) & 0x7FF;
            nodes_.push_back(child);
        }
        node = reached;
    }
    if (std::none_of(digits.begin(), digits.end(), [](auto d) { return d != 0; })) {
        nodes_[node].digits = none; // a later line replaces an earlier one, as in libhyphen
        return;
    }
    nodes_[node].digits = static_cast<std::uint32_t>(digits_.size());
    digits_.insert(digits_.end(), digits.begin(), digits.end());
}

// Aho-Corasick failure links, parents before children (by depth).
void PatternTrie::link_fallbacks() {
    std::vector<std::uint32_t> first_at_depth;
    for (const Node& node : nodes_) {
        std::size_t depth = node.depth;
        if (depth + 1 >= first_at_depth.size()) first_at_depth.resize(depth + 2);
        ++first_at_depth[depth + 1];
    }
    for (std::size_t d = 1; d < first_at_depth.size(); ++d)
        first_at_depth[d] += first_at_depth[d - 1];
    std::vector<std::uint32_t> order(nodes_.size());
    for (std::uint32_t i = 0; i < nodes_.size(); ++i)
        order[first_at_depth[nodes_[i].depth]++] = i;
    for (std::uint32_t id : order) {
        Node& node = nodes_[id];
        if (node.parent == none) continue;
        if (node.parent == 0) {
            node.fallback = 0;
            continue;
        }
        std::uint32_t candidate = nodes_[node.parent].fallback;
        while (candidate != none) {
            if (std::uint32_t next = edges_.find(candidate, node.letter); next != none) {
                node.fallback = next;
                break;
            }
            candidate = nodes_[candidate].fallback;
        }
        if (node.fallback == none) node.fallback = 0;
    }
}

std::vector<std::uint8_t> PatternTrie::values(std::u32string_view word) const {
    std::u32string padded = U"." + std::u32string(word) + U".";
    std::vector<std::uint8_t> levels(padded.size() + 1, 0);
    std::uint32_t state = 0;
    for (std::size_t at = 0; at < padded.size(); ++at) {
        std::uint32_t next = edges_.find(state, padded[at]);
        while (next == none && state != 0) {
            state = nodes_[state].fallback;
            next = edges_.find(state, padded[at]);
        }
        state = next == none ? 0 : next;
        const Node& node = nodes_[state];
        if (node.digits == none) continue;
        std::size_t depth = node.depth;
        std::size_t first = at + 1 - depth; // where the pattern's letters start
        for (std::size_t k = 0; k <= depth; ++k)
            levels[first + k] = std::max(levels[first + k], digits_[node.digits + k]);
    }
    return levels;
}

} // namespace factpress
