// Writing outputs so that a file appears complete or not at all.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>

namespace factpress {

// Whether a file must reach the disk before it takes its name: outputs must (else a power cut
// can leave an empty file under the final name); a cache that is rebuilt when unreadable need not.
enum class Durability { flushed, cache };

// An output written in its folder, unnamed (O_TMPFILE) or where the file system cannot do that
// under a temporary name, its trip to the disk started but not awaited: commit() waits for it and
// gives it its name (on another thread than the one that rendered it, the disk works while the
// processor does). Uncommitted, it is deleted. A file that already holds the same bytes is left
// untouched, its date kept: an output as long as the file it replaces is held in memory until
// committed, and compared with that file there, not by the thread that rendered it.
class PendingOutput {
  public:
    // Takes the bytes: an output held until committed (below) is not copied.
    PendingOutput(const std::filesystem::path& path, std::string bytes,
                  Durability durability = Durability::flushed);
    ~PendingOutput();
    PendingOutput(PendingOutput&& other) noexcept;
    PendingOutput& operator=(PendingOutput&&) = delete;

    const std::filesystem::path& path() const { return path_; }
    // Why it cannot be committed, as far as known yet: empty while writing and flushing went well.
    const std::string& error() const { return error_; }
    bool ok() const { return error_.empty(); }
    // Unless the file already holds these bytes, waits until they are on disk (unless a cache).
    // commit() does it if not done; called first on threads of their own, the flushes of several
    // outputs overlap.
    void flush();
    // Flushes and renames over path(). Returns an error message, empty on success; on failure
    // path() is left as it was.
    std::string commit();

  private:
    void name_temporary(); // links an unnamed file to temporary_
    void write_temporary(std::span<const char> bytes);

    std::filesystem::path path_, temporary_;
    Durability durability_;
    int fd_ = -1;
    bool flushed_ = false;
    bool unnamed_ = false;            // no folder lists it yet: nothing to delete
    bool unchanged_ = false;          // the file already holds these bytes: left as it is
    std::optional<std::string> held_; // bytes not written yet: they may be the file's own
    std::string error_;               // from writing or flushing, reported by commit()
};

// Both steps at once; a path naming something other than a regular file (a pipe, a terminal,
// /dev/stdout) is written to as it is.
std::string write_atomically(const std::filesystem::path& path, std::string bytes,
                             Durability durability = Durability::flushed);

} // namespace factpress
