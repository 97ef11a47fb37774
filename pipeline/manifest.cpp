#include "pipeline/manifest.hpp"
#include "pipeline/output_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <sstream>

namespace factpress {
namespace fs = std::filesystem;
namespace {

std::string read_file(const fs::path& path, bool& ok) {
    std::ifstream in(path, std::ios::binary);
    ok = static_cast<bool>(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed) {
    std::uint64_t hash = seed;
    for (unsigned char c : bytes)
        hash = (hash ^ c) * 1099511628211ull;
    return hash;
}

std::uint64_t hash_document_inputs(const fs::path& source) {
    bool ok = false;
    std::string text = read_file(source, ok);
    if (!ok) return 0;
    std::uint64_t hash = hash_bytes(text);
    for (std::size_t at = text.find("src="); at != std::string::npos;
         at = text.find("src=", at + 4)) {
        std::size_t open = at + 4;
        if (open >= text.size() || (text[open] != '"' && text[open] != '\'')) continue;
        std::size_t close = text.find(text[open], open + 1);
        if (close == std::string::npos) break;
        std::string image =
            read_file(source.parent_path() / text.substr(open + 1, close - open - 1), ok);
        hash = hash_bytes(image, hash_bytes(ok ? "+" : "-", hash));
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
    entries_[stem] = hash;
}

void Manifest::save() const {
    std::lock_guard lock(mutex_);
    std::string text;
    for (const auto& [stem, hash] : entries_)
        text += fmt::format("{:016x} {}\n", hash, stem);
    write_atomically(file_, text);
}

} // namespace factpress
