#include "pipeline/tag_mismatch.hpp"

#include <utility>
#include <vector>

namespace factpress {
namespace {

// The offset just past `terminator` at or after `at`; npos when it is missing.
std::size_t past(std::string_view text, std::size_t at, std::string_view terminator) {
    std::size_t found = text.find(terminator, at);
    return found == std::string_view::npos ? found : found + terminator.size();
}

// The end ('>') of the start tag at `at`, skipping quoted attribute values.
std::size_t tag_end(std::string_view text, std::size_t at) {
    char quote = 0;
    for (; at < text.size(); ++at) {
        char c = text[at];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return at;
        }
    }
    return std::string_view::npos;
}

std::string_view name_at(std::string_view text, std::size_t at) {
    std::size_t end = text.find_first_of(" \t\r\n/>", at);
    return text.substr(at, end == std::string_view::npos ? end : end - at);
}

// The elements open at `limit`, outermost first: each name with the offset of its start tag.
std::vector<std::pair<std::string_view, std::size_t>> open_elements(std::string_view text,
                                                                    std::size_t limit) {
    std::vector<std::pair<std::string_view, std::size_t>> open;
    for (std::size_t at = text.find('<'); at < limit; at = text.find('<', at)) {
        std::string_view rest = text.substr(at);
        if (rest.starts_with("<!--"))
            at = past(text, at, "-->");
        else if (rest.starts_with("<![CDATA["))
            at = past(text, at, "]]>");
        else if (rest.starts_with("<?"))
            at = past(text, at, "?>");
        else if (rest.starts_with("<!"))
            at = past(text, at, ">");
        else if (rest.starts_with("</")) {
            if (!open.empty()) open.pop_back();
            at = past(text, at, ">");
        } else {
            std::size_t end = tag_end(text, at + 1);
            if (end == std::string_view::npos) break;
            if (text[end - 1] != '/') open.emplace_back(name_at(text, at + 1), at);
            at = end + 1;
        }
        if (at == std::string_view::npos) break;
    }
    return open;
}

} // namespace

std::optional<TagMismatch> find_tag_mismatch(std::string_view text, std::size_t name_offset) {
    if (name_offset < 2 || name_offset > text.size() || text.substr(name_offset - 2, 2) != "</")
        return std::nullopt;
    auto open = open_elements(text, name_offset - 2);
    if (open.empty()) return std::nullopt;
    return TagMismatch{std::string(name_at(text, name_offset)), std::string(open.back().first),
                       open.back().second};
}

std::optional<OpenElement> find_unclosed_at_end(std::string_view text) {
    auto open = open_elements(text, text.size());
    if (open.empty()) return std::nullopt;
    return OpenElement{std::string(open.back().first), open.back().second};
}

} // namespace factpress
