// Stage 5, resolve: each figure's file found inside the document's folder, checked and decoded.
#pragma once

#include "model/fact_sheet.hpp"
#include "pipeline/image_checks.hpp"
#include "pipeline/image_decode.hpp"
#include "pipeline/limits.hpp"

#include <filesystem>
#include <string>

namespace factpress {

struct DocumentFiles;

struct ResolveOptions {
    std::filesystem::path document; // the XML file; figures are relative to its folder
    bool draft = false;             // unusable images become placeholders with a warning
    Limits limits;
    ImageChecks* checked_images = nullptr; // JPEG checks shared by the documents of a run
    // When set (not in draft mode: a damaged photo there changes the layout), JPEGs are taken
    // from their headers and their full checks handed over, to be settled before any output.
    DeferredImageChecks* deferred_checks = nullptr;
    // The document's files read with it; else images are read as its figures name them.
    DocumentFiles* files = nullptr;
};

FactSheet resolve(FactSheet sheet, const ResolveOptions& options, Diagnostics& diagnostics);

// The folder figures of `document` are resolved in: its own, symbolic links resolved.
std::filesystem::path document_folder(const std::filesystem::path& document);

// The file `source` names, or an error message when it may not or cannot be read.
std::string locate_inside(const std::filesystem::path& folder, const std::string& source,
                          std::filesystem::path& found);

// Why an image with this header may not be decoded (not PNG or JPEG, no size, more pixels than
// the limit); empty when it may.
std::string header_problem(const ImageHeader& header, const Limits& limits);

} // namespace factpress
