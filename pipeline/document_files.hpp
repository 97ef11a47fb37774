// A document's own files, read once at the start of its build: its source and the images its src
// attributes name. The incremental build hashes exactly these bytes and the stages use them, so
// the manifest records what was built even when a photo is replaced while the batch runs.
#pragma once

#include "pipeline/limits.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace factpress {

struct NamedImage {
    std::string src;            // the attribute's value, as an XML parser reads it
    std::filesystem::path path; // where it was found
    std::string problem;        // why it may not or cannot be read; empty when it was
    std::optional<std::string> bytes;
    std::uint64_t hash = 0;
};

struct DocumentFiles {
    std::filesystem::path source_path;
    std::optional<std::string> source; // taken by the parse stage
    std::string source_problem;        // why there is no source
    std::uint64_t source_hash = 0;
    std::filesystem::path folder; // figures are found in it (document_folder)
    std::vector<NamedImage> images;
    std::unordered_map<std::string, std::size_t> image_index; // by src (sheets with many figures)

    // The image `src` names: read with the document or, for a src the scan missed, now (and then
    // hashed with the rest, so such a document is never taken to be up to date).
    const NamedImage& image(const std::string& src, const Limits& limits);
    // Of the source and every image read, in order; the same on every run and machine.
    std::uint64_t hash() const;
};

DocumentFiles read_document_files(const std::filesystem::path& source, const Limits& limits);

// The values of the src attributes in a document's raw text, in order, as an XML parser gives
// them (references decoded, white space as spaces): a scan made before parsing, to know a
// document's inputs cheaply. A value never closed ends the scan, and so does the value past
// `max_values` (a document cannot hold more figures than its limit of elements).
std::vector<std::string> src_values(std::string_view xml,
                                    std::size_t max_values = static_cast<std::size_t>(-1));

} // namespace factpress
