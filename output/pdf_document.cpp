#include "output/pdf_document.hpp"
#include "output/libharu_deflate.hpp"

#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_list.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>

#include <fmt/format.h>

// libharu 2.3.0's memory streams cannot seek to their very end when it falls on a buffer boundary:
// the seek looks up a buffer not yet allocated and fails with HPDF_INVALID_OBJECT. Saving a font
// does exactly that when the tables before an empty last one ('prep', absent from subsets and
// from many fonts) fill whole 4 KiB buffers: the document fails. libharu takes this function's
// address through its GOT, so this definition takes the place of its own. It is libharu's, but
// the end of the stream is a valid position to read from (reads there find the end of file).
extern "C" HPDF_STATUS HPDF_MemStream_SeekFunc(HPDF_Stream stream, HPDF_INT pos,
                                               HPDF_WhenceMode mode) {
    auto* attr = static_cast<HPDF_MemStreamAttr>(stream->attr);
    if (mode == HPDF_SEEK_CUR)
        pos += static_cast<HPDF_INT>(attr->r_ptr_idx * attr->buf_siz + attr->r_pos);
    else if (mode == HPDF_SEEK_END)
        pos = static_cast<HPDF_INT>(stream->size) - pos;
    if (pos < 0 || pos > static_cast<HPDF_INT>(stream->size))
        return HPDF_SetError(stream->error, HPDF_STREAM_EOF, 0);
    if (stream->size == 0) return HPDF_OK;
    auto at = static_cast<HPDF_UINT>(pos);
    attr->r_ptr_idx = at / attr->buf_siz;
    attr->r_pos = at % attr->buf_siz;
    attr->r_ptr = static_cast<HPDF_BYTE*>(HPDF_List_ItemAt(attr->buf, attr->r_ptr_idx));
    if (attr->r_ptr) {
        attr->r_ptr += attr->r_pos;
    } else if (at != stream->size) {
        return HPDF_SetError(stream->error, HPDF_INVALID_OBJECT, 0);
    }
    return HPDF_OK;
}

namespace factpress {

void HPDF_STDCALL PdfDocument::record_error(HPDF_STATUS error, HPDF_STATUS detail, void* state) {
    auto* errors = static_cast<ErrorState*>(state);
    if (errors->error == HPDF_OK) errors->error = error, errors->detail = detail;
}

PdfDocument::PdfDocument()
    : errors_(std::make_unique<ErrorState>()), doc_(HPDF_New(&record_error, errors_.get())) {
    if (!doc_) throw PdfError("libharu could not create a document");
}

void PdfDocument::check(const char* what) const {
    if (errors_->error == HPDF_OK) return;
    auto error = errors_->error, detail = errors_->detail;
    throw PdfError(fmt::format("libharu error 0x{:04X} (detail {}) in {}",
                               static_cast<unsigned>(error), static_cast<unsigned>(detail), what));
}

const char* PdfDocument::load_truetype(std::string_view bytes) {
    HPDF_Doc doc = get();
    // One buffer holding the whole font (libharu seeks around in it while reading the tables).
    HPDF_Stream stream = HPDF_MemStream_New(
        doc->mmgr, static_cast<HPDF_UINT>(std::max<std::size_t>(bytes.size(), 4096)));
    if (!stream) return nullptr;
    if (HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                          static_cast<HPDF_UINT>(bytes.size())) != HPDF_OK) {
        HPDF_Stream_Free(stream);
        return nullptr;
    }
    HPDF_FontDef font = HPDF_TTFontDef_Load(doc->mmgr, stream, HPDF_TRUE); // owns the stream
    if (!font) return nullptr;
    // The subset tag of the font's PostScript name, the next in libharu's own sequence (HPDFAA,
    // HPDFAB, ...): six capitals unique within the document.
    if (doc->ttfont_tag[0] == 0) {
        std::copy_n("HPDFAA", 6, doc->ttfont_tag);
    } else {
        for (int i = 5; i >= 0 && ++doc->ttfont_tag[i] > 'Z'; --i)
            doc->ttfont_tag[i] = 'A';
    }
    HPDF_TTFontDef_SetTagName(font, reinterpret_cast<char*>(doc->ttfont_tag));
    if (HPDF_Doc_RegisterFontDef(doc, font) != HPDF_OK) return nullptr; // frees the font
    return font->base_font;
}

void PdfDocument::set_reading(std::string_view language, bool right_to_left) {
    HPDF_Doc doc = get();
    HPDF_Dict preferences = check(HPDF_Dict_New(doc->mmgr), "viewer preferences");
    check_status(HPDF_Dict_Add(doc->catalog, "ViewerPreferences", preferences),
                 "viewer preferences");
    check_status(HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE), "the title");
    check_status(HPDF_Dict_AddName(preferences, "PrintScaling", "None"), "print scaling");
    if (right_to_left)
        check_status(HPDF_Dict_AddName(preferences, "Direction", "R2L"), "the direction");
    if (!language.empty()) {
        std::string tag(language);
        HPDF_String lang = check(HPDF_String_New(doc->mmgr, tag.c_str(), nullptr), "the language");
        check_status(HPDF_Dict_Add(doc->catalog, "Lang", lang), "the language");
    }
    doc->pdf_version = std::max(doc->pdf_version, HPDF_VER_16); // for PrintScaling
}

void PdfDocument::set_metadata(std::string_view xmp) {
    HPDF_Doc doc = get();
    HPDF_Dict metadata = check(HPDF_DictStream_New(doc->mmgr, doc->xref), "the XMP metadata");
    check_status(HPDF_Dict_AddName(metadata, "Type", "Metadata"), "the XMP metadata");
    check_status(HPDF_Dict_AddName(metadata, "Subtype", "XML"), "the XMP metadata");
    check_status(HPDF_Stream_Write(metadata->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()),
                                   static_cast<HPDF_UINT>(xmp.size())),
                 "the XMP metadata");
    check_status(HPDF_Dict_Add(doc->catalog, "Metadata", metadata), "the XMP metadata");
}

void PdfDocument::set_row_filters(HPDF_Image image, int channels, int bits, int width) {
    HPDF_Dict parameters = check(HPDF_Dict_New(get()->mmgr), "an image's decoding");
    check_status(HPDF_Dict_AddNumber(parameters, "Predictor", 15), "an image's decoding");
    check_status(HPDF_Dict_AddNumber(parameters, "Colors", channels), "an image's decoding");
    check_status(HPDF_Dict_AddNumber(parameters, "BitsPerComponent", bits), "an image's decoding");
    check_status(HPDF_Dict_AddNumber(parameters, "Columns", width), "an image's decoding");
    // One parameter dictionary for the one filter of the /Filter array libharu writes.
    HPDF_Array per_filter = check(HPDF_Array_New(get()->mmgr), "an image's decoding");
    check_status(HPDF_Dict_Add(image, "DecodeParms", per_filter), "an image's decoding");
    check_status(HPDF_Array_Add(per_filter, parameters), "an image's decoding");
}

void PdfDocument::set_palette(HPDF_Image image, std::span<const std::uint8_t> palette,
                              std::span<const std::uint8_t> profile) {
    HPDF_MMgr memory = get()->mmgr;
    HPDF_Array space = check(HPDF_Array_New(memory), "an image's palette");
    check_status(HPDF_Dict_Add(image, "ColorSpace", space), "an image's palette"); // was grey
    check_status(HPDF_Array_AddName(space, "Indexed"), "an image's palette");
    check_status(HPDF_Array_Add(space, colour_space(3, profile)), "an image's palette");
    check_status(HPDF_Array_AddNumber(space, static_cast<HPDF_INT32>(palette.size() / 3) - 1),
                 "an image's palette");
    std::vector<HPDF_BYTE> lookup(palette.begin(), palette.end());
    HPDF_Binary table =
        check(HPDF_Binary_New(memory, lookup.data(), static_cast<HPDF_UINT>(lookup.size())),
              "an image's palette");
    check_status(HPDF_Array_Add(space, table), "an image's palette");
}

HPDF_Image PdfDocument::load_deflated(const Image& source) {
    if (!source.palette.empty()) {
        HPDF_Image image =
            load_stream(source.deflated, source.width, source.height, 1, source.bits);
        set_palette(image, source.palette, source.colour_profile);
        return image;
    }
    return load_stream(source.deflated, source.width, source.height, source.channels, source.bits,
                       source.colour_profile);
}

HPDF_Image PdfDocument::load_soft_mask(const Image& source) {
    return load_stream(source.alpha_deflated, source.width, source.height, 1, 8);
}

HPDF_Image PdfDocument::load_stream(std::span<const std::uint8_t> deflated, int width, int height,
                                    int channels, int bits, std::span<const std::uint8_t> profile) {
    // As libharu makes an image (HPDF_Image_LoadRawImageFromMem), its stream written as it is.
    HPDF_Doc doc = get();
    const char* what = "loading an image";
    HPDF_Image image = check(HPDF_DictStream_New(doc->mmgr, doc->xref), what);
    image->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
    check_status(HPDF_Dict_AddName(image, "Type", "XObject"), what);
    check_status(HPDF_Dict_AddName(image, "Subtype", "Image"), what);
    check_status(HPDF_Dict_AddNumber(image, "Width", width), what);
    check_status(HPDF_Dict_AddNumber(image, "Height", height), what);
    check_status(HPDF_Dict_AddNumber(image, "BitsPerComponent", bits), what);
    check_status(HPDF_Dict_Add(image, "ColorSpace", colour_space(channels, profile)), what);
    check_status(
        HPDF_Stream_Write(image->stream, deflated.data(), static_cast<HPDF_UINT>(deflated.size())),
        what);
    image->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    deflated_.streams.push_back(image->stream);
    mark_deflated(image->stream);
    set_row_filters(image, channels, bits, width);
    return image;
}

void PdfDocument::set_jpeg_colours(HPDF_Image image, const Image& source) {
    bool inverted = HPDF_Dict_GetItem(image, "Decode", HPDF_OCLASS_ARRAY) != nullptr;
    if (inverted && !source.inverted_inks)
        check_status(HPDF_Dict_RemoveElement(image, "Decode"), "an image's colours");
    if (!source.colour_profile.empty())
        check_status(HPDF_Dict_Add(image, "ColorSpace",
                                   colour_space(source.channels, source.colour_profile)),
                     "an image's colours");
}

void* PdfDocument::colour_space(int channels, std::span<const std::uint8_t> profile) {
    HPDF_Doc doc = get();
    const char* what = "an image's colours";
    const char* device = channels == 1 ? "DeviceGray" : channels == 3 ? "DeviceRGB" : "DeviceCMYK";
    if (profile.empty()) return check(HPDF_Name_New(doc->mmgr, device), what);
    auto known = std::find_if(profiles_.begin(), profiles_.end(), [&](const auto& entry) {
        return std::equal(entry.first.begin(), entry.first.end(), profile.begin(), profile.end());
    });
    if (known == profiles_.end()) {
        HPDF_Dict stream = check(HPDF_DictStream_New(doc->mmgr, doc->xref), what);
        check_status(HPDF_Dict_AddNumber(stream, "N", channels), what);
        check_status(HPDF_Dict_AddName(stream, "Alternate", device), what);
        check_status(HPDF_Stream_Write(stream->stream, profile.data(),
                                       static_cast<HPDF_UINT>(profile.size())),
                     what);
        stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        known = profiles_.emplace(
            profiles_.end(), std::vector<std::uint8_t>(profile.begin(), profile.end()), stream);
    }
    HPDF_Array space = check(HPDF_Array_New(doc->mmgr), what);
    check_status(HPDF_Array_AddName(space, "ICCBased"), what);
    check_status(HPDF_Array_Add(space, known->second), what);
    return space;
}

PdfDocument::DeflatedMarks::~DeflatedMarks() {
    for (HPDF_Stream stream : streams)
        unmark_deflated(stream);
}

void PdfDocument::set_trim_box(HPDF_Page page, double width, double height) {
    HPDF_Box box{0, 0, static_cast<HPDF_REAL>(width), static_cast<HPDF_REAL>(height)};
    HPDF_Array trim = check(HPDF_Box_Array_New(get()->mmgr, box), "the trim box");
    check_status(HPDF_Dict_Add(page, "TrimBox", trim), "the trim box");
}

void PdfDocument::write_operators(HPDF_Page page, std::string_view operators) {
    auto* attributes = static_cast<HPDF_PageAttr>(page->attr);
    check_status(HPDF_Stream_Write(attributes->stream,
                                   reinterpret_cast<const HPDF_BYTE*>(operators.data()),
                                   static_cast<HPDF_UINT>(operators.size())),
                 "marking content");
}

std::string PdfDocument::save() {
    check_status(HPDF_SaveToStream(get()), "saving the document");
    // Taken from the memory stream's buffers: HPDF_ReadFromStream copies a byte at a time.
    HPDF_Stream stream = get()->stream;
    std::string bytes;
    bytes.reserve(HPDF_GetStreamSize(get()));
    for (HPDF_UINT i = 0, count = HPDF_MemStream_GetBufCount(stream); i < count; ++i) {
        HPDF_UINT length = 0;
        const HPDF_BYTE* buffer = HPDF_MemStream_GetBufPtr(stream, i, &length);
        check(buffer, "reading the saved document");
        bytes.append(reinterpret_cast<const char*>(buffer), length);
    }
    if (bytes.size() != HPDF_GetStreamSize(get()))
        throw PdfError("the saved document is not the size libharu gives");
    return bytes;
}

} // namespace factpress
