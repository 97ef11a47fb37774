// Liang's patterns as libhyphen matches them, read from inline pattern files.
#include "output/pattern_trie.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace factpress;

namespace {

// Break points of `word` (letters after which a hyphen may go) as a marked-up string.
std::string marked(const PatternTrie& trie, std::u32string_view word) {
    auto values = trie.values(word);
    std::string out;
    for (std::size_t i = 0; i < word.size(); ++i) {
        out += static_cast<char>(word[i]);
        if (i + 1 < word.size() && values[i + 2] % 2 == 1) out += '-';
    }
    return out;
}

} // namespace

TEST_CASE("patterns: digits between letters, the highest value wins, odd values break") {
    auto trie = PatternTrie::parse("UTF-8\nLEFTHYPHENMIN 2\n% a comment\nb1c\nc2d\n.a3\n");
    CHECK(marked(trie, U"abcd") == "a-b-cd");
    CHECK(marked(trie, U"xbcd") == "xb-cd");
}

TEST_CASE("patterns: a position takes the digits of the longest match only, as in libhyphen") {
    // "1b" would break before every b; inside "abc" the automaton sits on the node "ab", whose
    // own pattern has no digit there, so no break (Debian's English file is prepared for this).
    auto trie = PatternTrie::parse("UTF-8\n1b\nab\n");
    CHECK(marked(trie, U"xbx") == "x-bx");
    CHECK(marked(trie, U"abx") == "abx");
}

TEST_CASE("patterns: only the last level of a NEXTLEVEL file, and no replacements") {
    auto trie = PatternTrie::parse("UTF-8\nx1y\nNEXTLEVEL\na1b\nc1k/k=k,1,2\n");
    CHECK(marked(trie, U"xyab") == "xya-b");
    CHECK(marked(trie, U"ck") == "ck");
    CHECK(PatternTrie::parse("UTF-8\n% nothing\n").empty());
}

TEST_CASE("patterns: code points beyond ASCII") {
    auto trie = PatternTrie::parse("UTF-8\nа1б\n");
    CHECK(trie.values(U"аб")[2] == 1);
}
