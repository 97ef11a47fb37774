// The face for each right-to-left script of a document: the one that covers most of the
// document's letters in that script. A Persian sheet is set in one Arabic face, and its Hebrew
// words do not pull it into a face that has both scripts.
#pragma once

#include "output/font_set.hpp"

#include <map>
#include <string>
#include <string_view>
#include <tuple>

namespace factpress {

class ScriptFaces {
  public:
    // `document_text`: all of the document's text (all_text); `right_to_left`: its direction.
    ScriptFaces(const FontSet& fonts, std::string_view document_text, bool right_to_left);

    // The face for `word` (as shaped) when it holds right-to-left letters, else -1: chosen once
    // per script, variant and family, then remembered.
    int face_for(std::string_view word, Variant variant, const std::string& family);

  private:
    const FontSet& fonts_;
    std::map<char32_t, std::u32string> letters_; // by script, each letter once
    std::map<std::tuple<char32_t, Variant, std::string>, int> chosen_;
};

} // namespace factpress
