#include "output/font_subset.hpp"

#include <hb-subset.h>

namespace factpress {
namespace {

template <typename T, void (*Destroy)(T*)> struct HbDeleter {
    void operator()(T* object) const { Destroy(object); }
};
using Blob = std::unique_ptr<hb_blob_t, HbDeleter<hb_blob_t, hb_blob_destroy>>;
using Face = std::unique_ptr<hb_face_t, HbDeleter<hb_face_t, hb_face_destroy>>;
using Input =
    std::unique_ptr<hb_subset_input_t, HbDeleter<hb_subset_input_t, hb_subset_input_destroy>>;

} // namespace

SubsetSources::SubsetSources() = default;
SubsetSources::~SubsetSources() = default;

void SubsetSources::Destroy::operator()(hb_face_t* face) const {
    hb_face_destroy(face);
}

hb_face_t* SubsetSources::face(const std::filesystem::path& font) {
    std::lock_guard lock(mutex_);
    Source& source = sources_[font];
    if (source.uses++ == 0) {
        Blob blob(hb_blob_create_from_file_or_fail(font.c_str()));
        if (blob) source.plain.reset(hb_face_create(blob.get(), 0));
        if (source.plain && hb_face_get_glyph_count(source.plain.get()) == 0) source.plain.reset();
    } else if (source.uses == 2 && source.plain) {
        hb_face_t* prepared = hb_subset_preprocess(source.plain.get());
#if !HB_VERSION_ATLEAST(7, 0, 0)
        // Before harfbuzz#3967, a failed preprocessing returned the face without a reference.
        if (prepared == source.plain.get()) prepared = hb_face_reference(prepared);
#endif
        source.prepared.reset(prepared);
    }
    return source.prepared ? source.prepared.get() : source.plain.get();
}

std::string subset_font(SubsetSources& sources, const std::filesystem::path& font,
                        const std::set<char32_t>& code_points) {
    hb_face_t* face = sources.face(font);
    Input input(hb_subset_input_create_or_fail());
    if (!face || !input) return {};
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (char32_t cp : code_points)
        hb_set_add(unicodes, cp);
    // Hinting is of no use in print; the outlines and metrics are what the PDF needs. Nor are the
    // OpenType layout tables: a PDF places every glyph itself, and no viewer reads them.
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
    hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* tag : {"GSUB", "GPOS", "GDEF"})
        hb_set_add(dropped, hb_tag_from_string(tag, 4));
    Face subset(hb_subset_or_fail(face, input.get()));
    if (!subset) return {};
    Blob blob(hb_face_reference_blob(subset.get()));
    unsigned int size = 0;
    const char* data = hb_blob_get_data(blob.get(), &size);
    return std::string(data, size);
}

} // namespace factpress
