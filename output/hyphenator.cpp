#include "output/hyphenator.hpp"
#include "output/case_mapping.hpp"
#include "pipeline/utf8.hpp"

#include <hyphen.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace factpress {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t min_left = 2, min_right = 3, min_word = 5;

fs::path hyphen_dir() {
    if (const char* dir = std::getenv("FACTPRESS_HYPHEN_PATH"); dir && *dir) return dir;
    return "/usr/share/hyphen";
}

// hyph_fr_CA.dic for "fr-CA", then hyph_fr.dic, then hyph_ru_RU.dic for "ru" (Debian's names).
fs::path dictionary_file(std::string_view language) {
    std::string tag(language);
    std::replace(tag.begin(), tag.end(), '-', '_');
    std::string primary = tag.substr(0, tag.find('_'));
    std::string region = primary;
    for (auto& c : region)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::error_code ec;
    for (const std::string& name : {tag, primary, primary + "_" + region}) {
        fs::path file = hyphen_dir() / ("hyph_" + name + ".dic");
        if (fs::exists(file, ec)) return file;
    }
    return {};
}

} // namespace

void Hyphenator::DictionaryDeleter::operator()(HyphenDict* dict) const {
    hnj_hyphen_free(dict);
}

HyphenDict* Hyphenator::dictionary(std::string_view language) {
    std::lock_guard lock(mutex_);
    auto it = dictionaries_.find(language);
    if (it != dictionaries_.end()) return it->second.get();
    fs::path file = dictionary_file(language);
    Dictionary dict(file.empty() ? nullptr : hnj_hyphen_load(file.c_str()));
    return dictionaries_.emplace(std::string(language), std::move(dict)).first->second.get();
}

std::vector<std::size_t> HyphenationPatterns::points(std::string_view word) const {
    HyphenDict* dict = dict_;
    if (!dict || utf8::count_code_points(word) < min_word || word.size() > 200) return {};
    std::string lowered = lower_case(word);
    if (lowered.size() != word.size())
        return {}; // case mapping changed byte lengths: offsets would not match
    // The '='-marked copy is read rather than the hyphens vector, whose indexing (bytes or
    // characters) differs between UTF-8 and 8-bit dictionaries.
    std::vector<char> hyphens(lowered.size() + 5, '0');
    std::vector<char> marked(lowered.size() * 2 + 5, '\0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate2(dict, lowered.data(), static_cast<int>(lowered.size()), hyphens.data(),
                          marked.data(), &rep, &pos, &cut);
    bool replacements = rep != nullptr;
    if (rep) {
        for (std::size_t i = 0; i < lowered.size(); ++i)
            std::free(rep[i]);
        std::free(rep);
    }
    std::free(pos);
    std::free(cut);
    if (replacements) return {};
    std::vector<std::size_t> candidates;
    std::size_t offset = 0;
    for (const char* c = marked.data(); *c; ++c) {
        if (*c == '=')
            candidates.push_back(offset);
        else
            ++offset;
    }
    if (offset != lowered.size()) return {};
    // Keep points with at least min_left code points before and min_right after.
    std::vector<std::size_t> points;
    std::size_t total = utf8::count_code_points(word);
    for (std::size_t point : candidates) {
        std::size_t before = utf8::count_code_points(word.substr(0, point));
        if (before >= min_left && total - before >= min_right) points.push_back(point);
    }
    return points;
}

} // namespace factpress
