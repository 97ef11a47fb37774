// The incremental-build manifest kept in the out-dir: per output stem, a hash of every input.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>

#include "pipeline/limits.hpp"

namespace factpress {

std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed = 1469598103934665603ull);

// Hash of a source file and the images it names (src="..."), read only where the stages may read
// them: regular files within the size limits, images inside the document's folder. 0 if unreadable.
std::uint64_t hash_document_inputs(const std::filesystem::path& source, const Limits& limits);

class Manifest {
  public:
    explicit Manifest(std::filesystem::path out_dir);
    bool matches(const std::string& stem, std::uint64_t hash) const;
    void record(const std::string& stem, std::uint64_t hash);
    void save() const; // atomically, if anything was recorded that it did not hold

  private:
    std::filesystem::path file_;
    mutable std::mutex mutex_;
    std::map<std::string, std::uint64_t> entries_;
    bool changed_ = false;
};

} // namespace factpress
