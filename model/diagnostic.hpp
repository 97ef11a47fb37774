// Source positions and the diagnostics that point at them.
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace factpress {

// 1-based line and column (columns count Unicode code points); 0 means "no position".
struct Position {
    int line = 0;
    int column = 0;
    auto operator<=>(const Position&) const = default;
};

enum class Severity { warning, error };

struct Diagnostic {
    Diagnostic() = default;
    Diagnostic(Severity severity, Position position, std::string message, std::string subject = {})
        : severity(severity), position(position), message(std::move(message)),
          subject(std::move(subject)) {}

    Severity severity = Severity::error;
    Position position;
    std::string message;
    // Text the diagnostic is about, made where only the position of its block is known: the
    // pipeline, which has the source, moves the diagnostic to where the text first appears.
    std::string subject;
    bool operator==(const Diagnostic&) const = default;
};

using Diagnostics = std::vector<Diagnostic>;

inline bool has_errors(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics)
        if (d.severity == Severity::error) return true;
    return false;
}

// In the order of the source, as a compiler reports; the order found is kept within a position.
inline void sort_in_source_order(Diagnostics& diagnostics) {
    std::stable_sort(
        diagnostics.begin(), diagnostics.end(),
        [](const Diagnostic& a, const Diagnostic& b) { return a.position < b.position; });
}

} // namespace factpress
