// A TrueType face read once: character map, advance widths and which glyphs libharu can draw whole.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace factpress {

class FontFace {
  public:
    // Throws std::runtime_error with a readable message when the file is not a usable TrueType
    // font.
    static FontFace load(const std::filesystem::path& path);

    const std::filesystem::path& path() const { return path_; }
    std::uint16_t glyph(char32_t cp) const;
    // True when the face has a glyph for `cp` that libharu 2.3.0 draws with every part: it keeps
    // composite components one level deep only, so nested composites count as missing.
    bool covers(char32_t cp) const;
    // Advance width in 1/1000 em, truncated exactly as libharu writes it into /W.
    int advance(char32_t cp) const;
    int ascender() const { return ascender_; }   // 1/1000 em
    int descender() const { return descender_; } // 1/1000 em, negative
    // Every code point the face maps, for building subsets.
    const std::unordered_map<char32_t, std::uint16_t>& character_map() const { return cmap_; }

  private:
    std::filesystem::path path_;
    int units_per_em_ = 1000;
    int ascender_ = 800;
    int descender_ = -200;
    std::unordered_map<char32_t, std::uint16_t> cmap_;
    std::vector<std::uint16_t> advances_; // font units, per glyph
    std::unordered_set<std::uint16_t> nested_composites_;
};

} // namespace factpress
