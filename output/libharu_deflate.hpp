// How libharu compresses streams (see libharu_deflate.cpp), and the streams it must not compress:
// a PNG's pixel data is already a FlateDecode stream, which a PDF takes as it is.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <span>
#include <vector>

namespace factpress {

// `data` as the zlib stream libharu's streams get (level 6, this thread's compressor): for a
// stream made ahead, which is then marked as deflated.
std::vector<std::uint8_t> zlib_compressed(std::span<const std::uint8_t> data);

// Marks `stream`, whose bytes are already deflated (zlib format), to be written as it is under
// its /Filter /FlateDecode; unmark it before libharu frees it (its address may be reused).
void mark_deflated(HPDF_Stream stream);
void unmark_deflated(HPDF_Stream stream);

} // namespace factpress
