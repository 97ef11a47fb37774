#include "app/program_identity.hpp"
#include "pipeline/file_bytes.hpp"
#include "pipeline/manifest.hpp"

#include <fmt/format.h>

#include <elf.h>
#include <link.h>

namespace factpress::cli {
namespace {

std::size_t aligned4(std::size_t n) {
    return (n + 3) & ~std::size_t{3};
}

// Searches one PT_NOTE segment for the NT_GNU_BUILD_ID note.
std::string build_id_in(const char* notes, std::size_t size) {
    std::size_t at = 0;
    while (at + sizeof(ElfW(Nhdr)) <= size) {
        const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(notes + at);
        std::size_t name_at = at + sizeof(ElfW(Nhdr));
        std::size_t desc_at = name_at + aligned4(note->n_namesz);
        if (desc_at + note->n_descsz > size) break;
        if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 &&
            std::string_view(notes + name_at, 3) == "GNU") {
            std::string hex;
            for (std::size_t i = 0; i < note->n_descsz; ++i)
                hex += fmt::format("{:02x}", static_cast<unsigned char>(notes[desc_at + i]));
            return hex;
        }
        at = desc_at + aligned4(note->n_descsz);
    }
    return {};
}

// dl_iterate_phdr visits the main program first; its name is empty.
int find_build_id(dl_phdr_info* info, std::size_t, void* found) {
    auto* id = static_cast<std::string*>(found);
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const auto& segment = info->dlpi_phdr[i];
        if (segment.p_type != PT_NOTE) continue;
        *id = build_id_in(reinterpret_cast<const char*>(info->dlpi_addr + segment.p_vaddr),
                          segment.p_memsz);
        if (!id->empty()) break;
    }
    return 1; // the main program only
}

} // namespace

std::string program_identity() {
    std::string id;
    dl_iterate_phdr(find_build_id, &id);
    if (!id.empty()) return id;
    return fmt::format("{:x}", hash_bytes(read_file("/proc/self/exe").value_or("")));
}

} // namespace factpress::cli
