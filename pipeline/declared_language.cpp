#include "pipeline/declared_language.hpp"

namespace factpress {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Offset just past the markup starting at `at` that ends with `end`; npos when it does not end.
std::size_t skip_to(std::string_view xml, std::size_t at, std::string_view end) {
    std::size_t found = xml.find(end, at);
    return found == std::string_view::npos ? found : found + end.size();
}

// The root's start tag, without its '<' and '>'.
std::string_view root_tag(std::string_view xml) {
    std::size_t at = xml.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (at < xml.size()) {
        if (is_space(xml[at])) {
            ++at;
        } else if (xml.substr(at, 4) == "<!--") {
            at = skip_to(xml, at + 4, "-->");
        } else if (xml.substr(at, 2) == "<?") {
            at = skip_to(xml, at + 2, "?>");
        } else if (xml[at] == '<' && at + 1 < xml.size() && xml[at + 1] != '!') {
            // The tag ends at the first '>' outside quotes.
            char quote = 0;
            for (std::size_t end = at + 1; end < xml.size(); ++end) {
                if (quote) {
                    quote = xml[end] == quote ? 0 : quote;
                } else if (xml[end] == '"' || xml[end] == '\'') {
                    quote = xml[end];
                } else if (xml[end] == '>') {
                    return xml.substr(at + 1, end - at - 1);
                }
            }
            return {};
        } else {
            return {};
        }
    }
    return {};
}

} // namespace

std::string declared_language(std::string_view xml) {
    std::string_view tag = root_tag(xml);
    for (std::size_t at = tag.find("xml:lang"); at != std::string_view::npos;
         at = tag.find("xml:lang", at + 8)) {
        if (at == 0 || !is_space(tag[at - 1])) continue; // part of another name or a value
        std::size_t pos = at + 8;
        while (pos < tag.size() && is_space(tag[pos]))
            ++pos;
        if (pos >= tag.size() || tag[pos] != '=') continue;
        ++pos;
        while (pos < tag.size() && is_space(tag[pos]))
            ++pos;
        if (pos >= tag.size() || (tag[pos] != '"' && tag[pos] != '\'')) return {};
        std::size_t close = tag.find(tag[pos], pos + 1);
        if (close == std::string_view::npos) return {};
        std::string_view value = tag.substr(pos + 1, close - pos - 1);
        if (value.find('&') != std::string_view::npos) return {};
        return std::string(value);
    }
    return {};
}

} // namespace factpress
