// Work a lone document will need, started on the idle core before the document is even parsed:
// its hyphenation patterns (the longest thing to load), then the full checks of its JPEG photos,
// which resolve then finds done, or waits for, in the run's checks. What to fetch is read from
// the raw text; a wrong guess costs only the idle core's time, and every check still happens.
#pragma once

#include "pipeline/limits.hpp"
#include "pipeline/render.hpp"

#include <filesystem>
#include <thread>

namespace factpress {

// The thread doing it; `shared` must outlive it (it joins when destroyed).
std::jthread prefetch(const std::filesystem::path& source, SharedResources& shared,
                      const Limits& limits);

} // namespace factpress
