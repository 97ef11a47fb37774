// A TrueType face read once: character map, advance widths and which glyphs libharu can draw whole.
#pragma once

#include "output/sfnt.hpp"
#include "pipeline/file_bytes.hpp"

#include <array>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace factpress {

// Code point -> glyph in pages of 256 code points, allocated only where the font maps something:
// O(1) lookups without a node per character.
class CharacterMap {
  public:
    std::uint16_t glyph(char32_t cp) const {
        if (cp > 0x10FFFF) return 0;
        std::uint16_t page = page_of_[cp >> 8];
        return page ? pages_[page - 1][cp & 0xFF] : 0;
    }
    // Keeps an earlier mapping of `cp`: the first subtable entry wins.
    void add(char32_t cp, std::uint16_t glyph);

  private:
    std::vector<std::uint16_t> page_of_ = std::vector<std::uint16_t>(0x1100); // 0: none
    std::vector<std::array<std::uint16_t, 256>> pages_;
};

class FontFace {
  public:
    // Throws std::runtime_error with a readable message when the file is not a usable TrueType
    // font.
    static FontFace load(const std::filesystem::path& path);

    const std::filesystem::path& path() const { return path_; }
    std::string_view data() const { return file_->bytes(); } // the font file's bytes
    std::size_t glyph_count() const { return advances_.size(); }
    std::uint16_t glyph(char32_t cp) const;
    // True when the face has a glyph for `cp` that libharu 2.3.0 draws with every part: it keeps
    // composite components one level deep only, so a nested composite counts as missing unless
    // the subset can flatten it (sfnt::flattened_composite).
    bool covers(char32_t cp) const;
    // True for a composite glyph whose components have components: the subset flattens it.
    bool needs_flattening(std::uint16_t g) const { return shape(g) == Shape::flattened; }
    // Advance width in 1/1000 em, truncated exactly as libharu writes it into /W.
    int advance(char32_t cp) const;
    // The space added between `left` and `right` set side by side (negative: closer), in 1/1000
    // em, from the font's kern table; 0 for most pairs.
    int kerning(char32_t left, char32_t right) const;
    int ascender() const { return ascender_; }   // 1/1000 em
    int descender() const { return descender_; } // 1/1000 em, negative
  private:
    enum class Shape : std::uint8_t { unknown, drawn_whole, flattened, broken };
    // Whether glyph `g` is drawn whole as it is, once flattened, or not at all (a nesting that
    // cannot be flattened, a component the font does not have, data that runs off the end):
    // looked at in the font the first time it is asked (a run asks about a few hundred glyphs of
    // thousands), remembered.
    Shape shape(std::uint16_t g) const;

    std::filesystem::path path_;
    int units_per_em_ = 1000;
    int ascender_ = 800;
    int descender_ = -200;
    CharacterMap cmap_;
    std::vector<std::uint16_t> advances_; // font units, per glyph
    std::unique_ptr<MappedFile> file_;    // kept for the glyph outlines' headers
    sfnt::Outlines outlines_;
    std::unordered_map<std::uint32_t, std::int16_t> kerning_; // (left glyph << 16 | right): units
    // Per glyph, its Shape. Atomic: the face is shared by the threads of a batch (any of them may
    // fill an entry, all with the same value).
    std::unique_ptr<std::atomic<Shape>[]> glyph_shape_;
};

} // namespace factpress
