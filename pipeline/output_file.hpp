// Writing outputs so that a file appears complete or not at all.
#pragma once

#include <filesystem>
#include <span>
#include <string>

namespace factpress {

// Whether a file must reach the disk before it takes its name: outputs must (else a power cut
// can leave an empty file under the final name); a cache that is rebuilt when unreadable need not.
enum class Durability { flushed, cache };

// Writes to a temporary name in the same folder, flushes it to disk (unless a cache) and renames
// it over `path`. Returns an error message, empty on success; on failure `path` is left as it was.
std::string write_atomically(const std::filesystem::path& path, std::span<const char> bytes,
                             Durability durability = Durability::flushed);

} // namespace factpress
