#include "pipeline/image_checks.hpp"
#include "pipeline/manifest.hpp"

#include <string_view>

namespace factpress {

std::uint64_t ImageChecks::key(std::span<const std::uint8_t> bytes) {
    return hash_bytes({reinterpret_cast<const char*>(bytes.data()), bytes.size()});
}

std::optional<JpegVerdict> ImageChecks::find(std::span<const std::uint8_t> bytes) const {
    std::uint64_t hash = key(bytes);
    std::lock_guard lock(mutex_);
    auto it = verdicts_.find(hash);
    if (it == verdicts_.end() || it->second.first != bytes.size()) return std::nullopt;
    return it->second.second;
}

void ImageChecks::remember(std::span<const std::uint8_t> bytes, JpegVerdict verdict) {
    std::uint64_t hash = key(bytes);
    std::lock_guard lock(mutex_);
    verdicts_.insert_or_assign(hash, std::pair{bytes.size(), std::move(verdict)});
}

} // namespace factpress
