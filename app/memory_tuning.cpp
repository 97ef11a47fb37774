#include "app/memory_tuning.hpp"

#include <cstdint>
#include <cstdlib>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

namespace factpress::cli {

// Fresh memory costs a page fault per 4 KiB (about 10 us each on the 2-core VM of bench/, where
// one sheet touched some 1,400 pages): memory freed by one document is kept for the next, and
// the heap asks for transparent huge pages, one fault per 2 MiB.
void tune_memory() {
    // zlib's state, PDF streams and decoded pixels come from the heap, reused, instead of fresh
    // mmap()s released at free().
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    mallopt(M_TOP_PAD, 16 << 20);
    auto* before = static_cast<char*>(sbrk(0));
    void* volatile grow = std::malloc(256 << 10); // grows the heap by the pad now (volatile: a
    std::free(grow);                              // malloc/free pair is otherwise optimized out)
    auto* after = static_cast<char*>(sbrk(0));
    if (before == reinterpret_cast<char*>(-1) || after <= before) return;
    const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    auto start = (reinterpret_cast<std::uintptr_t>(before) + page - 1) & ~(page - 1);
    auto end = reinterpret_cast<std::uintptr_t>(after) & ~(page - 1);
    if (end <= start) return;
    madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
    // Huge pages only fill whole aligned 2 MiB blocks: from the top of the heap to the first such
    // boundary, memory would still come 4 KiB a fault (some 350 faults for a sheet). That stretch
    // is taken by one block never used nor freed, so allocations start at the boundary; its
    // pages are never touched and cost nothing.
    constexpr std::uintptr_t huge = 2 << 20;
    void* volatile probe = std::malloc(512 << 10); // larger than any free chunk: from the top
    auto at = reinterpret_cast<std::uintptr_t>(probe);
    std::free(probe);
    constexpr std::uintptr_t header = 2 * sizeof(std::size_t);
    std::uintptr_t boundary = (at + header + huge - 1) & ~(huge - 1);
    if (at < reinterpret_cast<std::uintptr_t>(before) - (1 << 20) || boundary + huge > end ||
        boundary - at < 4 * header)
        return; // not from this heap's top (a sanitizer's allocator, say)
    // Volatile and static: kept, reachable and never freed.
    static void* volatile skipped = std::malloc(boundary - at - 2 * header);
    (void)skipped;
}

void use_one_arena() {
    mallopt(M_ARENA_MAX, 1);
}

} // namespace factpress::cli
