// The floor for issue 5's benchmark: a bare libharu program writing what a seed sheet holds (its
// text in two faces of Liberation Sans, its four JPEG photos, two A4 pages), N times, with no
// parsing, validation, layout or subsetting. usage: bench_floor TEXT_FILE OUT_DIR N JPEG...
#include <hpdf.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

void ignore_errors(HPDF_STATUS, HPDF_STATUS, void*) {}

std::string read(const char* path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr, "usage: bench_floor TEXT_FILE OUT_DIR N JPEG...\n");
        return 2;
    }
    std::string text = read(argv[1]);
    std::vector<std::string> jpegs;
    for (int i = 4; i < argc; ++i)
        jpegs.push_back(read(argv[i]));
    const char* regular = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf";
    const char* bold = "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf";
    int count = std::stoi(argv[3]);
    for (int n = 0; n < count; ++n) {
        HPDF_Doc pdf = HPDF_New(ignore_errors, nullptr);
        HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
        HPDF_UseUTFEncodings(pdf);
        HPDF_Font body =
            HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, regular, HPDF_TRUE), "UTF-8");
        HPDF_Font heading =
            HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, bold, HPDF_TRUE), "UTF-8");
        std::size_t at = 0;
        for (int p = 0; p < 2; ++p) {
            HPDF_Page page = HPDF_AddPage(pdf);
            HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
            for (int k = 0; k < 2; ++k) {
                const std::string& jpeg = jpegs[(2 * p + k) % jpegs.size()];
                HPDF_Image image =
                    HPDF_LoadJpegImageFromMem(pdf, reinterpret_cast<const HPDF_BYTE*>(jpeg.data()),
                                              static_cast<HPDF_UINT>(jpeg.size()));
                if (image) HPDF_Page_DrawImage(page, image, 300, 450 - 300 * k, 240, 160);
            }
            HPDF_Page_BeginText(page);
            HPDF_Page_SetFontAndSize(page, heading, 13);
            HPDF_Page_TextOut(page, 48, 800, "NATO Mission Iraq");
            HPDF_Page_SetFontAndSize(page, body, 9.5);
            for (double y = 780; y > 60 && at < text.size(); y -= 12.4) {
                std::size_t end = text.find(' ', at + 45);
                std::string line =
                    text.substr(at, end == std::string::npos ? std::string::npos : end - at);
                at = end == std::string::npos ? text.size() : end + 1;
                HPDF_Page_TextOut(page, 48, static_cast<HPDF_REAL>(y), line.c_str());
            }
            HPDF_Page_EndText(page);
        }
        std::string out = std::string(argv[2]) + "/floor" + std::to_string(n) + ".pdf";
        HPDF_SaveToFile(pdf, out.c_str());
        HPDF_Free(pdf);
    }
    return 0;
}
