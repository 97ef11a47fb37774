#include "pipeline/manifest.hpp"
#include "pipeline/file_bytes.hpp"
#include "pipeline/output_file.hpp"
#include "pipeline/resolve.hpp"

#include <fmt/format.h>

#include <bit>
#include <cstring>
#include <fstream>
#include <optional>

namespace factpress {
namespace fs = std::filesystem;

// Eight bytes per step (a byte-at-a-time FNV spent a millisecond on a sheet's photos); the same
// value on every run and machine, as the manifest outlives the process.
std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed) {
    auto mix = [](std::uint64_t hash, std::uint64_t word) {
        hash = (hash ^ word) * 0x9E3779B97F4A7C15ull;
        return hash ^ (hash >> 29);
    };
    std::uint64_t hash = mix(seed, bytes.size());
    std::size_t at = 0;
    for (; at + 8 <= bytes.size(); at += 8) {
        std::uint64_t word; // read little-endian, whatever the machine: one load on most
        std::memcpy(&word, bytes.data() + at, sizeof word);
        if constexpr (std::endian::native == std::endian::big) // std::byteswap is C++23
            word = __builtin_bswap64(word);
        hash = mix(hash, word);
    }
    for (; at < bytes.size(); ++at)
        hash = mix(hash, static_cast<unsigned char>(bytes[at]));
    return hash;
}

std::uint64_t hash_document_inputs(const fs::path& source, const Limits& limits) {
    auto text = read_file(source, limits.max_file_bytes);
    if (!text) return 0;
    std::uint64_t hash = hash_bytes(*text);
    for (const fs::path& image : files_named_by_src(*text, document_folder(source))) {
        std::optional<std::string> bytes;
        if (!image.empty()) bytes = read_file(image, limits.max_image_bytes);
        hash = hash_bytes(bytes.value_or(""), hash_bytes(bytes ? "+" : "-", hash));
    }
    return hash;
}

Manifest::Manifest(fs::path out_dir) : file_(out_dir / ".factpress-manifest") {
    std::ifstream in(file_);
    std::string stem;
    std::uint64_t hash = 0;
    while (in >> std::hex >> hash && std::getline(in >> std::ws, stem))
        entries_[stem] = hash;
}

bool Manifest::matches(const std::string& stem, std::uint64_t hash) const {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(stem);
    return it != entries_.end() && it->second == hash;
}

void Manifest::record(const std::string& stem, std::uint64_t hash) {
    std::lock_guard lock(mutex_);
    auto [it, added] = entries_.try_emplace(stem, hash);
    changed_ = changed_ || added || it->second != hash;
    it->second = hash;
}

void Manifest::save() const {
    std::lock_guard lock(mutex_);
    // Nothing new: a run where every document failed leaves no manifest behind, and an
    // unchanged rebuild does not rewrite it.
    if (!changed_) return;
    std::string text;
    for (const auto& [stem, hash] : entries_)
        text += fmt::format("{:016x} {}\n", hash, stem);
    // A cache: lost or emptied by a power cut, it only makes the next build redo everything.
    write_atomically(file_, text, Durability::cache);
}

} // namespace factpress
