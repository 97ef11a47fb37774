#include "output/pdf_document.hpp"

#include <hpdf_doc.h>
#include <hpdf_streams.h>

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
