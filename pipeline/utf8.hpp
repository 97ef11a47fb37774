// UTF-8 decoding and encoding that never reads past the end and rejects malformed sequences.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace factpress::utf8 {

inline constexpr char32_t invalid = 0xFFFFFFFF;

// Decodes the code point at `pos` and advances `pos`; returns `invalid` (advancing one byte) for
// malformed, overlong, surrogate or out-of-range sequences.
char32_t next(std::string_view text, std::size_t& pos);

void append(std::string& out, char32_t cp);

// `cp` in UTF-16: one unit, or a surrogate pair beyond the Basic Multilingual Plane (PDF's text
// strings and ToUnicode maps are UTF-16BE).
std::u16string utf16(char32_t cp);

// Offset of the first malformed byte, or npos when all of `text` is valid UTF-8.
std::size_t first_invalid(std::string_view text);

std::size_t count_code_points(std::string_view text);

// The code points of `text` (malformed bytes as `invalid`), and back.
std::u32string decode(std::string_view text);
std::string encode(std::u32string_view code_points);

} // namespace factpress::utf8
