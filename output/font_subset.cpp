#include "output/font_subset.hpp"

#include <hb-subset.h>

#include <cstdlib>
#include <memory>
#include <unistd.h>

namespace factpress {
namespace {

template <typename T, void (*Destroy)(T*)> struct HbDeleter {
    void operator()(T* object) const { Destroy(object); }
};
using Blob = std::unique_ptr<hb_blob_t, HbDeleter<hb_blob_t, hb_blob_destroy>>;
using Face = std::unique_ptr<hb_face_t, HbDeleter<hb_face_t, hb_face_destroy>>;
using Input =
    std::unique_ptr<hb_subset_input_t, HbDeleter<hb_subset_input_t, hb_subset_input_destroy>>;

std::filesystem::path temporary_directory() {
    const char* dir = std::getenv("TMPDIR");
    return dir && *dir ? dir : "/tmp";
}

} // namespace

SubsetFile::SubsetFile(const std::filesystem::path& font, const std::set<char32_t>& code_points) {
    Blob blob(hb_blob_create_from_file_or_fail(font.c_str()));
    if (!blob) return;
    Face face(hb_face_create(blob.get(), 0));
    Input input(hb_subset_input_create_or_fail());
    if (!face || !input) return;
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (char32_t cp : code_points)
        hb_set_add(unicodes, cp);
    // Hinting is of no use in print; the outlines and metrics are what the PDF needs.
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
    Face subset(hb_subset_or_fail(face.get(), input.get()));
    if (!subset) return;
    Blob bytes(hb_face_reference_blob(subset.get()));
    unsigned int size = 0;
    const char* data = hb_blob_get_data(bytes.get(), &size);
    std::string name = (temporary_directory() / "factpress-font-XXXXXX").string();
    int fd = ::mkstemp(name.data());
    if (fd < 0) return;
    bool written = size > 0 && ::write(fd, data, size) == static_cast<ssize_t>(size);
    ::close(fd);
    if (written)
        path_ = name;
    else
        ::unlink(name.c_str());
}

SubsetFile::~SubsetFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
}

} // namespace factpress
