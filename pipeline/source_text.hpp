// A source file's bytes and the map from byte offsets to line:column.
#pragma once

#include "model/diagnostic.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace factpress {

class SourceText {
  public:
    SourceText() = default;
    SourceText(std::string path, std::string bytes);

    const std::string& path() const { return path_; }
    const std::string& bytes() const { return bytes_; }
    Position position_of(std::size_t offset) const;
    // The byte offset of a position within the text (its end for one past it).
    std::size_t offset_of(Position position) const;

  private:
    // Code points in bytes_[0, offset): a count kept every `block` bytes, then a short scan, so
    // that a position in a long line (a generated sheet on one line) costs no scan of the line.
    std::size_t code_points_before(std::size_t offset) const;
    static constexpr std::size_t block = 1024;

    std::string path_;
    std::string bytes_;
    std::vector<std::size_t> line_starts_;
    std::vector<std::size_t> code_points_before_block_;
};

} // namespace factpress
