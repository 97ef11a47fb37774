// The faces a style uses: families found along the font path, a fallback chain per character,
// and text measurement with the exact widths libharu will write.
#pragma once

#include "output/font_face.hpp"
#include "styles/style.hpp"

#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>

namespace factpress {

enum class Variant { regular = 0, bold = 1, italic = 2, bold_italic = 3 };

inline Variant make_variant(bool bold, bool italic) {
    return static_cast<Variant>((bold ? 1 : 0) + (italic ? 2 : 0));
}

// Parsed faces, shared by every document of a run (read-only once loaded).
class FontLibrary {
  public:
    // Finds `file_name` in the folders of `font_path`, then anywhere under the system font folders.
    std::optional<std::filesystem::path> find(const std::string& file_name,
                                              const std::vector<std::filesystem::path>& font_path);
    const FontFace& face(const std::filesystem::path& path); // throws on an unusable file

  private:
    std::mutex mutex_;
    std::map<std::filesystem::path, std::unique_ptr<FontFace>> faces_;
    std::map<std::string, std::filesystem::path> system_index_;
    bool indexed_ = false;
};

// One segment of text drawn with one face; face -1 means no face covers these characters.
struct FaceRun {
    int face = -1;
    std::string text;
    double width = 0;    // in points at the size measured, with the kerning after its end
    bool kerned = false; // follows a run of the same face with kerning between them: drawn
                         // at its own position, not joined to that run
};

class FontSet {
  public:
    // Finds every face the style names (`problems` lists missing or unusable files) and reads
    // the first family of the chain; the fallback families are read when first needed.
    FontSet(const Style& style, FontLibrary& library, std::vector<std::string>& problems);

    // The faces by index (null for a fallback face not read yet); layout and PDF share indices.
    std::vector<const FontFace*> faces() const;
    std::vector<std::filesystem::path> paths() const;
    // The first face of the chain that covers `cp` in `variant` (or its regular face); -1 if none.
    int face_for(char32_t cp, Variant variant, const std::string& family = {}) const;
    // The face that covers most of `code_points` (the first of equals); -1 if none covers any.
    int face_covering_most(std::u32string_view code_points, Variant variant,
                           const std::string& family = {}) const;
    // Splits text into runs per face, each with its width at `size`: in `preferred` where that
    // face covers all of `text`, else in one face where one covers all of it, else each
    // character in the first face that covers it.
    std::vector<FaceRun> runs(std::string_view text, Variant variant, double size,
                              const std::string& family = {}, int preferred = -1) const;
    double width(std::string_view text, Variant variant, double size,
                 const std::string& family = {}, int preferred = -1) const;

  private:
    struct Family {
        std::string name;
        int faces[4] = {-1, -1, -1, -1};
    };
    // A face read once, on first use, whichever thread asks first.
    struct Slot {
        std::filesystem::path path;
        mutable std::once_flag once;
        mutable std::atomic<const FontFace*> face = nullptr;
    };
    const FontFace* face(int index) const;
    // The first face that covers every one of `code_points` in `variant`; -1 if none.
    int face_covering(std::u32string_view code_points, Variant variant,
                      const std::string& family) const;
    // The faces to try, in order: `family`'s, then the chain's; each family's face in `variant`,
    // then its bold or regular, then its regular. Worked out once, in the constructor: it is
    // asked for every character set.
    const std::vector<int>& candidates(Variant variant, const std::string& family) const;
    std::vector<int> order_of_faces(Variant variant, const std::string& family) const;
    // The first face of `order` (candidates()) for which covers(face) holds; -1 if none.
    template <typename Covers> int first_face(const std::vector<int>& order, Covers covers) const;
    // Runs per face, each character in `only_face` if given (>= 0), else in its first face.
    std::vector<FaceRun> runs_by_character(std::string_view text, Variant variant, double size,
                                           const std::string& family, int only_face) const;

    FontLibrary& library_;
    std::vector<std::unique_ptr<Slot>> slots_;
    std::vector<Family> chain_;
    // candidates() by family name ("" for none, or one the chain does not have), then variant.
    std::map<std::string, std::array<std::vector<int>, 4>, std::less<>> candidates_;
};

} // namespace factpress
