// libharu wrapped once: an owning, move-only document whose error callback only records, and
// whose every call is checked afterwards and turned into a C++ exception.
#pragma once

#include "model/fact_sheet.hpp"

#include <hpdf.h>

#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace factpress {

struct PdfError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class PdfDocument {
  public:
    PdfDocument();
    PdfDocument(PdfDocument&&) noexcept = default;
    // Not assignable: the document replaced would be freed before its marked streams (see
    // deflated_) were unmarked.
    PdfDocument& operator=(PdfDocument&&) = delete;

    HPDF_Doc get() const { return doc_.get(); }

    // Throws PdfError naming `what` if libharu recorded an error (or `handle` is null).
    void check(const char* what) const;
    template <typename T> T check(T handle, const char* what) const {
        check(what);
        if (!handle) throw PdfError(std::string("libharu returned nothing for ") + what);
        return handle;
    }
    void check_status(HPDF_STATUS status, const char* what) const {
        check(what);
        if (status != HPDF_OK) throw PdfError(std::string("libharu failed in ") + what);
    }

    // Embeds the TrueType font `bytes` as HPDF_LoadTTFontFromFile embeds a file, and returns its
    // name for HPDF_GetFont (null on failure, with the error recorded). libharu 2.3.0 has no call
    // for a font in memory, and reads a file through stdio, a read and a seek per table.
    const char* load_truetype(std::string_view bytes);

    // How the document is read: its language (the catalog's /Lang, for screen readers and
    // search), the title shown instead of the file name, printing at 100% rather than scaled to
    // the printer's margins (a print shop's page geometry stays exact), and, right to left, the
    // order in which pages are laid side by side.
    void set_reading(std::string_view language, bool right_to_left);
    // A PNG's zlib stream of filtered rows (`image.deflated`: its own, or made of its decoded
    // pixels), written as it is, with the parameters that undo its row filters; in its profile's
    // colours (/ICCBased, one stream however many images share it), /Indexed when
    // `image.palette` is set.
    HPDF_Image load_deflated(const Image& image);
    // The soft mask of such an image's transparency (`image.alpha_deflated`).
    HPDF_Image load_soft_mask(const Image& image);
    // Gives a JPEG libharu loaded the colours `source` says: its ICC profile and its four inks'
    // polarity: libharu inverts every CMYK JPEG (/Decode), as only Adobe's (with APP14) need.
    void set_jpeg_colours(HPDF_Image image, const Image& source);
    // The page's /TrimBox: the whole page, there being no bleed. Print preflight (PDF/X, a print
    // shop's checks) asks every page for its trimmed size.
    void set_trim_box(HPDF_Page page, double width, double height);
    // The catalog's /Metadata: the XMP packet `xmp`, written uncompressed, as tools that look
    // for it without parsing the PDF expect.
    void set_metadata(std::string_view xmp);
    // Writes `operators` into the page's content where libharu's drawing has come to: the
    // marked-content operators (BDC, BMC, EMC) libharu 2.3.0 has no call for.
    void write_operators(HPDF_Page page, std::string_view operators);

    std::string save();

  private:
    // An image of the zlib stream `deflated` of PNG-filtered rows, written as it is, in the
    // colours of the ICC `profile`, or device colours.
    HPDF_Image load_stream(std::span<const std::uint8_t> deflated, int width, int height,
                           int channels, int bits, std::span<const std::uint8_t> profile = {});
    // Makes `image` an index a pixel into `palette` (RGB triples, in `profile`'s colours when
    // there is one): /Indexed.
    void set_palette(HPDF_Image image, std::span<const std::uint8_t> palette,
                     std::span<const std::uint8_t> profile);
    // A new colour space object for `channels` components: [/ICCBased stream] for an ICC
    // `profile`, else /DeviceGray, /DeviceRGB or /DeviceCMYK. (New every time: libharu lets a
    // direct object belong to one dictionary or array only.)
    void* colour_space(int channels, std::span<const std::uint8_t> profile);
    // Tells the reader that `image`'s rows are PNG-filtered (/Predictor 15).
    void set_row_filters(HPDF_Image image, int channels, int bits, int width);

    struct ErrorState {
        HPDF_STATUS error = HPDF_OK;
        HPDF_STATUS detail = 0;
    };
    struct Free {
        void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
    };
    static void HPDF_STDCALL record_error(HPDF_STATUS error, HPDF_STATUS detail, void* state);

    std::unique_ptr<ErrorState> errors_; // on the heap: the callback keeps its address
    // The ICC profiles embedded so far and their streams, for images that share one.
    std::vector<std::pair<std::vector<std::uint8_t>, HPDF_Dict>> profiles_;
    std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, Free> doc_;
    // Streams marked as deflated already (load_deflated): unmarked before doc_ frees them, so
    // that no later stream at the same address is taken for one. Last: destroyed first.
    struct DeflatedMarks {
        std::vector<HPDF_Stream> streams;
        DeflatedMarks() = default;
        DeflatedMarks(DeflatedMarks&& other) noexcept : streams(std::move(other.streams)) {
            other.streams.clear();
        }
        DeflatedMarks& operator=(DeflatedMarks&&) = delete;
        ~DeflatedMarks();
    } deflated_;
};

} // namespace factpress
