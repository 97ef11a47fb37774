// How libharu compresses streams (see libharu_deflate.cpp), and the streams it must not compress:
// a PNG's pixel data is already a FlateDecode stream, which a PDF takes as it is.
#pragma once

#include <hpdf.h>

namespace factpress {

// Marks `stream`, whose bytes are already deflated (zlib format), to be written as it is under
// its /Filter /FlateDecode; unmark it before libharu frees it (its address may be reused).
void mark_deflated(HPDF_Stream stream);
void unmark_deflated(HPDF_Stream stream);

} // namespace factpress
