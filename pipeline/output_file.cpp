#include "pipeline/output_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace factpress {
namespace fs = std::filesystem;
namespace {

// An unnamed file is named through /proc/self/fd (linkat with AT_EMPTY_PATH would need the
// CAP_DAC_READ_SEARCH capability); without /proc, outputs are written under temporary names.
bool can_name_unnamed_files() {
    static const bool proc_mounted = ::access("/proc/self/fd", X_OK) == 0;
    return proc_mounted;
}

// Writes all of `bytes`; 0, or why not (an errno value).
int write_all(int fd, std::span<const char> bytes) {
    std::size_t written = 0;
    errno = 0;
    while (written < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return errno ? errno : EIO;
        written += static_cast<std::size_t>(n);
    }
    return 0;
}

std::string write_in_place(const fs::path& path, std::span<const char> bytes) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return fmt::format("cannot write {}: {}", path.string(), std::strerror(errno));
    int error = write_all(fd, bytes);
    if (::close(fd) != 0 && !error) error = errno;
    return error ? fmt::format("cannot write {}: {}", path.string(), std::strerror(error)) : "";
}

// Whether `path` is a regular file holding exactly `bytes`. Read a piece at a time into a buffer
// never cleared, the first piece a page: a rebuilt PDF differs from the one it replaces in its
// dates, within its first kilobyte, and is told apart without reading (or clearing) any more.
bool holds_exactly(const fs::path& path, std::string_view bytes) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return false;
    struct stat status {};
    bool same = ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) &&
                static_cast<std::size_t>(status.st_size) == bytes.size();
    std::array<char, 1 << 14> chunk; // uninitialized: only ever read into
    for (std::size_t at = 0, piece = 4096; same && at < bytes.size(); piece = chunk.size()) {
        ssize_t n = ::read(fd, chunk.data(), std::min(piece, bytes.size() - at));
        if (n < 0 && errno == EINTR) continue;
        same =
            n > 0 && std::memcmp(chunk.data(), bytes.data() + at, static_cast<std::size_t>(n)) == 0;
        at += n > 0 ? static_cast<std::size_t>(n) : 0;
    }
    ::close(fd);
    return same;
}

} // namespace

PendingOutput::PendingOutput(const fs::path& path, std::string bytes, Durability durability)
    : path_(path), durability_(durability) {
    // An old output of the same size may hold these very bytes. That is found out when committing,
    // off the rendering thread (reading it back may wait for the disk), and the bytes are kept
    // here until then. Any other output is written at once.
    struct stat old {};
    if (::stat(path.c_str(), &old) == 0 && S_ISREG(old.st_mode) &&
        static_cast<std::size_t>(old.st_size) == bytes.size()) {
        held_ = std::move(bytes);
        return;
    }
    write_temporary(bytes);
}

void PendingOutput::write_temporary(std::span<const char> bytes) {
    static std::atomic<unsigned> counter{0};
    std::error_code ec;
    fs::create_directories(path_.parent_path().empty() ? "." : path_.parent_path(), ec);
    if (ec) {
        error_ =
            fmt::format("cannot create folder {}: {}", path_.parent_path().string(), ec.message());
        return;
    }
    temporary_ = path_.parent_path() /
                 fmt::format(".{}.tmp-{}-{}", path_.filename().string(), getpid(), counter++);
    // Unnamed until committed where the file system allows (O_TMPFILE): a run killed meanwhile
    // leaves nothing behind, and the fsync of a file no folder lists yet need not also write the
    // folder (on ext4: 6 disk writes a sheet instead of 9.5).
    if (can_name_unnamed_files()) {
        fs::path folder = path_.parent_path().empty() ? fs::path(".") : path_.parent_path();
        fd_ = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
        unnamed_ = fd_ >= 0;
    }
    if (fd_ < 0) fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd_ < 0) { // named as the user knows it, not by its temporary name
        error_ = fmt::format("cannot write {}: {}", path_.string(), std::strerror(errno));
        temporary_.clear();
        return;
    }
    if (int error = write_all(fd_, bytes)) {
        error_ = fmt::format("cannot write {}: {}", path_.string(), std::strerror(error));
        return;
    }
    // Starts the writeback now; commit()'s fsync then mostly finds it done.
    if (durability_ == Durability::flushed) ::sync_file_range(fd_, 0, 0, SYNC_FILE_RANGE_WRITE);
}

PendingOutput::PendingOutput(PendingOutput&& other) noexcept
    : path_(std::move(other.path_)), temporary_(std::exchange(other.temporary_, {})),
      durability_(other.durability_), fd_(std::exchange(other.fd_, -1)), flushed_(other.flushed_),
      unnamed_(other.unnamed_), unchanged_(other.unchanged_), held_(std::move(other.held_)),
      error_(std::move(other.error_)) {}

PendingOutput::~PendingOutput() {
    if (fd_ >= 0) ::close(fd_);
    if (!temporary_.empty() && !unnamed_) ::unlink(temporary_.c_str());
}

void PendingOutput::flush() {
    if (unchanged_ || flushed_ || !error_.empty()) return;
    if (held_) {
        // Bytes the file already holds are not written again: it keeps its date, so a sync to a
        // web server or a print shop's folder sends only the outputs that changed.
        if (holds_exactly(path_, *held_))
            unchanged_ = true;
        else
            write_temporary(*held_);
        held_.reset();
        if (unchanged_ || !error_.empty()) return;
    }
    if (fd_ < 0) return;
    flushed_ = true;
    if (durability_ == Durability::flushed && ::fsync(fd_) != 0)
        error_ = fmt::format("cannot write {}: {}", path_.string(), std::strerror(errno));
}

void PendingOutput::name_temporary() {
    // linkat cannot replace an existing file; the rename that follows does, atomically.
    std::string self = fmt::format("/proc/self/fd/{}", fd_);
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temporary_.c_str(), AT_SYMLINK_FOLLOW) == 0)
        unnamed_ = false;
    else
        error_ = fmt::format("cannot write {}: {}", path_.string(), std::strerror(errno));
}

std::string PendingOutput::commit() {
    flush();
    if (unchanged_) return {};
    if (error_.empty() && fd_ >= 0 && unnamed_) name_temporary();
    if (error_.empty() && fd_ >= 0) {
        bool ok = ::close(std::exchange(fd_, -1)) == 0;
        if (ok && ::rename(temporary_.c_str(), path_.c_str()) == 0) {
            temporary_.clear();
            return {};
        }
        error_ = fmt::format("cannot write {}: {}", path_.string(), std::strerror(errno));
    }
    return error_.empty() ? fmt::format("cannot write {}", path_.string()) : error_;
}

std::string write_atomically(const fs::path& path, std::string bytes, Durability durability) {
    // A pipe, a terminal or a device (--report /dev/stdout, say) is written as it is: renaming a
    // file over it would take it from whoever reads it. A symbolic link keeps pointing at the
    // file, which is replaced (/dev/stdout redirected to a file is such a link).
    std::error_code ec;
    if (fs::exists(path, ec) && !fs::is_regular_file(path, ec)) return write_in_place(path, bytes);
    fs::path target = fs::is_symlink(path, ec) ? fs::canonical(path, ec) : path;
    return PendingOutput(ec ? path : target, std::move(bytes), durability).commit();
}

} // namespace factpress
