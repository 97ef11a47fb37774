// Liang's hyphenation patterns in a trie, matched as libhyphen matches them.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace factpress {

// One pattern file as libhyphen matches it: a trie of the patterns' letters with fallback links
// (the longest proper suffix that is also a trie node), run over ".word." one code point at a
// time. As in libhyphen, a position takes the digits of the one node reached there, not of every
// pattern ending there: Debian's English file is prepared for that (each pattern holds the digits
// of its suffixes), and the Russian and Ukrainian ones were tuned against it in LibreOffice.
class PatternTrie {
  public:
    // Reads libhyphen's .dic format (first line the character set, `%` comments, keywords such as
    // LEFTHYPHENMIN). Only the last level of a NEXTLEVEL file is kept: the levels before it
    // split compounds at hyphens and apostrophes, which never occur in the letter-only words we
    // hyphenate.
    static PatternTrie parse(std::string_view utf8_text);

    bool empty() const { return nodes_.size() <= 1; }
    // Liang's values between the code points of ".word." (size: word.size() + 3).
    std::vector<std::uint8_t> values(std::u32string_view word) const;

  private:
    static constexpr std::uint32_t none = 0xFFFFFFFF;
    struct Node {
        std::uint32_t digits = none;   // offset in digits_ of this node's pattern, if one ends here
        std::uint32_t fallback = none; // the root's is none
        std::uint32_t parent = none;
        std::uint32_t letter : 21 = 0;
        std::uint32_t depth : 11 = 0;
    };
    // Edges (node, code point) -> node in one open-addressing table of 64-bit slots (node 21
    // bits, code point 21, target 21): a pattern file has tens of thousands of nodes, and fresh
    // memory costs a page fault per 4 KiB.
    class Edges {
      public:
        static constexpr std::uint32_t max_nodes = 1u << 21;
        std::uint32_t find(std::uint32_t node, char32_t letter) const;
        // The existing target, or `target` after inserting it.
        std::uint32_t insert(std::uint32_t node, char32_t letter, std::uint32_t target);
        void reserve(std::size_t edges);

      private:
        static std::uint64_t key(std::uint32_t node, char32_t letter) {
            return std::uint64_t{node} << 21 | letter;
        }
        std::size_t slot(std::uint64_t key) const { // Fibonacci hashing: the product's top bits
            return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
        }
        void rehash(std::size_t slots);
        std::vector<std::uint64_t> slots_; // key << 21 | target; all ones when empty
        std::size_t used_ = 0;
        int shift_ = 64;
    };

    void add(std::u32string_view letters, const std::vector<std::uint8_t>& digits);
    void link_fallbacks();

    std::vector<Node> nodes_ = std::vector<Node>(1); // the root
    Edges edges_;
    std::vector<std::uint8_t> digits_; // per pattern, letters + 1 values
};

} // namespace factpress
