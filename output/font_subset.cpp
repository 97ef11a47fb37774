#include "output/font_subset.hpp"
#include "output/sfnt.hpp"

#include <bit>
#include <map>
#include <optional>
#include <stdexcept>
#include <vector>

namespace factpress {
namespace {

using sfnt::Reader;

class Writer {
  public:
    void u16(std::uint32_t v) {
        out_ += static_cast<char>((v >> 8) & 0xFF);
        out_ += static_cast<char>(v & 0xFF);
    }
    void u32(std::uint32_t v) { u16(v >> 16), u16(v & 0xFFFF); }
    void bytes(std::string_view b) { out_ += b; }
    std::string take() { return std::move(out_); }

  private:
    std::string out_;
};

void put_u16(std::string& s, std::size_t at, std::uint32_t v) {
    s[at] = static_cast<char>((v >> 8) & 0xFF);
    s[at + 1] = static_cast<char>(v & 0xFF);
}

void put_u32(std::string& s, std::size_t at, std::uint32_t v) {
    put_u16(s, at, v >> 16);
    put_u16(s, at + 2, v & 0xFFFF);
}

std::uint32_t checksum(std::string_view table) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < table.size(); i += 4) {
        std::uint32_t word = 0;
        for (std::size_t k = 0; k < 4; ++k)
            word =
                (word << 8) | (i + k < table.size() ? static_cast<unsigned char>(table[i + k]) : 0);
        sum += word;
    }
    return sum;
}

// The source font: its tables and where each glyph's data is.
class Source {
  public:
    explicit Source(std::string_view data)
        : r_(data), tables_(sfnt::table_directory(r_)), outlines_(sfnt::outlines(r_, tables_)) {
        glyphs_ = r_.u16(at("maxp") + 4);
        metrics_ = r_.u16(at("hhea") + 34);
        if (metrics_ == 0 || glyphs_ == 0) throw std::runtime_error("no glyphs or no metrics");
    }
    const Reader& reader() const { return r_; }
    std::size_t at(const std::string& tag) const { return tables_.at(tag).offset; }
    std::string_view table(const std::string& tag) const {
        auto it = tables_.find(tag);
        if (it == tables_.end()) return {};
        return r_.bytes(it->second.offset, it->second.length);
    }
    std::uint32_t glyph_count() const { return glyphs_; }
    std::string_view glyph(std::uint32_t g) const { return outlines_.of(r_, g); }
    // A nested composite with its components' components in their place (see sfnt.hpp).
    std::string flattened(std::uint32_t g) const {
        std::optional<std::string> flat = sfnt::flattened_composite(r_, outlines_, g);
        if (!flat) throw std::runtime_error("a nested composite that cannot be flattened");
        return std::move(*flat);
    }
    // Advance width and left side bearing.
    std::pair<std::uint32_t, std::uint32_t> metrics(std::uint32_t g) const {
        std::size_t hmtx = at("hmtx");
        if (g < metrics_) return {r_.u16(hmtx + 4 * g), r_.u16(hmtx + 4 * g + 2)};
        return {r_.u16(hmtx + 4 * (metrics_ - 1)),
                r_.u16(hmtx + 4 * metrics_ + 2 * (g - metrics_))};
    }

  private:
    Reader r_;
    std::map<std::string, sfnt::Table> tables_;
    sfnt::Outlines outlines_;
    std::uint32_t glyphs_ = 0, metrics_ = 0;
};

// The glyphs to keep, ascending: .notdef, those of the code points, and the parts of composites.
std::vector<std::uint16_t> kept_glyphs(const Source& source, const FontFace& face,
                                       const std::set<char32_t>& code_points) {
    std::vector<bool> keep(source.glyph_count());
    std::vector<std::uint16_t> pending{0};
    keep[0] = true;
    for (char32_t cp : code_points)
        if (std::uint16_t g = face.glyph(cp); g < keep.size() && !keep[g])
            keep[g] = true, pending.push_back(g);
    while (!pending.empty()) {
        Reader glyph(source.glyph(pending.back()));
        pending.pop_back();
        if (glyph.size() == 0 || glyph.s16(0) >= 0) continue; // no outline, or a simple one
        for (std::size_t at : sfnt::components(glyph))
            if (std::uint32_t part = glyph.u16(at + 2); part < keep.size() && !keep[part])
                keep[part] = true, pending.push_back(static_cast<std::uint16_t>(part));
    }
    std::vector<std::uint16_t> kept;
    for (std::size_t g = 0; g < keep.size(); ++g)
        if (keep[g]) kept.push_back(static_cast<std::uint16_t>(g));
    return kept;
}

// The bytes of a simple glyph's flags and coordinates from `at`, for `points` points: without the
// padding that follows (up to 3 bytes in the source font, which readers take for excess data).
std::size_t simple_outline_length(const Reader& r, std::size_t at, std::size_t points) {
    std::size_t length = 0, x_bytes = 0, y_bytes = 0;
    for (std::size_t point = 0; point < points;) {
        std::uint32_t flag = r.u8(at + length++);
        std::size_t repeat = 1;
        if (flag & 0x08) repeat += r.u8(at + length++);                  // REPEAT_FLAG
        x_bytes += repeat * ((flag & 0x02) ? 1 : (flag & 0x10) ? 0 : 2); // short, or same
        y_bytes += repeat * ((flag & 0x04) ? 1 : (flag & 0x20) ? 0 : 2);
        point += repeat;
    }
    length += x_bytes + y_bytes;
    r.bytes(at, length); // all there
    return length;
}

// A glyph without its hinting instructions, its components renumbered.
std::string rewrite_glyph(std::string_view data, const std::vector<std::uint16_t>& new_id) {
    if (data.empty()) return {};
    Reader r(data);
    std::int32_t contours = r.s16(0);
    if (contours >= 0) {
        std::size_t instructions = 10 + 2 * static_cast<std::size_t>(contours);
        std::size_t points = contours ? r.u16(instructions - 2) + 1 : 0;
        std::size_t flags = instructions + 2 + r.u16(instructions);
        std::string out(data.substr(0, instructions));
        out += std::string(2, '\0');
        out += data.substr(flags, simple_outline_length(r, flags, points));
        return out;
    }
    std::string out(data);
    std::size_t end = 10;
    for (std::size_t at : sfnt::components(r)) {
        put_u16(out, at, r.u16(at) & ~0x0100u); // WE_HAVE_INSTRUCTIONS: none are kept
        put_u16(out, at + 2, new_id.at(r.u16(at + 2)));
        end = sfnt::component_end(r, at);
    }
    out.resize(end); // the instructions follow the last component
    return out;
}

std::string character_map(const FontFace& face, const std::set<char32_t>& code_points,
                          const std::vector<std::uint16_t>& new_id) {
    // Segments of code points whose glyphs run in step with them (one delta each).
    struct Segment {
        std::uint32_t start, end, delta;
    };
    std::vector<Segment> segments;
    for (char32_t cp : code_points) {
        std::uint16_t old = face.glyph(cp);
        if (cp >= 0xFFFF || old == 0 || old >= new_id.size()) continue;
        std::uint32_t delta = (new_id[old] - cp) & 0xFFFF;
        if (!segments.empty() && segments.back().end + 1 == cp && segments.back().delta == delta)
            segments.back().end = cp;
        else
            segments.push_back({cp, cp, delta});
    }
    segments.push_back({0xFFFF, 0xFFFF, 1});
    std::size_t count = segments.size();
    std::size_t length = 16 + 8 * count;
    if (length > 0xFFFF) throw std::runtime_error("too many characters for one format 4 map");
    std::uint32_t range = 2 * std::bit_floor(count);
    Writer w;
    w.u16(0), w.u16(1);            // version, one subtable
    w.u16(3), w.u16(1), w.u32(12); // Windows, Unicode BMP
    w.u16(4), w.u16(static_cast<std::uint32_t>(length)), w.u16(0);
    w.u16(static_cast<std::uint32_t>(2 * count)), w.u16(range);
    w.u16(static_cast<std::uint32_t>(std::countr_zero(range / 2)));
    w.u16(static_cast<std::uint32_t>(2 * count - range));
    for (const Segment& s : segments)
        w.u16(s.end);
    w.u16(0);
    for (const Segment& s : segments)
        w.u16(s.start);
    for (const Segment& s : segments)
        w.u16(s.delta);
    for (std::size_t i = 0; i < count; ++i)
        w.u16(0);
    return w.take();
}

// The name table's records 0 to 6 (copyright to PostScript name) in US English for Windows, which
// libharu reads: the rest is license text, descriptions and translations, of no use in a PDF. A
// font without such records keeps records 0 to 6 in every language.
std::string names(const Source& source) {
    const Reader& r = source.reader();
    std::size_t name = source.at("name");
    std::size_t storage = name + r.u16(name + 4);
    struct Record {
        std::uint32_t platform, encoding, language, id;
        std::string_view text;
    };
    std::vector<Record> all, english;
    for (std::uint32_t i = 0, n = r.u16(name + 2); i < n; ++i) {
        std::size_t at = name + 6 + 12 * i;
        Record record{r.u16(at), r.u16(at + 2), r.u16(at + 4), r.u16(at + 6), {}};
        if (record.id > 6 || record.language >= 0x8000) continue; // or a language tag's
        record.text = r.bytes(storage + r.u16(at + 10), r.u16(at + 8));
        all.push_back(record);
        if (record.platform == 3 && record.language == 0x0409) english.push_back(record);
    }
    const std::vector<Record>& kept = english.empty() ? all : english;
    Writer w;
    w.u16(0), w.u16(static_cast<std::uint32_t>(kept.size()));
    w.u16(static_cast<std::uint32_t>(6 + 12 * kept.size()));
    std::uint32_t offset = 0;
    for (const Record& k : kept) {
        w.u16(k.platform), w.u16(k.encoding), w.u16(k.language), w.u16(k.id);
        w.u16(static_cast<std::uint32_t>(k.text.size())), w.u16(offset);
        offset += static_cast<std::uint32_t>(k.text.size());
        if (offset > 0xFFFF) throw std::runtime_error("names too long");
    }
    for (const Record& k : kept)
        w.bytes(k.text);
    return w.take();
}

// PostScript data without glyph names (version 3): a PDF names no glyph.
std::string postscript(const Source& source) {
    std::string post(source.table("post").substr(0, 32));
    post.resize(32, '\0');
    put_u32(post, 0, 0x00030000);
    return post;
}

std::string assemble(std::map<std::string, std::string> tables) {
    const std::size_t count = tables.size();
    std::uint32_t range = 16 * std::bit_floor(count);
    Writer w;
    w.u32(0x00010000), w.u16(static_cast<std::uint32_t>(count)), w.u16(range);
    w.u16(static_cast<std::uint32_t>(std::countr_zero(range / 16)));
    w.u16(static_cast<std::uint32_t>(16 * count - range));
    std::size_t offset = 12 + 16 * count;
    for (const auto& [tag, data] : tables) {
        w.bytes(tag), w.u32(checksum(data)), w.u32(static_cast<std::uint32_t>(offset));
        w.u32(static_cast<std::uint32_t>(data.size()));
        offset += (data.size() + 3) & ~std::size_t{3};
    }
    std::size_t head = 0;
    std::string font = w.take();
    for (auto& [tag, data] : tables) {
        if (tag == "head") head = font.size();
        font += data;
        font.resize((font.size() + 3) & ~std::size_t{3}, '\0');
    }
    put_u32(font, head + 8, 0xB1B0AFBA - checksum(font));
    return font;
}

} // namespace

std::string subset_font(const FontFace& face, const std::set<char32_t>& code_points) {
    try {
        Source source(face.data());
        std::vector<std::uint16_t> kept = kept_glyphs(source, face, code_points);
        std::vector<std::uint16_t> new_id(source.glyph_count());
        for (std::size_t k = 0; k < kept.size(); ++k)
            new_id[kept[k]] = static_cast<std::uint16_t>(k);

        Writer hmtx;
        std::string outlines;
        std::vector<std::uint32_t> offsets;
        for (std::uint16_t g : kept) {
            offsets.push_back(static_cast<std::uint32_t>(outlines.size()));
            outlines += face.needs_flattening(g) ? rewrite_glyph(source.flattened(g), new_id)
                                                 : rewrite_glyph(source.glyph(g), new_id);
            // Even offsets, so that short ones (stored halved) can hold them.
            outlines.resize((outlines.size() + 1) & ~std::size_t{1}, '\0');
            auto [advance, bearing] = source.metrics(g);
            hmtx.u16(advance), hmtx.u16(bearing);
        }
        offsets.push_back(static_cast<std::uint32_t>(outlines.size()));
        const bool short_offsets = outlines.size() <= 2 * 0xFFFF;
        Writer loca;
        for (std::uint32_t offset : offsets)
            short_offsets ? loca.u16(offset / 2) : loca.u32(offset);
        const auto glyphs = static_cast<std::uint32_t>(kept.size());

        std::map<std::string, std::string> tables;
        tables["glyf"] = std::move(outlines);
        tables["loca"] = loca.take();
        tables["hmtx"] = hmtx.take();
        tables["cmap"] = character_map(face, code_points, new_id);
        std::string head(source.table("head").substr(0, 54));
        if (head.size() < 54) throw std::runtime_error("short head table");
        put_u32(head, 8, 0); // checkSumAdjustment, set over the whole font at the end
        put_u16(head, 50, short_offsets ? 0 : 1); // indexToLocFormat
        tables["head"] = std::move(head);
        std::string hhea(source.table("hhea").substr(0, 36));
        if (hhea.size() < 36) throw std::runtime_error("short hhea table");
        put_u16(hhea, 34, glyphs);
        tables["hhea"] = std::move(hhea);
        std::string maxp(source.table("maxp"));
        if (maxp.size() < 6) throw std::runtime_error("short maxp table");
        put_u16(maxp, 4, glyphs);
        if (maxp.size() >= 28) put_u16(maxp, 26, 0); // maxSizeOfInstructions
        tables["maxp"] = std::move(maxp);
        if (!source.table("name").empty()) tables["name"] = names(source);
        if (!source.table("OS/2").empty()) tables["OS/2"] = std::string(source.table("OS/2"));
        tables["post"] = postscript(source);
        return assemble(std::move(tables));
    } catch (const std::exception&) {
        return {}; // out_of_range too: a component naming a glyph past the font's count
    }
}

} // namespace factpress
