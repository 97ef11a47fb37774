// The JPEG checks of one run, remembered by content: a photo or logo shared by many sheets of a
// batch is decoded once, not once per sheet. Safe to use from several threads.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

namespace factpress {

struct JpegVerdict {
    std::string problem; // empty when the JPEG decodes whole
    int components = 0;
};

class ImageChecks {
  public:
    std::optional<JpegVerdict> find(std::span<const std::uint8_t> bytes) const;
    void remember(std::span<const std::uint8_t> bytes, JpegVerdict verdict);

  private:
    // Keyed by size and a 64-bit hash of the bytes: a different file of the same size and hash
    // would be taken for checked, a risk we take (at worst a damaged photo reaches the PDF).
    static std::uint64_t key(std::span<const std::uint8_t> bytes);

    mutable std::mutex mutex_;
    std::unordered_map<std::uint64_t, std::pair<std::size_t, JpegVerdict>> verdicts_;
};

} // namespace factpress
