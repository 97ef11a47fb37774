// Hyphenation points from Debian's libhyphen patterns, chosen by language.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

typedef struct _HyphenDict HyphenDict;

namespace factpress {

// One language's patterns: a cheap handle, usable from several threads at once.
class HyphenationPatterns {
  public:
    explicit HyphenationPatterns(HyphenDict* dict = nullptr) : dict_(dict) {}
    // Byte offsets inside `word` after which a hyphen may be inserted; empty when there are no
    // patterns or the word is too short. `word` holds letters only.
    std::vector<std::size_t> points(std::string_view word) const;

  private:
    HyphenDict* dict_;
};

// The pattern files of every language met so far, loaded once per run.
class Hyphenator {
  public:
    HyphenationPatterns patterns(std::string_view language) {
        return HyphenationPatterns(dictionary(language));
    }
    std::vector<std::size_t> points(std::string_view language, std::string_view word) {
        return patterns(language).points(word);
    }

  private:
    struct DictionaryDeleter {
        void operator()(HyphenDict* dict) const;
    };
    using Dictionary = std::unique_ptr<HyphenDict, DictionaryDeleter>;
    HyphenDict* dictionary(std::string_view language);

    std::mutex mutex_;
    std::map<std::string, Dictionary, std::less<>> dictionaries_;
};

} // namespace factpress
