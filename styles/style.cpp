#include "styles/style.hpp"

#include <charconv>
#include <cstdlib>

namespace factpress {

const std::string* Style::find(const std::string& element, const std::string& property) const {
    static const std::string defaults = "text";
    for (const std::string* name : {&element, &defaults}) {
        auto rule = rules_.find(*name);
        if (rule == rules_.end()) continue;
        auto value = rule->second.find(property);
        if (value != rule->second.end()) return &value->second;
    }
    return nullptr;
}

bool Style::has(const std::string& element, const std::string& property) const {
    auto rule = rules_.find(element);
    return rule != rules_.end() && rule->second.contains(property);
}

std::string Style::text(const std::string& element, const std::string& property,
                        const std::string& fallback) const {
    const std::string* value = find(element, property);
    return value ? *value : fallback;
}

double Style::number(const std::string& element, const std::string& property,
                     double fallback) const {
    const std::string* value = find(element, property);
    double number = fallback;
    if (value) std::from_chars(value->data(), value->data() + value->size(), number);
    return number;
}

Colour Style::colour(const std::string& element, const std::string& property,
                     Colour fallback) const {
    const std::string* value = find(element, property);
    return value ? parse_colour(*value).value_or(fallback) : fallback;
}

void Style::set(const std::string& element, const std::string& property, std::string value) {
    rules_[element][property] = std::move(value);
}

std::optional<Colour> parse_colour(const std::string& text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    unsigned value = 0;
    auto [end, ec] = std::from_chars(text.data() + 1, text.data() + 7, value, 16);
    if (ec != std::errc() || end != text.data() + 7) return std::nullopt;
    return Colour{((value >> 16) & 0xFF) / 255.0, ((value >> 8) & 0xFF) / 255.0,
                  (value & 0xFF) / 255.0};
}

std::filesystem::path bundled_style_dir() {
    if (const char* dir = std::getenv("FACTPRESS_STYLE_PATH"); dir && *dir) return dir;
    return FACTPRESS_STYLE_DIR;
}

std::vector<std::string> bundled_style_names() {
    return {"nato", "letter", "plain"};
}

} // namespace factpress
