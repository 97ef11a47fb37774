#include "output/sfnt.hpp"

#include <fmt/format.h>

namespace factpress::sfnt {

std::map<std::string, Table> table_directory(const Reader& r) {
    std::map<std::string, Table> tables;
    std::uint32_t version = r.u32(0);
    if (version != 0x00010000 && version != 0x74727565)
        throw std::runtime_error("not a TrueType font (no glyf outlines)");
    for (std::uint32_t i = 0, n = r.u16(4); i < n; ++i) {
        std::size_t record = 12 + 16 * i;
        std::string tag;
        for (int k = 0; k < 4; ++k)
            tag += static_cast<char>(r.u8(record + k));
        tables[tag] = {r.u32(record + 8), r.u32(record + 12)};
    }
    for (const char* needed : {"head", "hhea", "hmtx", "maxp", "cmap", "loca", "glyf"})
        if (!tables.contains(needed))
            throw std::runtime_error(fmt::format("the font has no '{}' table", needed));
    return tables;
}

std::string_view Outlines::of(const Reader& r, std::uint32_t g) const {
    std::size_t start = long_offsets ? r.u32(loca + 4 * g) : 2 * r.u16(loca + 2 * g);
    std::size_t end = long_offsets ? r.u32(loca + 4 * g + 4) : 2 * r.u16(loca + 2 * g + 2);
    if (end <= start) return {};
    return r.bytes(glyf + start, end - start);
}

Outlines outlines(const Reader& r, const std::map<std::string, Table>& tables) {
    Outlines o{tables.at("loca").offset, tables.at("glyf").offset,
               r.s16(tables.at("head").offset + 50) != 0};
    r.u16(o.loca); // both tables must be there
    r.u16(o.glyf);
    return o;
}

std::size_t component_end(const Reader& r, std::size_t at) {
    std::uint32_t flags = r.u16(at);
    std::size_t arguments = (flags & 0x1) ? 4 : 2;
    std::size_t transform = (flags & 0x8) ? 2 : (flags & 0x40) ? 4 : (flags & 0x80) ? 8 : 0;
    return at + 4 + arguments + transform;
}

std::vector<std::size_t> components(const Reader& r) {
    std::vector<std::size_t> starts;
    for (std::size_t at = 10;; at = component_end(r, at)) {
        r.u16(at + 2); // the glyph index is there
        starts.push_back(at);
        if (!(r.u16(at) & 0x20)) break; // MORE_COMPONENTS
    }
    return starts;
}

} // namespace factpress::sfnt
