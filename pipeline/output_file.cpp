#include "pipeline/output_file.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace factpress {
namespace fs = std::filesystem;

std::string write_atomically(const fs::path& path, std::span<const char> bytes,
                             Durability durability) {
    static std::atomic<unsigned> counter{0};
    std::error_code ec;
    fs::create_directories(path.parent_path().empty() ? "." : path.parent_path(), ec);
    if (ec)
        return fmt::format("cannot create folder {}: {}", path.parent_path().string(),
                           ec.message());
    fs::path temporary = path.parent_path() / fmt::format(".{}.tmp-{}-{}", path.filename().string(),
                                                          getpid(), counter++);
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return fmt::format("cannot write {}: {}", temporary.string(), std::strerror(errno));
    std::size_t written = 0;
    while (written < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        written += static_cast<std::size_t>(n);
    }
    bool ok = written == bytes.size() && (durability == Durability::cache || ::fsync(fd) == 0);
    ok = ::close(fd) == 0 && ok;
    if (ok && ::rename(temporary.c_str(), path.c_str()) == 0) return {};
    std::string error = std::strerror(errno);
    ::unlink(temporary.c_str());
    return fmt::format("cannot write {}: {}", path.string(), error);
}

} // namespace factpress
