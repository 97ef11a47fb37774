#include "output/pdf_document.hpp"

#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

#include <algorithm>

#include <fmt/format.h>

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

std::vector<std::uint8_t> PdfDocument::save() {
    check_status(HPDF_SaveToStream(get()), "saving the document");
    // Taken from the memory stream's buffers: HPDF_ReadFromStream copies a byte at a time.
    HPDF_Stream stream = get()->stream;
    std::vector<std::uint8_t> bytes;
    bytes.reserve(HPDF_GetStreamSize(get()));
    for (HPDF_UINT i = 0, count = HPDF_MemStream_GetBufCount(stream); i < count; ++i) {
        HPDF_UINT length = 0;
        const HPDF_BYTE* buffer = HPDF_MemStream_GetBufPtr(stream, i, &length);
        check(buffer, "reading the saved document");
        bytes.insert(bytes.end(), buffer, buffer + length);
    }
    if (bytes.size() != HPDF_GetStreamSize(get()))
        throw PdfError("the saved document is not the size libharu gives");
    return bytes;
}

} // namespace factpress
