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

class Hyphenator {
  public:
    // Byte offsets inside `word` after which a hyphen may be inserted; empty when the language
    // has no patterns or the word is too short. `word` holds letters only.
    std::vector<std::size_t> points(std::string_view language, std::string_view word);

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
