// The document model: plain values for everything in FORMAT.md, each node with its source position.
// Both back ends read this; neither sees XML.
#pragma once

#include "model/diagnostic.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace factpress {

enum class InlineKind { text, emphasis, strong, link, abbr };

// One inline run. Text nodes carry `text`; links carry their href in `target`, abbreviations
// their expansion; the other kinds hold children. (Every member has its default, so that a run is
// made naming only what it sets.)
struct Inline {
    InlineKind kind = InlineKind::text;
    std::string text = {};
    std::string target = {};
    std::vector<Inline> children = {};
    Position position = {};
    std::string language = {}; // xml:lang on the element, as written; else empty
    bool operator==(const Inline&) const = default;
};
using Inlines = std::vector<Inline>;

struct Paragraph {
    Inlines content;
    Position position;
    std::string language; // xml:lang on it or around it, where not the sheet's; else empty
    bool operator==(const Paragraph&) const = default;
};
using Paragraphs = std::vector<Paragraph>;

struct ListBlock {
    bool numbered = false;
    std::vector<Paragraphs> items; // an item written as inline content is one paragraph
    Position position;
    bool operator==(const ListBlock&) const = default;
};

enum class ImageFormat { none, png, jpeg };

// A figure's picture after the resolve stage: decoded pixels for PNG, the file's bytes for JPEG.
struct Image {
    ImageFormat format = ImageFormat::none;
    int width = 0;
    int height = 0;
    int channels = 0;                  // colour channels of `pixels` (1 grey, 3 RGB)
    std::vector<std::uint8_t> data;    // PNG: 8-bit pixels; JPEG: the file as read
    std::vector<std::uint8_t> alpha;   // PNG with transparency: one 8-bit mask byte per pixel
    bool flat_colours = false;         // PNG from a palette or under 8 bits a sample: not a photo
    std::vector<std::uint8_t> palette; // RGB triples; when set, `data` holds an index a pixel
    // PNG whose samples PDF takes as they are: its IDAT chunks' zlib stream (rows PNG-filtered,
    // `bits` a sample, `palette` its PLTE), embedded without being decoded; `data` is then empty.
    // A PNG that had to be decoded gets such a stream made of its pixels, and `alpha_deflated`
    // one of its transparency (see deflate_pixels).
    std::vector<std::uint8_t> deflated;
    std::vector<std::uint8_t> alpha_deflated;
    int bits = 8;
    int orientation = 1; // EXIF's, 1 to 8: how the stored pixels turn to stand upright
    // The file's colour profile (ICC), for `channels` colour components (the palette's, RGB, for
    // an indexed PNG); empty: the samples are taken as device colours (sRGB on screen).
    std::vector<std::uint8_t> colour_profile;
    bool inverted_inks = false; // JPEG, 4 components: inks stored inverted, as Adobe's APP14 says
    bool operator==(const Image&) const = default;
    // The picture as it is seen, upright: 5 to 8 turn it a quarter.
    int shown_width() const { return orientation >= 5 ? height : width; }
    int shown_height() const { return orientation >= 5 ? width : height; }
};

struct Figure {
    std::string id;
    std::string source; // @src as written
    std::string alt;
    double width_percent = 100.0;
    Inlines caption;
    Inlines credit;
    std::string language; // of the caption and credit, as a Paragraph's
    Image image;          // filled by the resolve stage
    std::string unusable; // draft output: why the image could not be used (drawn as a placeholder)
    Position position;
    bool operator==(const Figure&) const = default;
};

struct Quote {
    Paragraphs paragraphs;
    std::string source;
    Position position;
    bool operator==(const Quote&) const = default;
};

struct Note {
    Paragraphs paragraphs;
    Position position;
    bool operator==(const Note&) const = default;
};

using Block = std::variant<Paragraph, ListBlock, Figure, Quote, Note>;
using Blocks = std::vector<Block>;

struct Section {
    std::string id;
    int level = 1; // 1 to 3
    Inlines heading;
    std::string language; // of the heading, as a Paragraph's
    Blocks blocks;
    std::vector<Section> sections;
    Position position;
    bool operator==(const Section&) const = default;
};

struct Date {
    int year = 0;
    int month = 0; // 0 when not given
    int day = 0;   // 0 when not given
    bool operator==(const Date&) const = default;
};

struct Meta {
    std::string series;
    Inlines title;
    Inlines subtitle;
    std::string short_title;
    Date date;
    std::optional<Date> updated;
    std::string issuer;
    std::string classification;
    std::vector<std::string> keywords;
    // Where each child of <meta> is, by element name ("series", "classification"): a character
    // no font covers is reported there.
    std::map<std::string, Position, std::less<>> positions;
    bool operator==(const Meta&) const = default;
};

enum class ContactKind { org, unit, phone, email, web, social, address };

struct ContactLine {
    ContactKind kind = ContactKind::org;
    std::string text;
    std::string network; // social only
    Position position;
    bool operator==(const ContactLine&) const = default;
};

struct FactSheet {
    std::string language; // xml:lang
    std::string id;
    Meta meta;
    Paragraphs summary;
    std::vector<Paragraph> key_facts;
    Blocks body_blocks;
    std::vector<Section> sections;
    std::vector<ContactLine> contact; // in source order; empty when there is no contact block
    bool operator==(const FactSheet&) const = default;
};

// The characters of inline content with the markup dropped (titles, bookmarks, metadata).
std::string plain_text(const Inlines& runs);

// `text` without the spaces at its ends.
std::string trimmed(const std::string& text);

// Whether abbreviation `abbr` is written out (<abbr title="NATO">NATO</abbr>): its expansion says
// nothing more.
bool written_out(const Inline& abbr);

// All the text of a sheet, blocks and lines separated by spaces: what a choice that should hold
// for the whole document (one face for its Arabic letters) looks at.
std::string all_text(const FactSheet& sheet);

} // namespace factpress
