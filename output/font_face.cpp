#include "output/font_face.hpp"
#include "output/sfnt.hpp"
#include "pipeline/file_bytes.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <string_view>
#include <unordered_map>

namespace factpress {
namespace {

using sfnt::Reader;

void read_format4(const Reader& r, std::size_t at, CharacterMap& cmap) {
    std::uint32_t segments = r.u16(at + 6) / 2;
    std::size_t ends = at + 14, starts = ends + 2 * segments + 2, deltas = starts + 2 * segments,
                ranges = deltas + 2 * segments;
    for (std::uint32_t s = 0; s < segments; ++s) {
        std::uint32_t start = r.u16(starts + 2 * s), end = r.u16(ends + 2 * s);
        std::uint32_t delta = r.u16(deltas + 2 * s), range = r.u16(ranges + 2 * s);
        for (std::uint32_t cp = start; cp <= end && cp != 0xFFFF; ++cp) {
            std::uint32_t glyph = 0;
            if (range == 0)
                glyph = (cp + delta) & 0xFFFF;
            else {
                std::uint32_t g = r.u16(ranges + 2 * s + range + 2 * (cp - start));
                glyph = g == 0 ? 0 : (g + delta) & 0xFFFF;
            }
            if (glyph != 0) cmap.add(cp, static_cast<std::uint16_t>(glyph));
        }
    }
}

void read_format12(const Reader& r, std::size_t at, CharacterMap& cmap) {
    for (std::uint32_t g = 0, n = r.u32(at + 12); g < n; ++g) {
        std::size_t group = at + 16 + 12 * g;
        std::uint32_t start = r.u32(group),
                      end = std::min<std::uint32_t>(r.u32(group + 4), 0x10FFFF);
        for (std::uint32_t cp = start; cp <= end && cp - start < 0x10000; ++cp)
            cmap.add(cp, static_cast<std::uint16_t>(r.u32(group + 8) + cp - start));
    }
}

CharacterMap read_cmap(const Reader& r, std::size_t cmap) {
    std::size_t best = 0;
    int best_rank = 0;
    for (std::uint32_t i = 0, n = r.u16(cmap + 2); i < n; ++i) {
        std::size_t record = cmap + 4 + 8 * i;
        std::uint32_t platform = r.u16(record), encoding = r.u16(record + 2);
        std::size_t at = cmap + r.u32(record + 4);
        std::uint32_t format = r.u16(at);
        int rank = format == 12 ? 3 : format == 4 && (platform == 3 || platform == 0) ? 2 : 0;
        if (platform == 3 && encoding == 0) rank = 0; // symbol fonts map into the private area
        if (rank > best_rank) best_rank = rank, best = at;
    }
    CharacterMap map;
    if (best_rank == 0) throw std::runtime_error("the font has no Unicode character map");
    if (r.u16(best) == 12)
        read_format12(r, best, map);
    else
        read_format4(r, best, map);
    return map;
}

// The pairs of a 'kern' table's horizontal format 0 subtables (the classic table, which Liberation
// and DejaVu carry beside GPOS), in font units. A table in another form gives no pairs.
std::unordered_map<std::uint32_t, std::int16_t> read_kerning(const Reader& r, std::size_t kern) {
    std::unordered_map<std::uint32_t, std::int16_t> pairs;
    if (r.u16(kern) != 0) return pairs; // Apple's version 1 header
    std::size_t at = kern + 4;
    for (std::uint32_t t = 0, n = r.u16(kern + 2); t < n; ++t) {
        std::uint32_t length = r.u16(at + 2), coverage = r.u16(at + 4);
        bool horizontal = coverage & 0x1, minimum = coverage & 0x2, cross = coverage & 0x4;
        if ((coverage >> 8) == 0 && horizontal && !minimum && !cross)
            for (std::uint32_t i = 0, count = r.u16(at + 6); i < count; ++i) {
                std::size_t pair = at + 14 + 6 * i;
                pairs.emplace((r.u16(pair) << 16) | r.u16(pair + 2),
                              static_cast<std::int16_t>(r.s16(pair + 4)));
            }
        if (length < 6) break;
        at += length;
    }
    return pairs;
}

} // namespace

FontFace FontFace::load(const std::filesystem::path& path) {
    auto file = std::make_unique<MappedFile>(path);
    if (!file->ok()) throw std::runtime_error(fmt::format("cannot open font {}", path.string()));
    Reader r(file->bytes());
    FontFace face;
    face.path_ = path;
    try {
        auto tables = sfnt::table_directory(r);
        std::size_t head = tables["head"].offset, hhea = tables["hhea"].offset;
        face.units_per_em_ = static_cast<int>(r.u16(head + 18));
        if (face.units_per_em_ < 16) throw std::runtime_error("bad unitsPerEm");
        face.ascender_ = r.s16(hhea + 4) * 1000 / face.units_per_em_;
        face.descender_ = r.s16(hhea + 6) * 1000 / face.units_per_em_;
        std::uint32_t metrics = r.u16(hhea + 34), glyphs = r.u16(tables["maxp"].offset + 4);
        std::size_t hmtx = tables["hmtx"].offset;
        face.advances_.reserve(glyphs);
        for (std::uint32_t g = 0; g < glyphs; ++g)
            face.advances_.push_back(
                static_cast<std::uint16_t>(r.u16(hmtx + 4 * std::min(g, metrics - 1))));
        face.cmap_ = read_cmap(r, tables["cmap"].offset);
        face.outlines_ = sfnt::outlines(r, tables);
        if (tables.contains("kern")) face.kerning_ = read_kerning(r, tables["kern"].offset);
    } catch (const std::runtime_error& error) {
        throw std::runtime_error(fmt::format("font {}: {}", path.string(), error.what()));
    }
    face.glyph_shape_ = std::make_unique<std::atomic<Shape>[]>(face.advances_.size());
    face.file_ = std::move(file);
    return face;
}

FontFace::Shape FontFace::shape(std::uint16_t g) const {
    if (g >= advances_.size()) return Shape::drawn_whole;
    Shape known = glyph_shape_[g].load(std::memory_order_relaxed);
    if (known != Shape::unknown) return known;
    Reader r(file_->bytes());
    auto is_composite = [&](std::uint32_t k) {
        std::string_view outline = outlines_.of(r, k);
        return !outline.empty() && Reader(outline).s16(0) < 0;
    };
    Shape shape = Shape::drawn_whole;
    try {
        Reader glyph(outlines_.of(r, g));
        if (is_composite(g))
            for (std::size_t at : sfnt::components(glyph)) {
                std::uint32_t part = glyph.u16(at + 2);
                if (part >= advances_.size())
                    shape = Shape::broken;
                else if (shape == Shape::drawn_whole && is_composite(part))
                    shape = Shape::flattened;
            }
        if (shape == Shape::flattened && !sfnt::flattened_composite(r, outlines_, g))
            shape = Shape::broken;
    } catch (const std::runtime_error&) {
        shape = Shape::broken;
    }
    glyph_shape_[g].store(shape, std::memory_order_relaxed);
    return shape;
}

void CharacterMap::add(char32_t cp, std::uint16_t glyph) {
    if (cp > 0x10FFFF) return;
    std::uint16_t& page = page_of_[cp >> 8];
    if (!page) {
        pages_.emplace_back().fill(0);
        page = static_cast<std::uint16_t>(pages_.size());
    }
    std::uint16_t& slot = pages_[page - 1][cp & 0xFF];
    if (!slot) slot = glyph;
}

std::uint16_t FontFace::glyph(char32_t cp) const {
    return cmap_.glyph(cp);
}

bool FontFace::covers(char32_t cp) const {
    std::uint16_t g = glyph(cp);
    return g != 0 && cp <= 0xFFFF && shape(g) != Shape::broken;
}

int FontFace::kerning(char32_t left, char32_t right) const {
    if (kerning_.empty()) return 0;
    auto it = kerning_.find((static_cast<std::uint32_t>(glyph(left)) << 16) | glyph(right));
    return it == kerning_.end() ? 0 : it->second * 1000 / units_per_em_;
}

int FontFace::advance(char32_t cp) const {
    std::uint16_t g = glyph(cp);
    if (g >= advances_.size()) return 0;
    return static_cast<int>(static_cast<std::uint32_t>(advances_[g]) * 1000 /
                            static_cast<std::uint32_t>(units_per_em_));
}

} // namespace factpress
