// Stage 5, resolve: each figure's file found inside the document's folder, checked and decoded.
#pragma once

#include "model/fact_sheet.hpp"
#include "pipeline/image_checks.hpp"
#include "pipeline/image_decode.hpp"
#include "pipeline/limits.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace factpress {

struct ResolveOptions {
    std::filesystem::path document; // the XML file; figures are relative to its folder
    bool draft = false;             // unusable images become placeholders with a warning
    Limits limits;
    ImageChecks* checked_images = nullptr; // JPEG checks shared by the documents of a run
    // When set (not in draft mode: a damaged photo there changes the layout), JPEGs are taken
    // from their headers and their full checks handed over, to be settled before any output.
    DeferredImageChecks* deferred_checks = nullptr;
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

// The files the src attributes of a document's raw text name, in order, each found as resolve
// finds it (an empty path where it may not or cannot be read): a scan made before parsing, to
// know a document's inputs cheaply.
std::vector<std::filesystem::path> files_named_by_src(std::string_view xml,
                                                      const std::filesystem::path& folder);

} // namespace factpress
