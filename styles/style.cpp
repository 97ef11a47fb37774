#include "styles/style.hpp"

#include <algorithm>
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

std::vector<std::string> Style::fonts_named() const {
    std::vector<std::string> names;
    for (const auto& [element, properties] : rules_)
        if (auto font = properties.find("font"); font != properties.end())
            if (std::ranges::find(names, font->second) == names.end())
                names.push_back(font->second);
    return names;
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

std::optional<std::pair<double, double>> parse_page_size(std::string_view text) {
    if (text == "A4") return std::pair{595.276, 841.89};
    if (text == "A5") return std::pair{419.528, 595.276};
    if (text == "Letter") return std::pair{612.0, 792.0};
    if (text == "Legal") return std::pair{612.0, 1008.0};
    auto x = text.find('x');
    if (x == std::string_view::npos) return std::nullopt;
    double w = 0, h = 0;
    auto [w_end, w_ec] = std::from_chars(text.data(), text.data() + x, w);
    auto [h_end, h_ec] = std::from_chars(text.data() + x + 1, text.data() + text.size(), h);
    if (w_ec != std::errc() || w_end != text.data() + x || h_ec != std::errc() ||
        h_end != text.data() + text.size())
        return std::nullopt;
    if (w < 72 || h < 72 || w > 14400 || h > 14400) return std::nullopt;
    return std::pair{w, h};
}

std::filesystem::path bundled_style_dir() {
    if (const char* dir = std::getenv("FACTPRESS_STYLE_PATH"); dir && *dir) return dir;
    return FACTPRESS_STYLE_DIR;
}

std::vector<std::string> bundled_style_names() {
    return {"nato", "letter", "plain"};
}

} // namespace factpress
