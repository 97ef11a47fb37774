// Fuzzes the TrueType reader and the subsetter (a style sheet may name any font file): a font the
// reader takes gives either no subset or one the reader takes again, with the same glyphs mapped
// and the same widths.
#include "output/font_subset.hpp"

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

using namespace factpress;

namespace {

// `bytes` as a file of its own, in memory.
struct MemoryFile {
    int fd;
    explicit MemoryFile(std::string_view bytes) : fd(memfd_create("font", 0)) {
        if (fd < 0 || write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size()))
            std::abort();
    }
    ~MemoryFile() { close(fd); }
    std::string path() const { return "/proc/self/fd/" + std::to_string(fd); }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    MemoryFile file({reinterpret_cast<const char*>(data), size});
    std::set<char32_t> characters;
    for (char32_t cp = 0x20; cp < 0x250; ++cp)
        characters.insert(cp);
    for (char32_t cp : {0x401, 0x419, 0x627, 0x644, 0x2013, 0x20AC, 0x1F600})
        characters.insert(cp);
    std::optional<FontFace> original;
    try {
        original.emplace(FontFace::load(file.path()));
    } catch (const std::runtime_error&) {
        return 0; // a font the reader refuses, with a message
    }
    std::string subset = subset_font(*original, characters);
    if (subset.empty()) return 0;
    MemoryFile subset_file(subset);
    FontFace face = FontFace::load(subset_file.path()); // throws: a subset not readable, a bug
    for (char32_t cp : characters) {
        std::uint16_t before = original->glyph(cp), after = face.glyph(cp);
        bool kept = before != 0 && before < original->glyph_count() && cp < 0xFFFF;
        if ((after != 0) != kept) std::abort();
        if (after && face.advance(cp) != original->advance(cp)) std::abort();
    }
    return 0;
}
