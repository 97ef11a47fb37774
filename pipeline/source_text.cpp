#include "pipeline/source_text.hpp"

#include <algorithm>

namespace factpress {

SourceText::SourceText(std::string path, std::string bytes)
    : path_(std::move(path)), bytes_(std::move(bytes)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < bytes_.size(); ++i) {
        // CRLF counts once; a lone CR ends a line too, as XML's end-of-line handling says.
        if (bytes_[i] == '\n' ||
            (bytes_[i] == '\r' && (i + 1 == bytes_.size() || bytes_[i + 1] != '\n')))
            line_starts_.push_back(i + 1);
    }
}

Position SourceText::position_of(std::size_t offset) const {
    offset = std::min(offset, bytes_.size());
    auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    auto line = static_cast<int>(next - line_starts_.begin());
    int column = 1;
    for (std::size_t i = *(next - 1); i < offset; ++i) {
        // Count code points: continuation bytes do not start a column.
        if ((static_cast<unsigned char>(bytes_[i]) & 0xC0) != 0x80) ++column;
    }
    return {line, column};
}

} // namespace factpress
