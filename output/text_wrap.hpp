// Display-column text: widths as a terminal shows them, and ragged-right wrapping with hanging
// indents.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace factpress {

// "–", "—" or "-" standing alone between spaces: it stays on the line of the word before it.
bool is_spaced_dash(std::string_view word);

// A web or mail address ("https://…", "www.…", "…@…"): never hyphenated, and in a briefing
// started at the left edge when it does not fit after a marker, so that it copies whole.
bool looks_like_url(std::string_view word);

// Columns a terminal gives `text`: wide East Asian characters count 2, combining marks 0.
int display_width(std::string_view text);

// Wraps words (split at spaces) into lines of at most `width` columns; `first` starts the first
// line and `rest` the others. A word longer than the room stands alone on its line, uncut: an
// address too long to follow `first` starts the next line at the left edge ("[1]" above it), any
// other word stays after `first` (a bullet is never left alone, nor its word unindented).
std::vector<std::string> wrap(std::string_view text, int width, std::string_view first,
                              std::string_view rest);

} // namespace factpress
