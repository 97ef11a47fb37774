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

  private:
    std::string path_;
    std::string bytes_;
    std::vector<std::size_t> line_starts_;
};

} // namespace factpress
