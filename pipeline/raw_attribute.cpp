#include "pipeline/raw_attribute.hpp"

namespace factpress {

bool is_xml_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::vector<std::string_view> raw_attribute_values(std::string_view text, std::string_view name,
                                                   std::size_t max_values) {
    std::vector<std::string_view> values;
    auto skip_space = [&](std::size_t at) {
        while (at < text.size() && is_xml_space(text[at]))
            ++at;
        return at;
    };
    for (std::size_t at = text.find(name);
         at != std::string_view::npos && values.size() < max_values;
         at = text.find(name, at + name.size())) {
        if (at == 0 || !is_xml_space(text[at - 1])) continue; // part of another name, or text
        std::size_t open = skip_space(at + name.size());
        if (open >= text.size() || text[open] != '=') continue;
        open = skip_space(open + 1);
        if (open >= text.size() || (text[open] != '"' && text[open] != '\'')) continue;
        std::size_t close = text.find(text[open], open + 1);
        if (close == std::string_view::npos) break;
        values.push_back(text.substr(open + 1, close - open - 1));
    }
    return values;
}

} // namespace factpress
