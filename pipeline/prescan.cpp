// Lexical checks on the raw bytes: encoding, forbidden characters, DOCTYPE and entity references.
#include "pipeline/parse.hpp"
#include "pipeline/utf8.hpp"

#include <fmt/format.h>

#include <cctype>
#include <string>

namespace factpress {
namespace {

bool is_xml_char(char32_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

class Scanner {
  public:
    Scanner(const SourceText& source, Diagnostics& diagnostics)
        : source_(source), text_(source.bytes()), diagnostics_(diagnostics) {}

    bool run() {
        if (!check_byte_order_mark() || !check_encoding() || !check_characters()) return false;
        check_markup();
        return errors_ == 0;
    }

  private:
    void error(std::size_t offset, std::string message) {
        ++errors_;
        diagnostics_.push_back({Severity::error, source_.position_of(offset), std::move(message)});
    }

    bool check_byte_order_mark() {
        auto starts = [&](std::string_view prefix) { return text_.starts_with(prefix); };
        if (starts("\xFE\xFF") || starts("\xFF\xFE") ||
            starts(std::string_view("\0\0\xFE\xFF", 4))) {
            error(0, "the file is UTF-16 or UTF-32; fact sheets must be saved as UTF-8");
            return false;
        }
        std::string_view content = text_.starts_with("\xEF\xBB\xBF") ? text_.substr(3) : text_;
        if (content.find_first_not_of(" \t\r\n") == std::string_view::npos) {
            error(0, "the file is empty; expected a <factsheet> document");
            return false;
        }
        return true;
    }

    bool check_encoding() {
        std::size_t start = text_.starts_with("\xEF\xBB\xBF") ? 3 : 0;
        if (text_.compare(start, 5, "<?xml") != 0) return true;
        std::size_t end = text_.find("?>", start);
        std::size_t name = text_.find("encoding", start);
        if (name == std::string_view::npos || name > end) return true;
        std::size_t quote = text_.find_first_of("\"'", name);
        if (quote == std::string_view::npos || quote > end) return true;
        std::size_t close = text_.find(text_[quote], quote + 1);
        if (close == std::string_view::npos || close > end) return true;
        std::string value(text_.substr(quote + 1, close - quote - 1));
        for (auto& c : value)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (value == "utf-8" || value == "utf8") return true;
        error(quote + 1,
              fmt::format("the XML declaration names encoding \"{}\"; fact sheets must be "
                          "UTF-8 (save the file as UTF-8 and declare encoding=\"UTF-8\")",
                          text_.substr(quote + 1, close - quote - 1)));
        return false;
    }

    bool check_characters() {
        for (std::size_t pos = 0; pos < text_.size();) {
            std::size_t start = pos;
            char32_t cp = utf8::next(text_, pos);
            if (cp == utf8::invalid) {
                error(
                    start,
                    fmt::format("byte 0x{:02X} is not valid UTF-8; the file must be saved as UTF-8",
                                static_cast<unsigned char>(text_[start])));
                return false;
            }
            if (!is_xml_char(cp) && !(start == 0 && cp == 0xFEFF)) {
                error(start, fmt::format("character U+{:04X} is not allowed in XML",
                                         static_cast<unsigned>(cp)));
                return false;
            }
        }
        return true;
    }

    // Walks the markup, skipping comments, CDATA and processing instructions, to find a DOCTYPE
    // and entity references other than the five predefined ones and character references.
    void check_markup() {
        // Only a '<' or a '&' can start what is looked for: the text between is passed over.
        for (std::size_t pos = text_.find_first_of("<&"); pos < text_.size();
             pos = text_.find_first_of("<&", pos)) {
            if (skip(pos, "<!--", "-->") || skip(pos, "<![CDATA[", "]]>") || skip(pos, "<?", "?>"))
                continue;
            if (text_.compare(pos, 9, "<!DOCTYPE") == 0) {
                error(pos, "a DOCTYPE is not allowed: fact sheets use no DTD and no entity "
                           "declarations; remove the <!DOCTYPE ...> declaration");
                return;
            }
            if (text_[pos] == '&') check_reference(pos);
            ++pos;
        }
    }

    bool skip(std::size_t& pos, std::string_view open, std::string_view close) {
        if (text_.compare(pos, open.size(), open) != 0) return false;
        std::size_t end = text_.find(close, pos + open.size());
        pos = end == std::string_view::npos ? text_.size() : end + close.size();
        return true;
    }

    void check_reference(std::size_t pos) {
        std::size_t semicolon = text_.find(';', pos);
        std::string_view name = semicolon == std::string_view::npos || semicolon - pos > 40
                                    ? std::string_view{}
                                    : text_.substr(pos + 1, semicolon - pos - 1);
        if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos")
            return;
        if (name.starts_with('#')) {
            check_character_reference(pos, name);
            return;
        }
        if (name.empty() || name.find_first_of(" \t\r\n<&\"'") != std::string_view::npos) {
            error(pos, "a bare '&' must be written as &amp;");
            return;
        }
        error(pos, fmt::format("entity &{}; is not defined: only &amp; &lt; &gt; &quot; &apos; and "
                               "character references such as &#8211; are allowed",
                               name));
    }

    void check_character_reference(std::size_t pos, std::string_view name) {
        bool hex = name.size() > 1 && name[1] == 'x';
        std::string_view digits = name.substr(hex ? 2 : 1);
        char32_t cp = 0;
        bool ok = !digits.empty() && digits.size() <= 8;
        for (char c : digits) {
            int value = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                        : hex && std::isxdigit(static_cast<unsigned char>(c))
                            ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                            : -1;
            if (value < 0)
                ok = false;
            else
                cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(value);
        }
        if (!ok || !is_xml_char(cp))
            error(pos,
                  fmt::format("character reference &{}; does not name a character allowed in XML",
                              name));
    }

    const SourceText& source_;
    std::string_view text_;
    Diagnostics& diagnostics_;
    int errors_ = 0;
};

} // namespace

bool prescan(const SourceText& source, Diagnostics& diagnostics) {
    return Scanner(source, diagnostics).run();
}

} // namespace factpress
