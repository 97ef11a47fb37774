// Writing outputs so that a file appears complete or not at all.
#pragma once

#include <filesystem>
#include <span>
#include <string>

namespace factpress {

// Writes to a temporary name in the same folder, flushes it to disk and renames it over `path`.
// Returns an error message, empty on success; on failure `path` is left as it was.
std::string write_atomically(const std::filesystem::path& path, std::span<const char> bytes);

} // namespace factpress
