// Reading the sfnt container of a TrueType font: big-endian numbers with bounds checks, and the
// table directory. Shared by the face (metrics, character map) and the subsetter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace factpress::sfnt {

class Reader {
  public:
    explicit Reader(std::string_view data) : data_(data) {}
    std::uint32_t u8(std::size_t at) const { return byte(at, 1); }
    std::uint32_t u16(std::size_t at) const { return (byte(at, 2) << 8) | byte(at + 1); }
    std::int32_t s16(std::size_t at) const { return static_cast<std::int16_t>(u16(at)); }
    std::uint32_t u32(std::size_t at) const { return (u16(at) << 16) | u16(at + 2); }
    std::size_t size() const { return data_.size(); }
    // `length` bytes from `at`, checked like the numbers.
    std::string_view bytes(std::size_t at, std::size_t length) const {
        if (length) byte(at, length);
        return data_.substr(length ? at : 0, length);
    }

  private:
    // The byte at `at`, after checking that `count` bytes from there are inside the data (one
    // check per number read: a font is read some 30,000 numbers at a time).
    std::uint32_t byte(std::size_t at, std::size_t count = 0) const {
        if (count && (at >= data_.size() || data_.size() - at < count)) truncated();
        return static_cast<unsigned char>(data_[at]);
    }
    [[noreturn]] static void truncated() { throw std::runtime_error("truncated font table"); }
    std::string_view data_;
};

struct Table {
    std::size_t offset = 0;
    std::size_t length = 0;
};

// The tables of a TrueType (glyf) font by tag. Throws std::runtime_error when the font is not
// one, or lacks a table a PDF needs.
std::map<std::string, Table> table_directory(const Reader& r);

// Where each glyph's outline is, from the font's loca and glyf tables.
struct Outlines {
    std::size_t loca = 0, glyf = 0;
    bool long_offsets = false;
    // Glyph `g`'s outline bytes; empty for a glyph without one (a space).
    std::string_view of(const Reader& r, std::uint32_t g) const;
};

// The font's outlines; throws std::runtime_error when they cannot be read.
Outlines outlines(const Reader& r, const std::map<std::string, Table>& tables);

// Where each component of the composite glyph `r` reads starts (its flags; its glyph index follows
// them), and where the component at `at` ends.
std::vector<std::size_t> components(const Reader& r);
std::size_t component_end(const Reader& r, std::size_t at);

// The composite glyph `g` with every component that is itself composite replaced by that glyph's
// own components, moved by its offset: libharu draws components one level deep only, and loses
// the rest (Ё, ΐ, and most Arabic presentation forms of Noto Sans Arabic are nested). The glyph
// keeps its header and drops its instructions. Returns nullopt where nesting cannot be undone
// so: a nested composite that is scaled or placed by matching points, or nesting deeper than 8.
std::optional<std::string> flattened_composite(const Reader& font, const Outlines& outlines,
                                               std::uint32_t g);

} // namespace factpress::sfnt
