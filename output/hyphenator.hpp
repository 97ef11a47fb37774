// Hyphenation points from Debian's libhyphen patterns, chosen by language.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

typedef struct _HyphenDict HyphenDict;

namespace factpress {

// A loaded pattern file. libhyphen matches words in the file's own character set: UTF-8 for
// most, but KOI8-R (Russian) and ISO 8859-7 (Greek) in Debian; `to_charset` maps code points for
// those 8-bit files.
struct PatternFile {
    struct Free {
        void operator()(HyphenDict* dict) const;
    };
    std::unique_ptr<HyphenDict, Free> dict;
    bool utf8 = true;
    std::unordered_map<char32_t, char> to_charset;
};

// One language's patterns: a cheap handle, usable from several threads at once.
class HyphenationPatterns {
  public:
    explicit HyphenationPatterns(const PatternFile* file = nullptr) : file_(file) {}
    // Byte offsets inside `word` after which a hyphen may be inserted; empty when there are no
    // patterns or the word is too short. `word` holds letters only.
    std::vector<std::size_t> points(std::string_view word) const;

  private:
    const PatternFile* file_;
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
    std::map<std::string, std::unique_ptr<PatternFile>, std::less<>> files_;
};

} // namespace factpress
