#include "output/case_mapping.hpp"
#include "pipeline/utf8.hpp"

namespace factpress {

char32_t to_lower(char32_t cp) {
    if ((cp >= U'A' && cp <= U'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 0x20;
    if (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0 && cp != 0x130 && cp != 0x138) return cp + 1;
    if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 0x20;
    if (cp == 0x386) return 0x3AC;
    if (cp >= 0x388 && cp <= 0x38A) return cp + 0x25;
    if (cp == 0x38C) return 0x3CC;
    if (cp == 0x38E || cp == 0x38F) return cp + 0x3F;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
    if (cp >= 0x460 && cp <= 0x4FF && cp % 2 == 0) return cp + 1;
    return cp;
}

char32_t to_upper(char32_t cp) {
    if ((cp >= U'a' && cp <= U'z') || (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)) return cp - 0x20;
    if (cp >= 0x101 && cp <= 0x17F && cp % 2 == 1 && cp != 0x131 && cp != 0x149) return cp - 1;
    if (cp >= 0x3B1 && cp <= 0x3CB && cp != 0x3C2) return cp - 0x20;
    if (cp == 0x3C2) return 0x3A3;
    if (cp >= 0x3AD && cp <= 0x3AF) return cp - 0x25;
    if (cp == 0x3AC) return 0x386;
    if (cp == 0x3CC) return 0x38C;
    if (cp == 0x3CD || cp == 0x3CE) return cp - 0x3F;
    if (cp >= 0x430 && cp <= 0x44F) return cp - 0x20;
    if (cp >= 0x450 && cp <= 0x45F) return cp - 0x50;
    if (cp >= 0x461 && cp <= 0x4FF && cp % 2 == 1) return cp - 1;
    return cp;
}

std::string lower_case(std::string_view text) {
    std::string out;
    for (std::size_t pos = 0; pos < text.size();)
        utf8::append(out, to_lower(utf8::next(text, pos)));
    return out;
}

std::string upper_case(std::string_view text) {
    std::string out;
    for (std::size_t pos = 0; pos < text.size();)
        utf8::append(out, to_upper(utf8::next(text, pos)));
    return out;
}

} // namespace factpress
