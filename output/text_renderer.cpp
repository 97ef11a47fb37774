#include "output/text_renderer.hpp"

namespace factpress {

std::string render_text(const FactSheet&, const TextOptions&) { return "\n"; }

} // namespace factpress
