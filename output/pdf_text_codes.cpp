#include "output/pdf_text_codes.hpp"
#include "pipeline/utf8.hpp"

#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <fmt/format.h>

#include <utf8proc.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace factpress {
namespace {

// The k-th code: both bytes in 1..255.
std::uint16_t nth_code(std::size_t k) {
    return static_cast<std::uint16_t>((1 + k / 255) << 8 | (1 + k % 255));
}

std::string utf16_hex(char32_t c) {
    std::string hex;
    for (char16_t unit : utf8::utf16(c))
        hex += fmt::format("{:04X}", static_cast<unsigned>(unit));
    return hex;
}

// Arabic joining forms and ligatures: what shaping draws, never what an author writes.
bool is_presentation_form(char32_t c) {
    return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC);
}

// What copying or searching a drawn character should give, in UTF-16 hex. A joining form gives
// the letter it shows (NFKC: U+FEE3 MEEM INITIAL FORM is U+0645 MEEM), so text copied from the
// PDF is searchable and spell-checkable as typed. A ligature of several letters (LAM-ALEF) stays
// one character: extractors disagree on the order of a glyph's several characters in
// right-to-left text (poppler reverses them, pdfminer does not), and search folds it anyway.
std::string copied_as(char32_t c) {
    if (!is_presentation_form(c)) return utf16_hex(c);
    std::string drawn;
    utf8::append(drawn, c);
    utf8proc_uint8_t* folded = nullptr;
    utf8proc_ssize_t length =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(drawn.data()),
                     static_cast<utf8proc_ssize_t>(drawn.size()), &folded,
                     utf8proc_option_t(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(folded, &std::free);
    std::u32string letters =
        length > 0 ? utf8::decode({reinterpret_cast<const char*>(folded), std::size_t(length)})
                   : std::u32string();
    return utf16_hex(letters.size() == 1 ? letters[0] : c);
}

// A code's first byte leads, its second trails: libharu walks our strings two bytes at a time.
HPDF_BOOL always(HPDF_Encoder, HPDF_BYTE) {
    return HPDF_TRUE;
}

HPDF_STATUS init_identity_h(HPDF_Encoder encoder) {
    HPDF_STATUS status = HPDF_CMapEncoder_InitAttr(encoder);
    if (status != HPDF_OK) return status;
    if (HPDF_CMapEncoder_AddCodeSpaceRange(encoder, HPDF_CidRange_Rec{0x0000, 0xFFFF, 0}) !=
        HPDF_OK)
        return encoder->error->error_no;
    auto* attr = static_cast<HPDF_CMapEncoderAttr>(encoder->attr);
    attr->is_lead_byte_fn = always;
    attr->is_trial_byte_fn = always;
    // libharu writes "/Encoding /Identity-H" for this ordering, and a ToUnicode we replace.
    std::snprintf(attr->registry, sizeof attr->registry, "Adobe");
    std::snprintf(attr->ordering, sizeof attr->ordering, "Identity-H");
    attr->suppliment = 0;
    attr->writing_mode = HPDF_WMODE_HORIZONTAL;
    encoder->type = HPDF_ENCODER_TYPE_DOUBLE_BYTE;
    return HPDF_OK;
}

// The character whose glyph draws `c`: a zero-width non-joiner takes the zero-width space's,
// which fonts leave blank (theirs has a mark in it, Noto's a bar), so that copied text keeps
// the non-joiner without it being seen.
char32_t glyph_character(char32_t c) {
    return c == zero_width_non_joiner ? zero_width_space : c;
}

// Both tables are indexed [low byte][high byte] of the code (HPDF_CMapEncoder_ToCID).
void set_code(HPDF_CMapEncoderAttr attr, std::uint16_t code, char32_t character) {
    std::uint8_t low = code & 0xFF, high = code >> 8;
    attr->cid_map[low][high] = code;
    attr->unicode_map[low][high] =
        static_cast<HPDF_UNICODE>(character < 0x10000 ? character : 0xFFFD);
}

} // namespace

TextCodes::TextCodes(const std::set<char32_t>& characters) {
    if (characters.size() > 255 * 255)
        throw std::length_error("a document uses more than 65,025 distinct characters");
    entries_.reserve(characters.size());
    for (char32_t c : characters)
        entries_.push_back({nth_code(entries_.size()), c});
}

std::uint16_t TextCodes::code(char32_t c) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), c,
                               [](const Entry& e, char32_t v) { return e.character < v; });
    if (it == entries_.end() || it->character != c)
        throw std::logic_error(fmt::format("U+{:04X} has no PDF text code", std::uint32_t(c)));
    return it->code;
}

std::string TextCodes::encode(std::string_view utf8) const {
    std::string out;
    out.reserve(utf8.size() * 2);
    for (std::size_t pos = 0; pos < utf8.size();) {
        std::uint16_t c = code(utf8::next(utf8, pos));
        out += static_cast<char>(c >> 8);
        out += static_cast<char>(c & 0xFF);
    }
    return out;
}

std::string TextCodes::to_unicode_cmap(const std::set<char32_t>& characters) const {
    // Runs of consecutive codes for consecutive BMP characters become one bfrange line; a run
    // never crosses a change of the first byte, as the CMap format requires.
    std::vector<std::string> ranges, singles;
    std::vector<Entry> run;
    auto flush = [&] {
        if (run.size() > 1)
            ranges.push_back(fmt::format("<{:04X}> <{:04X}> <{}>", run.front().code,
                                         run.back().code, utf16_hex(run.front().character)));
        else if (run.size() == 1)
            singles.push_back(
                fmt::format("<{:04X}> <{}>", run.front().code, copied_as(run.front().character)));
        run.clear();
    };
    for (char32_t c : characters) {
        Entry e{code(c), c};
        bool continues = !run.empty() && e.code == run.back().code + 1 &&
                         e.character == run.back().character + 1 && e.character < 0x10000 &&
                         !is_presentation_form(e.character) &&
                         !is_presentation_form(run.back().character) &&
                         (e.code >> 8) == (run.back().code >> 8);
        if (!continues) flush();
        run.push_back(e);
    }
    flush();

    std::string cmap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                       "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                       "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                       "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    // At most 100 lines per block.
    auto blocks = [&cmap](const std::vector<std::string>& lines, const char* kind) {
        for (std::size_t i = 0; i < lines.size(); i += 100) {
            std::size_t n = std::min<std::size_t>(100, lines.size() - i);
            cmap += fmt::format("{} begin{}\n", n, kind);
            for (std::size_t j = i; j < i + n; ++j)
                cmap += lines[j] + '\n';
            cmap += fmt::format("end{}\n", kind);
        }
    };
    blocks(ranges, "bfrange");
    blocks(singles, "bfchar");
    cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return cmap;
}

HPDF_Encoder register_text_codes(HPDF_Doc doc, const char* name, const TextCodes& codes) {
    HPDF_Encoder encoder =
        HPDF_CMapEncoder_New(doc->mmgr, const_cast<char*>(name), init_identity_h);
    if (!encoder || HPDF_Doc_RegisterEncoder(doc, encoder) != HPDF_OK) return nullptr;
    encoder = HPDF_GetEncoder(doc, name); // runs init_identity_h
    if (!encoder) return nullptr;
    auto* attr = static_cast<HPDF_CMapEncoderAttr>(encoder->attr);
    for (const auto& e : codes.entries())
        set_code(attr, e.code, glyph_character(e.character));
    // libharu stops one short of the highest CID when it writes a font's widths and its
    // CIDToGIDMap (`i < max`); one more code, never drawn, keeps the last character's entries.
    set_code(attr, nth_code(codes.entries().size()), 0);
    return encoder;
}

void replace_to_unicode(HPDF_Font font, const std::string& cmap) {
    HPDF_Dict stream = static_cast<HPDF_FontAttr>(font->attr)->cmap_stream;
    if (!stream) return;
    HPDF_MemStream_FreeData(stream->stream);
    HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                      static_cast<HPDF_UINT>(cmap.size()));
    // What made it an encoding CMap; a ToUnicode stream needs none of it.
    for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"})
        HPDF_Dict_RemoveElement(stream, key);
}

} // namespace factpress
