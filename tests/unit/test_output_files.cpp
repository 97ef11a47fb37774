// Outputs that appear complete or not at all, and the queue that commits them off the rendering
// threads.
#include "pipeline/commit_queue.hpp"
#include "pipeline/file_bytes.hpp"
#include "pipeline/output_file.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <fcntl.h>
#include <filesystem>
#include <iterator>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

using namespace factpress;
namespace fs = std::filesystem;

namespace {

fs::path fresh_folder(const std::string& name) {
    fs::path folder =
        fs::temp_directory_path() / ("factpress-test-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

std::size_t entries(const fs::path& folder) {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

// Whether `folder`'s file system holds unnamed files (O_TMPFILE); tmpfs and ext4 do.
bool holds_unnamed_files(const fs::path& folder) {
    int fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    if (fd >= 0) ::close(fd);
    return fd >= 0;
}

} // namespace

TEST_CASE("a pending output takes its name only when committed, and is gone if not") {
    fs::path folder = fresh_folder("pending");
    fs::path file = folder / "sheet.pdf";
    REQUIRE(write_atomically(file, std::string("old")).empty());
    {
        PendingOutput pending(file, std::string("newer")); // not the old one's size
        CHECK(read_file(file) == "old");                   // written, not yet renamed
        // Unnamed where it can be, so that a killed run leaves nothing; else a temporary name.
        CHECK(entries(folder) == (holds_unnamed_files(folder) ? 1u : 2u));
        pending.flush();
        CHECK(entries(folder) == (holds_unnamed_files(folder) ? 1u : 2u));
    }
    CHECK(read_file(file) == "old"); // dropped uncommitted: the earlier output stays
    CHECK(entries(folder) == 1);     // and no temporary is left behind
    PendingOutput pending(file, std::string("new")); // as long: written when committed
    CHECK(entries(folder) == 1);
    CHECK(pending.commit().empty());
    CHECK(read_file(file) == "new");
    CHECK(entries(folder) == 1);
    fs::remove_all(folder);
}

TEST_CASE("an output is compared with the file it replaces when committed, off the renderer") {
    fs::path folder = fresh_folder("same-bytes");
    fs::path file = folder / "sheet.txt";
    REQUIRE(write_atomically(file, std::string("same")).empty());
    struct stat before {};
    REQUIRE(::stat(file.c_str(), &before) == 0);
    CHECK(PendingOutput(file, std::string("same")).commit().empty());
    struct stat after {};
    REQUIRE(::stat(file.c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino); // left as it was: same file, same date
    CHECK(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
    CHECK(entries(folder) == 1);
    // Made while the old file held these bytes, committed after it changed: it is written. The
    // comparison is the committing thread's (rendering never waits to read an old output).
    PendingOutput pending(file, std::string("same"));
    REQUIRE(write_atomically(file, std::string("sane")).empty());
    CHECK(pending.commit().empty());
    CHECK(read_file(file) == "same");
    fs::remove_all(folder);
}

TEST_CASE("an output longer than one piece read back is compared to its last byte") {
    fs::path folder = fresh_folder("long-same-bytes");
    fs::path file = folder / "sheet.pdf";
    std::string bytes(50'000, 'x'); // the first piece, then three whole ones and part of a fifth
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<char>('a' + i % 23);
    REQUIRE(write_atomically(file, bytes).empty());
    struct stat before {};
    REQUIRE(::stat(file.c_str(), &before) == 0);
    CHECK(PendingOutput(file, bytes).commit().empty());
    struct stat after {};
    REQUIRE(::stat(file.c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino); // all of it the same: left as it was
    for (std::size_t differs : {std::size_t{0}, std::size_t{4095}, std::size_t{4096},
                                std::size_t{20'000}, bytes.size() - 1}) {
        CAPTURE(differs);
        REQUIRE(write_atomically(file, bytes).empty());
        std::string changed = bytes;
        changed[differs] = '#';
        CHECK(PendingOutput(file, changed).commit().empty());
        CHECK(read_file(file) == changed);
    }
    fs::remove_all(folder);
}

TEST_CASE("a pending output that cannot be written says so when committed") {
    fs::path folder = fresh_folder("unwritable");
    fs::path blocker = folder / "not-a-folder";
    REQUIRE(write_atomically(blocker, std::string("x")).empty());
    PendingOutput pending(blocker / "sheet.pdf", std::string("bytes"));
    CHECK(pending.commit().find("cannot") != std::string::npos);
    fs::remove_all(folder);
}

TEST_CASE("an output that cannot be created is named as the user knows it, not by its temporary") {
    PendingOutput pending("/proc/sheet.pdf", std::string("bytes")); // no files can be made
    std::string error = pending.commit();
    CHECK(error.starts_with("cannot write /proc/sheet.pdf: "));
    CHECK(error.find(".tmp-") == std::string::npos);
}

TEST_CASE("the commit queue commits every item once, with a bounded number waiting") {
    std::atomic<int> committed{0}, sum{0};
    {
        CommitQueue<int> queue(2, 3, [&](int& item) {
            sum += item;
            ++committed;
        });
        for (int i = 1; i <= 200; ++i)
            queue.push(i);
    } // leaving commits what is still waiting
    CHECK(committed == 200);
    CHECK(sum == 200 * 201 / 2);
}
