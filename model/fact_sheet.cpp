#include "model/fact_sheet.hpp"

namespace factpress {

std::string plain_text(const Inlines& runs) {
    std::string text;
    for (const auto& run : runs)
        text += run.kind == InlineKind::text ? run.text : plain_text(run.children);
    return text;
}

} // namespace factpress
