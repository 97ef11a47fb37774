// Fuzzes the whole pipeline in memory: XML bytes to diagnostics, layout, PDF and briefing, and
// the scan of src values made before parsing.
#include "pipeline/document_files.hpp"
#include "pipeline/render.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

using namespace factpress;

namespace {

SharedResources& shared() {
    static SharedResources* resources = [] {
        auto* r = new SharedResources;
        r->style = *load_style("nato").style;
        std::vector<std::string> problems;
        r->fonts = std::make_unique<FontSet>(r->style, r->library, problems);
        return r;
    }();
    return *resources;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    RenderOptions options;
    // Figures resolve against the test documents' folder, so image paths can succeed too.
    options.resolve.document = std::filesystem::path(FACTPRESS_TEST_DIR) / "documents" / "fuzz.xml";
    options.resolve.limits.max_pages = 20;
    options.source_date_epoch = 0;
    std::string bytes(reinterpret_cast<const char*>(data), size);
    src_values(bytes); // the scan a batch makes of the raw text before parsing
    render_bytes(std::move(bytes), shared(), options);
    return 0;
}
