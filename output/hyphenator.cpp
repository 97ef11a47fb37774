#include "output/hyphenator.hpp"
#include "model/language_tag.hpp"
#include "output/case_mapping.hpp"
#include "pipeline/file_bytes.hpp"
#include "pipeline/utf8.hpp"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace factpress {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t min_left = 2, min_right = 3, min_word = 5, max_word_bytes = 200;

fs::path hyphen_dir() {
    if (const char* dir = std::getenv("FACTPRESS_HYPHEN_PATH"); dir && *dir) return dir;
    return "/usr/share/hyphen";
}

// TeX Live's patterns (Debian's texlive-lang-* packages), for languages Debian has no hyphen-*
// package for: Turkish, Finnish and Macedonian are in texlive-lang-european.
fs::path tex_patterns_dir() {
    if (const char* dir = std::getenv("FACTPRESS_TEX_PATTERNS_PATH"); dir && *dir) return dir;
    return "/usr/share/texlive/texmf-dist/tex/generic/hyph-utf8/patterns/txt";
}

bool is_tex_patterns(const fs::path& file) {
    return file.string().ends_with(".pat.txt");
}

// hyph_fr_CA.dic for "fr-CA", then hyph_fr.dic, then hyph_ru_RU.dic for "ru", then the first of
// hyph_sv_*.dic for "sv" (Debian's names); Norwegian "no" as Bokmål (primary_language); then
// TeX Live's hyph-tr.pat.txt for "tr".
fs::path dictionary_file(std::string_view language) {
    std::string tag(language);
    std::replace(tag.begin(), tag.end(), '-', '_');
    std::string primary = primary_language(tag);
    std::string region = primary;
    for (auto& c : region)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::error_code ec;
    for (const std::string& name : {tag, primary, primary + "_" + region}) {
        fs::path file = hyphen_dir() / ("hyph_" + name + ".dic");
        if (fs::exists(file, ec)) return file;
    }
    std::vector<fs::path> regional; // sorted, so that every run picks the same one
    for (const auto& entry : fs::directory_iterator(hyphen_dir(), ec)) {
        std::string name = entry.path().filename().string();
        if (name.starts_with("hyph_" + primary + "_") && name.ends_with(".dic"))
            regional.push_back(entry.path());
    }
    std::sort(regional.begin(), regional.end());
    if (!regional.empty()) return regional.front();
    fs::path tex = tex_patterns_dir() / ("hyph-" + primary + ".pat.txt");
    return fs::exists(tex, ec) ? tex : fs::path();
}

// Debian's Russian (KOI8-R) and Greek (ISO8859-7) files are 8-bit: converted once, at loading.
std::string to_utf8(std::string_view text, const std::string& charset) {
    if (charset == "UTF-8" || charset.empty()) return std::string(text);
    iconv_t convert = iconv_open("UTF-8", charset.c_str());
    if (convert == reinterpret_cast<iconv_t>(-1)) return {};
    std::string out(text.size() * 4, '\0');
    char* in_ptr = const_cast<char*>(text.data());
    char* out_ptr = out.data();
    std::size_t in_left = text.size(), out_left = out.size();
    bool ok =
        iconv(convert, &in_ptr, &in_left, &out_ptr, &out_left) != static_cast<std::size_t>(-1);
    iconv_close(convert);
    if (!ok) return {};
    out.resize(out.size() - out_left);
    return out;
}

std::unique_ptr<PatternTrie> load_patterns(const fs::path& file) {
    auto bytes = file.empty() ? std::nullopt : read_file(file);
    if (!bytes) return std::make_unique<PatternTrie>();
    // TeX Live's files are UTF-8 patterns alone, without the character set of a .dic's first line.
    if (is_tex_patterns(file))
        return std::make_unique<PatternTrie>(PatternTrie::parse("UTF-8\n" + *bytes));
    std::string_view text = *bytes;
    std::string charset(text.substr(0, text.find_first_of("\r\n")));
    charset.erase(charset.find_last_not_of(" \t") + 1);
    return std::make_unique<PatternTrie>(PatternTrie::parse(to_utf8(text, charset)));
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
    if (!trie_ || trie_->empty() || word.size() > max_word_bytes) return {};
    std::u32string lowered;
    std::vector<std::size_t> offsets; // byte offset in `word` of each code point
    for (std::size_t pos = 0; pos < word.size();) {
        offsets.push_back(pos);
        lowered += to_lower(utf8::next(word, pos));
    }
    if (lowered.size() < min_word) return {};
    std::vector<std::uint8_t> levels = trie_->values(lowered);
    // A hyphen after m code points, with at least min_left before and min_right after; the
    // value between them sits at m + 1 (after the leading '.').
    std::vector<std::size_t> points;
    for (std::size_t m = min_left; m + min_right <= lowered.size(); ++m)
        if (levels[m + 1] % 2 == 1) points.push_back(offsets[m]);
    return points;
}

} // namespace factpress
