#include "pipeline/declared_language.hpp"
#include "pipeline/raw_attribute.hpp"

namespace factpress {
namespace {

// Offset just past the markup starting at `at` that ends with `end`; npos when it does not end.
std::size_t skip_to(std::string_view xml, std::size_t at, std::string_view end) {
    std::size_t found = xml.find(end, at);
    return found == std::string_view::npos ? found : found + end.size();
}

// The root's start tag, without its '<' and '>'.
std::string_view root_tag(std::string_view xml) {
    std::size_t at = xml.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (at < xml.size()) {
        if (is_xml_space(xml[at])) {
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
    std::vector<std::string_view> values = raw_attribute_values(root_tag(xml), "xml:lang", 1);
    if (values.empty() || values.front().find('&') != std::string_view::npos) return {};
    return std::string(values.front());
}

} // namespace factpress
