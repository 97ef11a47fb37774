#include "pipeline/file_bytes.hpp"

#include <cstdint>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace factpress {
namespace {

struct FileDescriptor {
    int fd;
    explicit FileDescriptor(const std::filesystem::path& path)
        : fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)) {} // a FIFO must not block
    ~FileDescriptor() {
        if (fd >= 0) ::close(fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
};

} // namespace

std::optional<std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes) {
    FileDescriptor file(path);
    struct stat info {};
    if (file.fd < 0 || ::fstat(file.fd, &info) != 0 || !S_ISREG(info.st_mode) ||
        static_cast<std::uint64_t>(info.st_size) > max_bytes)
        return std::nullopt;
    // Sized from fstat, but read until end of file: the file may change while it is read.
    std::string bytes(static_cast<std::size_t>(info.st_size) + 1, '\0');
    std::size_t used = 0;
    for (;;) {
        if (used == bytes.size()) bytes.resize(2 * bytes.size());
        ssize_t n = ::read(file.fd, bytes.data() + used, bytes.size() - used);
        if (n < 0) return std::nullopt;
        if (n == 0) break;
        used += static_cast<std::size_t>(n);
        if (used > max_bytes) return std::nullopt;
    }
    bytes.resize(used);
    return bytes;
}

MappedFile::MappedFile(const std::filesystem::path& path) {
    FileDescriptor file(path);
    struct stat info {};
    if (file.fd < 0 || ::fstat(file.fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size <= 0)
        return;
    void* data =
        ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, file.fd, 0);
    if (data == MAP_FAILED) return;
    data_ = data;
    size_ = static_cast<std::size_t>(info.st_size);
}

MappedFile::~MappedFile() {
    if (data_) ::munmap(data_, size_);
}

} // namespace factpress
