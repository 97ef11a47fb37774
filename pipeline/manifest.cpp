#include "pipeline/manifest.hpp"
#include "pipeline/file_bytes.hpp"
#include "pipeline/output_file.hpp"

#include <fmt/format.h>

#include <bit>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <unistd.h>

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

namespace {

// The entries of a manifest file's text: whole lines only, later ones winning (a run killed while
// adding one leaves a partial line). `lines` counts them all, `whole` is where the last one ends.
std::map<std::string, std::uint64_t> parse_entries(std::string_view text, std::size_t& lines,
                                                   std::size_t& whole) {
    std::map<std::string, std::uint64_t> entries;
    lines = whole = 0;
    for (std::size_t end; (end = text.find('\n', whole)) != std::string_view::npos;
         whole = end + 1) {
        ++lines;
        std::string_view line = text.substr(whole, end - whole);
        std::size_t space = line.find(' ');
        if (space == std::string_view::npos) continue;
        std::uint64_t hash = 0;
        auto [past, error] = std::from_chars(line.data(), line.data() + space, hash, 16);
        if (error == std::errc() && past == line.data() + space)
            entries[std::string(line.substr(space + 1))] = hash;
    }
    return entries;
}

} // namespace

Manifest::Manifest(fs::path out_dir) : file_(out_dir / ".factpress-manifest") {
    std::string text = read_file(file_).value_or("");
    std::size_t lines = 0, whole = 0;
    entries_ = parse_entries(text, lines, whole);
    cut_line_at_ = whole < text.size() ? std::optional(whole) : std::nullopt;
    rewrite_ = lines != entries_.size();
}

Manifest::~Manifest() {
    if (journal_ >= 0) ::close(journal_);
}

bool Manifest::matches(const std::string& stem, std::uint64_t hash) const {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(stem);
    return it != entries_.end() && it->second == hash;
}

void Manifest::record(const std::string& stem, std::uint64_t hash) {
    std::lock_guard lock(mutex_);
    auto [it, added] = entries_.try_emplace(stem, hash);
    if (!added && it->second == hash) return;
    rewrite_ = rewrite_ || !added; // the file now holds a superseded line
    it->second = hash;
    // Added to the file at once, in one write, so that a run stopped half-way resumes where it
    // was instead of rebuilding everything.
    if (journal_ < 0) {
        journal_ = ::open(file_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
        // Without the cut line a killed run left: glued to the next, it would garble it. Only
        // then: other runs into this out-dir (shares of one batch) may be adding lines too.
        if (journal_ >= 0 && cut_line_at_ &&
            ::ftruncate(journal_, static_cast<off_t>(*cut_line_at_)) != 0)
            rewrite_ = true;
    }
    std::string line = fmt::format("{:016x} {}\n", hash, stem);
    if (journal_ < 0 || ::write(journal_, line.data(), line.size()) != ssize_t(line.size()))
        rewrite_ = true; // a cache: save() writes it whole
}

void Manifest::save() const {
    std::lock_guard lock(mutex_);
    // Only when lines were superseded or lost: a run where every document failed leaves no
    // manifest behind, and neither an unchanged rebuild nor a first build rewrites it.
    if (!rewrite_) return;
    // With the lines other runs into this out-dir added meanwhile (shares of one batch).
    std::size_t lines = 0, whole = 0;
    auto entries = parse_entries(read_file(file_).value_or(""), lines, whole);
    for (const auto& [stem, hash] : entries_)
        entries[stem] = hash;
    std::string text;
    for (const auto& [stem, hash] : entries)
        text += fmt::format("{:016x} {}\n", hash, stem);
    // A cache: lost or emptied by a power cut, it only makes the next build redo everything.
    write_atomically(file_, std::move(text), Durability::cache);
}

} // namespace factpress
