#include "output/pdf_document.hpp"

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
    std::vector<std::uint8_t> bytes(HPDF_GetStreamSize(get()));
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
    HPDF_STATUS status = HPDF_ReadFromStream(get(), bytes.data(), &size);
    if (status != HPDF_OK && status != HPDF_STREAM_EOF)
        check_status(status, "reading the saved document");
    bytes.resize(size);
    return bytes;
}

} // namespace factpress
