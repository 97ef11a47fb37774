// Stage 2, validate: every rule of FORMAT.md checked on the XML tree, all problems reported.
#pragma once

#include "model/diagnostic.hpp"
#include "pipeline/parse.hpp"

namespace factpress {

Diagnostics validate(const ParsedDocument& document);

} // namespace factpress
