// Hyphenation points from Debian's hyphen-* pattern files, chosen by language.
#pragma once

#include "output/pattern_trie.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace factpress {

// One language's patterns: a cheap handle, usable from several threads at once.
class HyphenationPatterns {
  public:
    explicit HyphenationPatterns(const PatternTrie* trie = nullptr) : trie_(trie) {}
    // Byte offsets inside `word` after which a hyphen may be inserted; empty when there are no
    // patterns or the word is too short. `word` holds letters only.
    std::vector<std::size_t> points(std::string_view word) const;

  private:
    const PatternTrie* trie_;
};

// The pattern files of every language met so far, loaded once per run.
class Hyphenator {
  public:
    HyphenationPatterns patterns(std::string_view language);
    std::vector<std::size_t> points(std::string_view language, std::string_view word) {
        return patterns(language).points(word);
    }

  private:
    std::mutex mutex_;
    std::map<std::string, std::unique_ptr<PatternTrie>, std::less<>> files_;
};

} // namespace factpress
