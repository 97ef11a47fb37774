#include "output/text_wrap.hpp"
#include "pipeline/utf8.hpp"

#include <utf8proc.h>

namespace factpress {
namespace {

bool is_wide(char32_t cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
           (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
           (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

int columns(char32_t cp) {
    auto category = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    if (category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_ME ||
        category == UTF8PROC_CATEGORY_CF || cp == 0x200B)
        return 0;
    return is_wide(cp) ? 2 : 1;
}

} // namespace

bool is_spaced_dash(std::string_view word) {
    return word == "-" || word == "\u2013" || word == "\u2014";
}

bool looks_like_url(std::string_view word) {
    return word.find("://") != std::string_view::npos || word.starts_with("www.") ||
           word.find('@') != std::string_view::npos;
}

int display_width(std::string_view text) {
    int width = 0;
    for (std::size_t pos = 0; pos < text.size();)
        width += columns(utf8::next(text, pos));
    return width;
}

std::vector<std::string> wrap(std::string_view text, int width, std::string_view first,
                              std::string_view rest) {
    std::vector<std::string> lines;
    std::string line(first);
    int used = display_width(first);
    bool empty = true;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        // A spaced dash joins the word before it, so that no line starts with one.
        std::size_t after = text.find(' ', end + 1);
        if (end < text.size() && is_spaced_dash(text.substr(end + 1, after == std::string_view::npos
                                                                         ? std::string_view::npos
                                                                         : after - end - 1)))
            end = after == std::string_view::npos ? text.size() : after;
        std::string_view word = text.substr(start, end - start);
        start = end + 1;
        if (word.empty()) continue;
        int w = display_width(word);
        if (empty && lines.empty() && used + w > width && looks_like_url(word) &&
            line.find_first_not_of(' ') != std::string::npos) {
            // A marker such as "[1]" stands on its own line above a word too long to follow it.
            while (!line.empty() && line.back() == ' ')
                line.pop_back();
            lines.push_back(line);
            line.clear();
            used = 0;
        }
        if (!empty && used + 1 + w > width) {
            lines.push_back(line);
            line = std::string(rest);
            used = display_width(rest);
            empty = true;
        }
        if (!empty) line += ' ', ++used;
        line += word;
        used += w;
        empty = false;
    }
    if (!empty || lines.empty()) lines.push_back(line);
    for (auto& l : lines)
        while (!l.empty() && l.back() == ' ')
            l.pop_back();
    return lines;
}

} // namespace factpress
