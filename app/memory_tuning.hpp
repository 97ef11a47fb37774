// Allocator settings for factpress's pattern of work: many short documents, each allocating and
// freeing a few megabytes.
#pragma once

namespace factpress::cli {

void tune_memory();

} // namespace factpress::cli
