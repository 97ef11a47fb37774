// Shared fixtures: paths of the test material and a loader for inline XML.
#pragma once

#include "pipeline/runner.hpp"

#include <filesystem>
#include <string>

namespace factpress::test {

inline std::filesystem::path test_dir() {
    return FACTPRESS_TEST_DIR;
}
inline std::filesystem::path shared_dir() {
    return FACTPRESS_SHARED_DIR;
}
inline std::filesystem::path corpus_dir() {
    return shared_dir() / "corpus";
}

// Loads a document given as text, as if it were tests/documents/inline.xml.
inline LoadedDocument load_xml(std::string xml) {
    ResolveOptions options;
    options.document = test_dir() / "documents" / "inline.xml";
    return load_document_from_bytes(std::move(xml), options);
}

// Wraps body content in a minimal valid document.
inline std::string with_body(const std::string& body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<factsheet xmlns=\"urn:factpress:factsheet:1\" xml:lang=\"en\">\n"
           "<meta><title>T</title><date>2021-02</date></meta>\n"
           "<body>" +
           body + "</body>\n</factsheet>\n";
}

} // namespace factpress::test
