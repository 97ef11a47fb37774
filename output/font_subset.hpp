// Font subsets made with HarfBuzz, so a PDF embeds only the glyphs it draws. libharu 2.3.0 loads
// fonts from files only: the subset goes to a temporary file, unlinked once libharu has it open.
#pragma once

#include <filesystem>
#include <set>
#include <string>

namespace factpress {

class SubsetFile {
  public:
    // Writes the subset of `font` holding `code_points` (plus what they need: composite parts,
    // .notdef) to a temporary file; an empty path() when HarfBuzz cannot subset the font.
    SubsetFile(const std::filesystem::path& font, const std::set<char32_t>& code_points);
    ~SubsetFile();
    SubsetFile(const SubsetFile&) = delete;
    SubsetFile& operator=(const SubsetFile&) = delete;

    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

} // namespace factpress
