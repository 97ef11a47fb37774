// Stage 3, build: a validated XML tree to the FactSheet model (text kept as written).
#pragma once

#include "model/fact_sheet.hpp"
#include "pipeline/parse.hpp"

namespace factpress {

FactSheet build_model(const ParsedDocument& document);

} // namespace factpress
