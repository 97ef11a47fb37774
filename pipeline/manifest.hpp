// The incremental-build manifest kept in the out-dir: per output stem, a hash of every input. An
// entry is added to the file as soon as its document's outputs have their names, so a run stopped
// half-way (Ctrl-C, kill -9, a power cut) resumes where it was.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace factpress {

std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed = 1469598103934665603ull);

class Manifest {
  public:
    explicit Manifest(std::filesystem::path out_dir);
    ~Manifest();
    Manifest(const Manifest&) = delete;
    Manifest& operator=(const Manifest&) = delete;
    bool matches(const std::string& stem, std::uint64_t hash) const;
    void record(const std::string& stem, std::uint64_t hash); // and adds it to the file
    void save() const; // atomically, without superseded lines, if it holds any

  private:
    std::filesystem::path file_;
    mutable std::mutex mutex_;
    std::map<std::string, std::uint64_t> entries_;
    bool rewrite_ = false; // the file holds superseded or partial lines, or lacks some
    std::optional<std::size_t> cut_line_at_; // where a partial last line of the file starts
    int journal_ = -1;                       // the file, opened for adding entries as they come
};

} // namespace factpress
