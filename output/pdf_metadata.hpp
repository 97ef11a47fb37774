// The document's XMP metadata: what the Info dictionary says, in the form that asset managers,
// search indexes and print preflight read.
#pragma once

#include "output/page_layout.hpp"

#include <ctime>
#include <string>
#include <string_view>

namespace factpress {

// An XMP packet (UTF-8) saying `info` as Dublin Core, PDF and XMP properties: dc:title,
// dc:creator (the issuer), dc:description (the series), dc:subject and pdf:Keywords (the
// keywords), dc:language, pdf:Producer and xmp:CreatorTool (`producer`), and the dates (`utc`),
// each equal to its Info entry as PDF/A asks.
std::string xmp_metadata(const DocumentInfo& info, const std::tm& utc, std::string_view producer);

} // namespace factpress
