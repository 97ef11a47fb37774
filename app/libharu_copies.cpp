// libharu 2.3.0 copies and clears memory a byte at a time (HPDF_MemCpy, HPDF_MemSet), and every
// stream it writes passes through them: photos, fonts and the saved document, about a quarter of
// the instructions of a sheet with photos. Both are exported and libharu calls them through its
// PLT, so these definitions in the program take their place. They return what libharu's do: the
// end of the range written. Copies use memmove, which is what a forward byte loop amounts to
// wherever libharu's ranges could meet.
#include <hpdf_utils.h>

#include <cstring>

extern "C" {

HPDF_BYTE* HPDF_MemCpy(HPDF_BYTE* out, const HPDF_BYTE* in, HPDF_UINT n) {
    if (n) std::memmove(out, in, n);
    return out + n;
}

void* HPDF_MemSet(void* s, HPDF_BYTE c, HPDF_UINT n) {
    if (n) std::memset(s, c, n);
    return static_cast<HPDF_BYTE*>(s) + n;
}

} // extern "C"
