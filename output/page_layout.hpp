// The layout's result: pages holding text runs, rectangles, images and links at fixed positions.
// Coordinates are points from the page's top-left corner; y of a text run is its baseline.
// The PDF back end only draws this; tests inspect it without a PDF.
#pragma once

#include "model/fact_sheet.hpp"
#include "output/font_face.hpp"
#include "styles/style.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace factpress {

struct TextItem {
    double x = 0, y = 0;
    int face = -1; // index into PageLayout::faces; -1 draws a placeholder box (no font covers it)
    double size = 10;
    Colour colour;
    std::string text;
    double width = 0;          // as drawn, scaling included
    double scale = 1;          // horizontal glyph scaling (font expansion on justified lines)
    int node = -1;             // in PageLayout::structure; -1 for page furniture (a running header)
    bool added_hyphen = false; // breaks the line: drawn, but not read (the word reads whole)
    bool operator==(const TextItem&) const = default;
};

struct RectItem {
    double x = 0, y = 0, width = 0, height = 0;
    std::optional<Colour> fill;
    std::optional<Colour> stroke;
    double line_width = 0;
    bool operator==(const RectItem&) const = default;
};

struct ImageItem {
    double x = 0, y = 0, width = 0, height = 0;
    const Image* image = nullptr; // owned by the FactSheet, which outlives the layout
    int node = -1;                // in PageLayout::structure; -1 for a decorative image (alt="")
    bool operator==(const ImageItem&) const = default;
};

struct LinkItem {
    double x = 0, y = 0, width = 0, height = 0;
    std::string uri;    // external: http(s) or mailto
    std::string anchor; // internal: the id of a section or figure
    int node = -1;      // its Link in PageLayout::structure; -1 on page furniture
    bool operator==(const LinkItem&) const = default;
};

// A node of the document's logical structure, in reading order: PDF's structure types (H1, P,
// L, LI, Lbl, LBody, Figure, Caption, BlockQuote, Div, and Link inside a block), which a screen
// reader speaks and a reader reflows by. Text and images name the node they belong to; rectangles
// are never content.
// (Every member has its default, so that a node is made naming only what it sets.)
struct StructureNode {
    std::string role = {};
    int parent = -1;        // -1: a child of the document
    std::string alt = {};   // a Figure's alternative text, read instead of its content
    std::string words = {}; // a Link's, in reading order: what its annotations say (/Contents)
    std::string actual_text = {}; // the text as read, where not drawn in that order (/ActualText)
    std::string language = {};    // where not the document's (/Lang): a screen reader changes voice
    std::string expansion = {};   // an abbreviation's, read instead of it (/E)
    bool operator==(const StructureNode&) const = default;
};

// A Link or a Span: inside its block's text, among its words.
inline bool is_inline(const StructureNode& node) {
    return node.role == "Link" || node.role == "Span";
}

struct Page {
    std::vector<RectItem> rects;
    std::vector<ImageItem> images;
    std::vector<TextItem> texts;
    std::vector<LinkItem> links;
};

struct Anchor {
    int page = 0;
    double y = 0;
};

struct Bookmark {
    std::string title;
    int level = 0; // 0 for the document title, then the section level
    Anchor target;
};

struct DocumentInfo {
    std::string title, author, subject, keywords;
    std::string language;       // BCP 47, as xml:lang gives it
    bool right_to_left = false; // pages read from right to left
};

struct PageLayout {
    double width = 0, height = 0;
    std::vector<Page> pages;
    std::vector<Bookmark> bookmarks;
    std::map<std::string, Anchor> anchors;
    std::vector<const FontFace*> faces;
    DocumentInfo info;
    // The share of the style's space between blocks kept: below 1 when it was tightened to save
    // a page (page_fit).
    double spacing = 1;
    std::vector<StructureNode> structure; // in reading order, a parent before its children
};

} // namespace factpress
