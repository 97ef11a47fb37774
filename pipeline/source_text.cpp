#include "pipeline/source_text.hpp"

#include <algorithm>

namespace factpress {
namespace {

// Columns count code points: continuation bytes do not start one.
bool starts_code_point(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
}

} // namespace

SourceText::SourceText(std::string path, std::string bytes)
    : path_(std::move(path)), bytes_(std::move(bytes)) {
    line_starts_.push_back(0);
    std::size_t code_points = 0;
    for (std::size_t i = 0; i < bytes_.size(); ++i) {
        if (i % block == 0) code_points_before_block_.push_back(code_points);
        code_points += starts_code_point(bytes_[i]);
        // CRLF counts once; a lone CR ends a line too, as XML's end-of-line handling says.
        if (bytes_[i] == '\n' ||
            (bytes_[i] == '\r' && (i + 1 == bytes_.size() || bytes_[i + 1] != '\n')))
            line_starts_.push_back(i + 1);
    }
    if (bytes_.size() % block == 0) code_points_before_block_.push_back(code_points); // the end
}

std::size_t SourceText::code_points_before(std::size_t offset) const {
    if (offset == 0) return 0;
    std::size_t first = (offset / block) * block;
    std::size_t count = code_points_before_block_[offset / block];
    for (std::size_t i = first; i < offset; ++i)
        count += starts_code_point(bytes_[i]);
    return count;
}

std::size_t SourceText::offset_of(Position position) const {
    if (position.line < 1) return 0;
    auto line = std::min(static_cast<std::size_t>(position.line), line_starts_.size());
    std::size_t start = line_starts_[line - 1];
    // The code points before the one wanted, counted from the start of the text; the scan for it
    // starts at the last block of the count before it (a column far along a long line costs no
    // walk of the line).
    std::size_t wanted =
        code_points_before(start) + static_cast<std::size_t>(std::max(position.column, 1) - 1);
    auto after = std::upper_bound(code_points_before_block_.begin(),
                                  code_points_before_block_.end(), wanted);
    auto block_index = static_cast<std::size_t>(after - code_points_before_block_.begin()) - 1;
    std::size_t offset = std::max(start, block_index * block);
    std::size_t count = code_points_before(offset);
    while (offset < bytes_.size() && !(count == wanted && starts_code_point(bytes_[offset])))
        count += starts_code_point(bytes_[offset++]);
    return offset;
}

Position SourceText::position_of(std::size_t offset) const {
    offset = std::min(offset, bytes_.size());
    auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    auto line = static_cast<int>(next - line_starts_.begin());
    std::size_t column = code_points_before(offset) - code_points_before(*(next - 1)) + 1;
    return {line, static_cast<int>(column)};
}

} // namespace factpress
