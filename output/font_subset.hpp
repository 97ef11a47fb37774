// Font subsets made with HarfBuzz, so a PDF embeds only the glyphs it draws.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

typedef struct hb_face_t hb_face_t;

namespace factpress {

// The fonts of a run, read once and shared by every document (HarfBuzz faces are safe to subset
// from several threads). A font subset a second time is also preprocessed (hb_subset_preprocess):
// that costs about two single subsets, and makes each later one cheaper.
class SubsetSources {
  public:
    SubsetSources();
    ~SubsetSources();
    SubsetSources(const SubsetSources&) = delete;
    SubsetSources& operator=(const SubsetSources&) = delete;

    // Null when HarfBuzz cannot read `font`.
    hb_face_t* face(const std::filesystem::path& font);

  private:
    struct Destroy {
        void operator()(hb_face_t* face) const;
    };
    std::mutex mutex_;
    struct Source {
        std::unique_ptr<hb_face_t, Destroy> plain;
        std::unique_ptr<hb_face_t, Destroy> prepared;
        int uses = 0;
    };
    std::map<std::filesystem::path, Source> sources_;
};

// The subset of `font` holding `code_points` (plus what they need: composite parts, .notdef), as
// the bytes of a TrueType file; empty when HarfBuzz cannot subset the font.
std::string subset_font(SubsetSources& sources, const std::filesystem::path& font,
                        const std::set<char32_t>& code_points);

} // namespace factpress
