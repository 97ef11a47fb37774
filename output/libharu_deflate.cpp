// libharu 2.3.0 compresses every stream of a PDF (page contents, font subsets, character maps)
// through zlib, setting up a fresh zlib state for each one and feeding it 4 KiB at a time: about
// a fifth of a seed sheet's time in a batch. libdeflate compresses a whole buffer in one call,
// more than twice as fast at the same level, into the same zlib format (FlateDecode). libharu
// calls this exported function through its PLT, so this definition in the program takes its
// place (mark_deflated, which the PDF writer calls, brings this file into every program that
// writes PDFs); the signature is 2.3.0's.
#include "output/libharu_deflate.hpp"

#include <hpdf.h>
#include <hpdf_encrypt.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include <memory>
#include <mutex>
#include <new>
#include <set>
#include <vector>

namespace factpress {
namespace {

// The streams marked as deflated already; documents on several threads mark theirs.
struct DeflatedStreams {
    std::mutex mutex;
    std::set<HPDF_Stream> streams;
};

DeflatedStreams& deflated_streams() {
    static DeflatedStreams streams;
    return streams;
}

bool is_deflated(HPDF_Stream stream) {
    DeflatedStreams& marked = deflated_streams();
    std::lock_guard lock(marked.mutex);
    return marked.streams.contains(stream);
}

struct CompressorDeleter {
    void operator()(libdeflate_compressor* compressor) const {
        libdeflate_free_compressor(compressor);
    }
};

// One compressor per thread, kept for the thread's life: setting one up costs more than
// compressing a small stream. Level 6 is zlib's default, which libharu asked for.
libdeflate_compressor& thread_compressor() {
    thread_local std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor{
        libdeflate_alloc_compressor(6)};
    if (!compressor) throw std::bad_alloc();
    return *compressor;
}

HPDF_STATUS compress_stream(HPDF_Stream src, HPDF_Stream dst, HPDF_Encrypt encrypt) {
    HPDF_STATUS status = HPDF_Stream_Seek(src, 0, HPDF_SEEK_SET);
    if (status != HPDF_OK) return status;
    HPDF_UINT size = HPDF_Stream_Size(src);
    std::vector<HPDF_BYTE> plain(size);
    if (size > 0) {
        status = HPDF_Stream_Read(src, plain.data(), &size);
        if (status != HPDF_OK && status != HPDF_STREAM_EOF) return status;
    }
    std::vector<HPDF_BYTE> packed;
    size_t packed_size = size;
    if (is_deflated(src)) {
        packed.swap(plain);
    } else {
        packed = zlib_compressed({plain.data(), size});
        packed_size = packed.size();
        if (packed_size == 0) return HPDF_SetError(src->error, HPDF_ZLIB_ERROR, 0);
    }
    if (encrypt) {
        // libharu's encryption is a stream cipher: one pass over the whole equals its 4 KiB passes.
        plain.resize(packed_size);
        HPDF_Encrypt_CryptBuf(encrypt, packed.data(), plain.data(), HPDF_UINT(packed_size));
        packed.swap(plain);
    }
    return HPDF_Stream_Write(dst, packed.data(), HPDF_UINT(packed_size));
}

} // namespace

std::vector<std::uint8_t> zlib_compressed(std::span<const std::uint8_t> data) {
    libdeflate_compressor& compressor = thread_compressor();
    std::vector<std::uint8_t> packed(libdeflate_zlib_compress_bound(&compressor, data.size()));
    packed.resize(libdeflate_zlib_compress(&compressor, data.data(), data.size(), packed.data(),
                                           packed.size()));
    return packed;
}

void mark_deflated(HPDF_Stream stream) {
    DeflatedStreams& marked = deflated_streams();
    std::lock_guard lock(marked.mutex);
    marked.streams.insert(stream);
}

void unmark_deflated(HPDF_Stream stream) {
    DeflatedStreams& marked = deflated_streams();
    std::lock_guard lock(marked.mutex);
    marked.streams.erase(stream);
}

} // namespace factpress

extern "C" {

HPDF_STATUS HPDF_Stream_WriteToStreamWithDeflate(HPDF_Stream src, HPDF_Stream dst,
                                                 HPDF_Encrypt encrypt) {
    try {
        return factpress::compress_stream(src, dst, encrypt);
    } catch (const std::bad_alloc&) { // an exception must not unwind through libharu's C
        return HPDF_SetError(src->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
    }
}

} // extern "C"
