// A style sheet: page geometry, font families and the look of every element, as loaded from XML
// (the format: README.md, "Style sheets"; styles/nato.xml is annotated). Values are looked up by
// element and property.
#pragma once

#include "model/diagnostic.hpp"
#include "output/labels.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace factpress {

struct Colour {
    double r = 0, g = 0, b = 0;
    bool operator==(const Colour&) const = default;
};

struct FontFamily {
    std::string name;
    std::string regular, bold, italic, bold_italic; // font file names, found along the font path
};

class Style {
  public:
    std::string name;
    std::vector<std::filesystem::path> font_path; // folders searched for font files, in order
    std::map<std::string, FontFamily> families;
    std::vector<std::string> font_chain; // family names tried in order for each character
    std::vector<std::filesystem::path>
        files; // the style files read, base first (for rebuild checks)
    // The words factpress adds, per language, where the style sets them (<labels>): each row is
    // the built-in one of its language (English for one without) with the style's words in it.
    std::vector<Labels> labels;

    // Property of an element; falls back to the element "text", then to `fallback`.
    std::string text(const std::string& element, const std::string& property,
                     const std::string& fallback = "") const;
    double number(const std::string& element, const std::string& property,
                  double fallback = 0) const;
    Colour colour(const std::string& element, const std::string& property,
                  Colour fallback = {}) const;
    bool has(const std::string& element, const std::string& property) const;
    // The families named by the elements' `font`, each once.
    std::vector<std::string> fonts_named() const;

    void set(const std::string& element, const std::string& property, std::string value);

  private:
    const std::string* find(const std::string& element, const std::string& property) const;
    std::map<std::string, std::map<std::string, std::string>> rules_;
};

struct StyleLoadResult {
    std::optional<Style> style;
    std::string file; // the file the diagnostics are about
    Diagnostics diagnostics;
};

// A bundled style by name (nato, letter, plain) or a style file by path; `extends` is followed.
StyleLoadResult load_style(const std::string& name_or_file);

// The bundled styles' folder, and their names.
std::filesystem::path bundled_style_dir();
std::vector<std::string> bundled_style_names();

std::optional<Colour> parse_colour(const std::string& text);

// A page size in points from its name ("A4", "A5", "Letter", "Legal") or "WIDTHxHEIGHT" in points,
// each from 72 to 14400; nullopt for anything else.
std::optional<std::pair<double, double>> parse_page_size(std::string_view text);

} // namespace factpress
