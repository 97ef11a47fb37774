// Whole files, read in one call or mapped: sized reads rather than a character at a time, and
// fonts mapped rather than copied (fresh memory costs a page fault per 4 KiB).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace factpress {

// The bytes of the regular file `path`; nothing for devices, FIFOs and folders (without blocking
// on them), when it cannot be read, or when it holds more than `max_bytes` (checked before reading
// a byte, and again while reading: the file may grow after its size was looked at).
std::optional<std::string> read_file(const std::filesystem::path& path,
                                     std::size_t max_bytes = static_cast<std::size_t>(-1));

// A read-only mapping of a whole regular file; empty when the file cannot be mapped.
class MappedFile {
  public:
    explicit MappedFile(const std::filesystem::path& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    bool ok() const { return data_ != nullptr; }
    std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

  private:
    void* data_ = nullptr;
    std::size_t size_ = 0;
};

} // namespace factpress
