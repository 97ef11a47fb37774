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
    if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
}

void use_one_arena() {
    mallopt(M_ARENA_MAX, 1);
}

} // namespace factpress::cli
