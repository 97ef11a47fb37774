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

namespace {

constexpr std::uint32_t args_are_words = 0x1, args_are_xy = 0x2, more_components = 0x20,
                        any_transform = 0x8 | 0x40 | 0x80, has_instructions = 0x100,
                        use_my_metrics = 0x200, scaled_offset = 0x800;

struct Component {
    std::uint32_t flags = 0, glyph = 0;
    std::int32_t arg1 = 0, arg2 = 0; // an offset, or two point numbers
    std::string_view transform;
};

bool is_composite(std::string_view outline) {
    return outline.size() >= 10 && Reader(outline).s16(0) < 0;
}

// Appends glyph `g`'s components, flattened and moved by (dx, dy); false where that cannot be.
bool append_flattened(const Reader& font, const Outlines& outlines, std::uint32_t g,
                      std::int32_t dx, std::int32_t dy, int depth, std::vector<Component>& out) {
    if (depth > 8) return false;
    Reader glyph(outlines.of(font, g));
    for (std::size_t at : components(glyph)) {
        Component c{glyph.u16(at), glyph.u16(at + 2), 0, 0, {}};
        bool words = c.flags & args_are_words, xy = c.flags & args_are_xy;
        std::uint32_t a1 = words ? glyph.u16(at + 4) : glyph.u8(at + 4);
        std::uint32_t a2 = words ? glyph.u16(at + 6) : glyph.u8(at + 5);
        c.arg1 = !xy ? a1 : words ? static_cast<std::int16_t>(a1) : static_cast<std::int8_t>(a1);
        c.arg2 = !xy ? a2 : words ? static_cast<std::int16_t>(a2) : static_cast<std::int8_t>(a2);
        std::size_t transform = at + 4 + (words ? 4 : 2);
        c.transform = glyph.bytes(transform, component_end(glyph, at) - transform);
        bool moved = dx != 0 || dy != 0;
        if (is_composite(outlines.of(font, c.glyph))) {
            if (!xy || (c.flags & any_transform)) return false;
            if (!append_flattened(font, outlines, c.glyph, dx + c.arg1, dy + c.arg2, depth + 1,
                                  out))
                return false;
            continue;
        }
        if (depth > 0) {
            // Point numbers count from the start of the nested glyph, and a scaled offset would
            // scale the move too.
            if (!xy || (moved && (c.flags & any_transform) && (c.flags & scaled_offset)))
                return false;
            c.arg1 += dx, c.arg2 += dy;
            c.flags &= ~use_my_metrics; // the outer glyph's metrics stay its own
        }
        out.push_back(c);
    }
    return true;
}

void put_u16(std::string& out, std::uint32_t v) {
    out += static_cast<char>((v >> 8) & 0xFF);
    out += static_cast<char>(v & 0xFF);
}

} // namespace

std::optional<std::string> flattened_composite(const Reader& font, const Outlines& outlines,
                                               std::uint32_t g) {
    std::string_view outline = outlines.of(font, g);
    if (!is_composite(outline)) return std::nullopt;
    std::vector<Component> flat;
    if (!append_flattened(font, outlines, g, 0, 0, 0, flat)) return std::nullopt;
    std::string out(outline.substr(0, 10)); // contours (-1) and bounding box
    for (std::size_t i = 0; i < flat.size(); ++i) {
        const Component& c = flat[i];
        bool xy = c.flags & args_are_xy; // else point numbers, which are not moved
        if (xy && (c.arg1 < -32768 || c.arg1 > 32767 || c.arg2 < -32768 || c.arg2 > 32767))
            return std::nullopt;
        std::uint32_t flags = (c.flags & ~(more_components | has_instructions)) | args_are_words;
        put_u16(out, i + 1 < flat.size() ? flags | more_components : flags);
        put_u16(out, c.glyph);
        put_u16(out, static_cast<std::uint32_t>(c.arg1) & 0xFFFF);
        put_u16(out, static_cast<std::uint32_t>(c.arg2) & 0xFFFF);
        out += c.transform;
    }
    return out;
}

} // namespace factpress::sfnt
