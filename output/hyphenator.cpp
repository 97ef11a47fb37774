#include "output/hyphenator.hpp"
#include "output/case_mapping.hpp"
#include "pipeline/utf8.hpp"

#include <hyphen.h>
#include <iconv.h>

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

void PatternFile::Free::operator()(HyphenDict* dict) const {
    hnj_hyphen_free(dict);
}

namespace {

// The code point of every byte from 0x80 of an 8-bit character set, read through iconv once.
std::unordered_map<char32_t, char> charset_table(const char* charset) {
    std::unordered_map<char32_t, char> table;
    iconv_t convert = iconv_open("UTF-8", charset);
    if (convert == reinterpret_cast<iconv_t>(-1)) return table;
    for (int byte = 0x80; byte <= 0xFF; ++byte) {
        char in[1] = {static_cast<char>(byte)}, out[8] = {};
        char *in_ptr = in, *out_ptr = out;
        std::size_t in_left = 1, out_left = sizeof out;
        if (iconv(convert, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1))
            continue;
        std::size_t pos = 0;
        char32_t cp = utf8::next(std::string_view(out, sizeof out - out_left), pos);
        if (cp != utf8::invalid) table.emplace(cp, static_cast<char>(byte));
    }
    iconv_close(convert);
    return table;
}

std::unique_ptr<PatternFile> load_patterns(const fs::path& file) {
    auto patterns = std::make_unique<PatternFile>();
    if (file.empty()) return patterns;
    patterns->dict.reset(hnj_hyphen_load(file.c_str()));
    if (!patterns->dict) return patterns;
    patterns->utf8 = patterns->dict->utf8 != 0;
    if (!patterns->utf8) patterns->to_charset = charset_table(patterns->dict->cset);
    return patterns;
}

} // namespace

HyphenationPatterns Hyphenator::patterns(std::string_view language) {
    std::lock_guard lock(mutex_);
    auto it = files_.find(language);
    if (it == files_.end())
        it = files_.emplace(std::string(language), load_patterns(dictionary_file(language))).first;
    return HyphenationPatterns(it->second.get());
}

std::vector<std::size_t> HyphenationPatterns::points(std::string_view word) const {
    if (!file_ || !file_->dict || utf8::count_code_points(word) < min_word || word.size() > 200)
        return {};
    // The word in the patterns' character set, and for each of its bytes the offset in `word`.
    std::string lowered = lower_case(word);
    if (lowered.size() != word.size()) return {}; // case mapping changed byte lengths
    std::string encoded;
    std::vector<std::size_t> source_offset;
    for (std::size_t pos = 0; pos < lowered.size();) {
        std::size_t start = pos;
        char32_t cp = utf8::next(lowered, pos);
        if (file_->utf8) {
            encoded.append(lowered, start, pos - start);
            for (std::size_t i = start; i < pos; ++i)
                source_offset.push_back(i);
            continue;
        }
        auto byte = cp < 0x80 ? static_cast<char>(cp) : 0;
        if (cp >= 0x80) {
            auto it = file_->to_charset.find(cp);
            if (it == file_->to_charset.end()) return {};
            byte = it->second;
        }
        encoded += byte;
        source_offset.push_back(start);
    }
    source_offset.push_back(lowered.size());
    // The '='-marked copy is read rather than the hyphens vector, whose indexing (bytes or
    // characters) differs between UTF-8 and 8-bit dictionaries.
    std::vector<char> hyphens(encoded.size() + 5, '0');
    std::vector<char> marked(encoded.size() * 2 + 5, '\0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate2(file_->dict.get(), encoded.data(), static_cast<int>(encoded.size()),
                          hyphens.data(), marked.data(), &rep, &pos, &cut);
    bool replacements = rep != nullptr;
    if (rep) {
        for (std::size_t i = 0; i < encoded.size(); ++i)
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
            candidates.push_back(source_offset[offset]);
        else
            ++offset;
    }
    if (offset != encoded.size()) return {};
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
