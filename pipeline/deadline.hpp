// The time limit of one document (--timeout), checked at safe points between units of work.
#pragma once

#include <fmt/format.h>

#include <chrono>
#include <stdexcept>
#include <string>

namespace factpress {

struct TimeLimitExceeded : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Deadline {
  public:
    Deadline() = default; // never expires
    explicit Deadline(double seconds)
        : seconds_(seconds), end_(std::chrono::steady_clock::now() +
                                  std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                      std::chrono::duration<double>(seconds))) {}

    void check() const {
        if (seconds_ > 0 && std::chrono::steady_clock::now() > end_)
            throw TimeLimitExceeded(fmt::format("the document took more than {:g} s to render "
                                                "(--timeout)",
                                                seconds_));
    }

  private:
    double seconds_ = 0;
    std::chrono::steady_clock::time_point end_;
};

} // namespace factpress
