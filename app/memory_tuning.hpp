// Allocator settings for factpress's pattern of work: many short documents, each allocating and
// freeing a few megabytes.
#pragma once

namespace factpress::cli {

void tune_memory();

// Threads helping a lone document allocate from the main heap (huge pages, mostly faulted in
// already) instead of each getting a fresh arena of 4 KiB faults. Call before starting them; a
// full batch keeps one arena per thread, as its threads allocate all the time.
void use_one_arena();

} // namespace factpress::cli
