#include "output/pdf_renderer.hpp"
#include "output/font_subset.hpp"
#include "output/pdf_document.hpp"
#include "output/pdf_metadata.hpp"
#include "output/pdf_structure.hpp"
#include "output/pdf_text_codes.hpp"
#include "pipeline/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

namespace factpress {
namespace {

// Non-ASCII bytes and spaces of a URI percent-encoded, as PDF URI actions hold 7-bit ASCII.
// An existing escape such as %20 is kept as written, not encoded twice.
std::string encode_uri(const std::string& uri) {
    std::string out;
    for (unsigned char c : uri) {
        if (c > 0x20 && c < 0x7F)
            out += static_cast<char>(c);
        else
            out += fmt::format("%{:02X}", c);
    }
    return out;
}

// Bookmarks and document information keep at most this many characters: libharu refuses a
// string over 65,535 bytes (a whole document failed on a 40,000-character title), and no viewer
// shows more.
std::string_view clipped(std::string_view text) {
    constexpr std::size_t most = 1000;
    std::size_t pos = 0;
    for (std::size_t n = 0; pos < text.size() && n < most; ++n)
        utf8::next(text, pos);
    return text.substr(0, pos);
}

// The block `node` is in: itself, or for a Link or Span the block around it.
int block_of(int node, const std::vector<StructureNode>& structure) {
    while (is_inline(structure.at(static_cast<std::size_t>(node))))
        node = structure[static_cast<std::size_t>(node)].parent;
    return node;
}

// Whether a space character ends text item `t`, which `next` follows in reading (null: nothing of
// the same page or the next). Words are placed one by one, so the space between two is drawn
// nowhere; a space glyph after the first (blank, and the next word is placed where it always was)
// lets what reads the tagged text, a screen reader or `pdfinfo -struct-text`, tell the words
// apart. Between two items of one block on one line with a gap (not the two styles of one word,
// nor a word and the hyphen it was broken with), or at a line's end, unless the line ends in a
// hyphen or inside an address (after / or _). A link's or a phrase's words belong to the block
// around it; a character no font covers, drawn as a box, counts as a word.
bool word_space_after(const TextItem& t, const TextItem* next,
                      const std::vector<StructureNode>& structure) {
    if (!next || t.node < 0 || t.text.empty()) return false;
    if (next->node < 0 || block_of(next->node, structure) != block_of(t.node, structure))
        return false;
    if (next->y == t.y) return next->x > t.x + t.width + t.size * 0.1;
    return !t.text.ends_with('-') && !t.text.ends_with('/') && !t.text.ends_with('_') &&
           !t.text.ends_with("\u2010");
}

class Renderer {
  public:
    Renderer(const PageLayout& layout, const PdfOptions& options)
        : layout_(layout), options_(options), used_(characters_by_face(layout)),
          codes_(all_characters()) {}

    std::string run() {
        HPDF_Doc doc = pdf_.get();
        pdf_.check_status(HPDF_SetCompressionMode(doc, HPDF_COMP_ALL), "compression");
        encoder_ = pdf_.check(register_text_codes(doc, encoding, codes_), "the text encoding");
        pdf_.check_status(HPDF_SetCurrentEncoder(doc, encoding), "the text encoding");
        for (std::size_t i = 0; i < layout_.pages.size(); ++i) {
            HPDF_Page page = pdf_.check(HPDF_AddPage(doc), "adding a page");
            pdf_.check_status(HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(layout_.width)),
                              "page width");
            pdf_.check_status(HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(layout_.height)),
                              "page height");
            pdf_.set_trim_box(page, layout_.width, layout_.height);
            pages_.push_back(page);
        }
        marked_.resize(pages_.size());
        for (std::size_t i = 0; i < layout_.pages.size(); ++i)
            draw(i);
        if (!layout_.structure.empty())
            write_structure(pdf_, layout_.structure, pages_, marked_, link_annotations_);
        outline();
        info();
        return pdf_.save();
    }

  private:
    HPDF_REAL y(double top) const { return static_cast<HPDF_REAL>(layout_.height - top); }
    static HPDF_REAL f(double v) { return static_cast<HPDF_REAL>(v); }

    static std::map<int, std::set<char32_t>> characters_by_face(const PageLayout& layout) {
        std::map<int, std::set<char32_t>> used;
        for (const auto& page : layout.pages)
            for (const auto& t : page.texts)
                if (t.face >= 0) add_characters(used[t.face], t.text);
        // The word spaces of left-to-right text (right to left, items are in visual order).
        if (!layout.info.right_to_left)
            for (auto& [face, characters] : used)
                if (layout.faces.at(static_cast<std::size_t>(face))->covers(U' '))
                    characters.insert(U' ');
        return used;
    }

    static void add_characters(std::set<char32_t>& to, std::string_view text) {
        for (std::size_t pos = 0; pos < text.size();)
            to.insert(utf8::next(text, pos));
    }

    // What libharu is given as text: drawn text, bookmarks and document information.
    std::set<char32_t> all_characters() const {
        std::set<char32_t> all;
        for (const auto& [face, characters] : used_)
            all.insert(characters.begin(), characters.end());
        for (const auto& b : layout_.bookmarks)
            add_characters(all, b.title);
        for (const std::string* s : info_strings())
            add_characters(all, *s);
        return all;
    }

    std::vector<const std::string*> info_strings() const {
        const DocumentInfo& i = layout_.info;
        return {&i.title, &i.author, &i.subject, &i.keywords, &creator_};
    }

    HPDF_Font font(int face) {
        auto it = fonts_.find(face);
        if (it != fonts_.end()) return it->second;
        // Only the glyphs this document draws are embedded (the whole face when subsetting fails).
        const FontFace& original = *layout_.faces[static_cast<std::size_t>(face)];
        const std::set<char32_t>& used = used_.at(face);
        std::set<char32_t> glyphs = used; // a non-joiner is drawn as a zero-width space
        if (used.contains(zero_width_non_joiner)) glyphs.insert(zero_width_space);
        std::string subset = subset_font(original, glyphs);
        const char* name =
            subset.empty() ? HPDF_LoadTTFontFromFile(pdf_.get(), original.path().c_str(), HPDF_TRUE)
                           : pdf_.load_truetype(subset);
        pdf_.check(name, "loading a font");
        HPDF_Font font = pdf_.check(HPDF_GetFont(pdf_.get(), name, encoding), "preparing a font");
        replace_to_unicode(font, codes_.to_unicode_cmap(used));
        return fonts_[face] = font;
    }

    HPDF_Image image(const Image* source) {
        auto it = images_.find(source);
        if (it != images_.end()) return it->second;
        HPDF_Image image = nullptr;
        if (source->format == ImageFormat::jpeg) {
            image =
                pdf_.check(HPDF_LoadJpegImageFromMem(pdf_.get(), source->data.data(),
                                                     static_cast<HPDF_UINT>(source->data.size())),
                           "loading an image");
            pdf_.set_jpeg_colours(image, *source);
        } else if (!source->deflated.empty()) {
            image = pdf_.load_deflated(*source);
            if (!source->alpha_deflated.empty())
                pdf_.check_status(HPDF_Image_AddSMask(image, pdf_.load_soft_mask(*source)),
                                  "attaching an image's transparency");
        } else {
            throw PdfError("an image that was never read"); // resolve reads every one it keeps
        }
        return images_[source] = image;
    }

    // The image in its box, turned upright as its EXIF orientation says: the unit square the
    // image is drawn in is mapped onto the box, mirrored or turned, so the JPEG is kept as it is.
    void draw_image(HPDF_Page page, const ImageItem& item) {
        double w = item.width, h = item.height, x = item.x, bottom = layout_.height - item.y - h;
        // [a b c d e f] for each orientation, from PDF's image space (row 0 at the top).
        const double turns[8][6] = {
            {w, 0, 0, h, x, bottom},           {-w, 0, 0, h, x + w, bottom},
            {-w, 0, 0, -h, x + w, bottom + h}, {w, 0, 0, -h, x, bottom + h},
            {0, -h, -w, 0, x + w, bottom + h}, {0, -h, w, 0, x, bottom + h},
            {0, h, w, 0, x, bottom},           {0, h, -w, 0, x + w, bottom}};
        const double* m = turns[std::clamp(item.image->orientation, 1, 8) - 1];
        HPDF_Page_GSave(page);
        HPDF_Page_Concat(page, f(m[0]), f(m[1]), f(m[2]), f(m[3]), f(m[4]), f(m[5]));
        HPDF_Page_ExecuteXObject(page, image(item.image));
        HPDF_Page_GRestore(page);
    }

    void fill(HPDF_Page page, const Colour& c) {
        HPDF_Page_SetRGBFill(page, f(c.r), f(c.g), f(c.b));
    }

    // What is drawn next belongs to structure node `node` (-1: page furniture, an /Artifact): a
    // marked-content sequence is begun unless one for that node is open. Each sequence of a node
    // has an MCID of its own on its page, recorded in marked_ for the structure tree.
    void mark(std::size_t page, int node) {
        if (open_node_ && *open_node_ == node) return;
        end_mark(page);
        if (node < 0) {
            pdf_.write_operators(pages_[page], "/Artifact BMC\n");
        } else {
            std::vector<int>& ids = marked_[page];
            const std::string& role = layout_.structure.at(static_cast<std::size_t>(node)).role;
            pdf_.write_operators(pages_[page],
                                 fmt::format("/{} <</MCID {}>> BDC\n", role, ids.size()));
            ids.push_back(node);
        }
        open_node_ = node;
    }

    void end_mark(std::size_t page) {
        if (open_node_) pdf_.write_operators(pages_[page], "EMC\n");
        open_node_.reset();
    }

    void draw(std::size_t index) {
        HPDF_Page page = pages_[index];
        const Page& content = layout_.pages[index];
        if (!content.rects.empty()) mark(index, -1); // bands, rules and frames: never content
        for (const auto& r : content.rects) {
            if (r.fill) fill(page, *r.fill);
            if (r.stroke) {
                HPDF_Page_SetRGBStroke(page, f(r.stroke->r), f(r.stroke->g), f(r.stroke->b));
                HPDF_Page_SetLineWidth(page, f(r.line_width));
            }
            HPDF_Page_Rectangle(page, f(r.x), y(r.y + r.height), f(r.width), f(r.height));
            if (r.fill && r.stroke)
                HPDF_Page_FillStroke(page);
            else if (r.fill)
                HPDF_Page_Fill(page);
            else
                HPDF_Page_Stroke(page);
        }
        pdf_.check("drawing rectangles");
        for (const auto& i : content.images) {
            mark(index, i.node);
            draw_image(page, i);
        }
        end_mark(index);
        pdf_.check("drawing images");
        text(index, content);
        links(index, content);
    }

    void text(std::size_t index, const Page& content) {
        HPDF_Page page = pages_[index];
        std::vector<const TextItem*> placeholders;
        HPDF_Page_BeginText(page);
        HPDF_Font current = nullptr;
        double current_size = 0, current_scale = 1;
        for (std::size_t k = 0; k < content.texts.size(); ++k) {
            const TextItem& t = content.texts[k];
            if (t.face < 0) {
                placeholders.push_back(&t);
                continue;
            }
            HPDF_Font wanted = font(t.face);
            if (wanted != current || t.size != current_size)
                HPDF_Page_SetFontAndSize(page, wanted, f(t.size)), current = wanted,
                                                                   current_size = t.size;
            if (t.scale != current_scale)
                HPDF_Page_SetHorizontalScalling(page, f(t.scale * 100)), current_scale = t.scale;
            fill(page, t.colour);
            mark(index, t.added_hyphen ? -1 : t.node); // within the text object, ended before it is
            const TextItem* next = following(index, k);
            bool spaced =
                used_.at(t.face).contains(U' ') && word_space_after(t, next, layout_.structure);
            // The space between a link's or a phrase's words and the block's is the block's: an
            // abbreviation read as its expansion (/E) would take the space with it.
            bool space_apart = spaced && next->node != t.node;
            HPDF_Page_TextOut(
                page, f(t.x), y(t.y),
                codes_.encode(spaced && !space_apart ? t.text + ' ' : t.text).c_str());
            if (space_apart) {
                mark(index, block_of(t.node, layout_.structure));
                HPDF_Page_ShowText(page, codes_.encode(" ").c_str());
            }
        }
        end_mark(index);
        HPDF_Page_EndText(page);
        pdf_.check("drawing text");
        // A character no font covers is drawn as an open box, never dropped silently.
        if (!placeholders.empty()) mark(index, -1);
        for (const TextItem* t : placeholders) {
            HPDF_Page_SetRGBStroke(page, f(t->colour.r), f(t->colour.g), f(t->colour.b));
            HPDF_Page_SetLineWidth(page, f(t->size / 20));
            double x = t->x, w = t->size * 0.6;
            for (std::size_t pos = 0; pos < t->text.size(); x += w) {
                utf8::next(t->text, pos);
                HPDF_Page_Rectangle(page, f(x + w * 0.1), y(t->y), f(w * 0.8), f(t->size * 0.7));
                HPDF_Page_Stroke(page);
            }
        }
        end_mark(index);
        pdf_.check("drawing placeholders");
    }

    // The text item read after item `k` of page `index`: the next of the page, or after the
    // page's last of the document's content (page furniture, placed last, is none), the first of
    // the next page, where a block broken over pages goes on.
    const TextItem* following(std::size_t index, std::size_t k) const {
        const std::vector<TextItem>& texts = layout_.pages[index].texts;
        if (k + 1 < texts.size() && texts[k + 1].node >= 0) return &texts[k + 1];
        if (std::any_of(texts.begin() + static_cast<std::ptrdiff_t>(k) + 1, texts.end(),
                        [](const TextItem& t) { return t.node >= 0; }) ||
            index + 1 >= layout_.pages.size() || layout_.pages[index + 1].texts.empty())
            return nullptr;
        return &layout_.pages[index + 1].texts.front();
    }

    void links(std::size_t index, const Page& content) {
        HPDF_Page page = pages_[index];
        for (const auto& l : content.links) {
            HPDF_Rect rect{f(l.x), y(l.y + l.height), f(l.x + l.width), y(l.y)};
            HPDF_Annotation annot = nullptr;
            if (!l.uri.empty()) {
                annot = HPDF_Page_CreateURILinkAnnot(page, rect, encode_uri(l.uri).c_str());
            } else {
                auto target = layout_.anchors.find(l.anchor);
                if (target == layout_.anchors.end()) continue;
                annot = HPDF_Page_CreateLinkAnnot(page, rect, destination(target->second));
            }
            pdf_.check(annot, "creating a link");
            pdf_.check_status(HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0), "link border");
            if (l.node >= 0) link_annotations_.push_back({annot, index, l.node});
        }
    }

    HPDF_Destination destination(const Anchor& anchor) {
        HPDF_Destination dest =
            pdf_.check(HPDF_Page_CreateDestination(pages_[static_cast<std::size_t>(anchor.page)]),
                       "a destination");
        pdf_.check_status(
            HPDF_Destination_SetXYZ(dest, 0, y(std::clamp(anchor.y - 12, 0.0, layout_.height)), 1),
            "a destination's position");
        return dest;
    }

    void outline() {
        std::vector<std::pair<int, HPDF_Outline>> open; // level, outline
        for (const auto& b : layout_.bookmarks) {
            while (!open.empty() && open.back().first >= b.level)
                open.pop_back();
            HPDF_Outline parent = open.empty() ? nullptr : open.back().second;
            HPDF_Outline item =
                pdf_.check(HPDF_CreateOutline(pdf_.get(), parent,
                                              codes_.encode(clipped(b.title)).c_str(), encoder_),
                           "a bookmark");
            HPDF_Outline_SetOpened(item, HPDF_TRUE);
            HPDF_Outline_SetDestination(item, destination(b.target));
            open.emplace_back(b.level, item);
        }
        pdf_.check("bookmarks");
    }

    // The document information, said twice: in the Info dictionary and as XMP metadata, from the
    // same clipped strings and the same moment.
    void info() {
        HPDF_Doc doc = pdf_.get();
        DocumentInfo said = layout_.info;
        for (std::string* text : {&said.title, &said.author, &said.subject, &said.keywords})
            *text = clipped(*text);
        for (auto [key, value] :
             {std::pair<HPDF_InfoType, const std::string*>{HPDF_INFO_TITLE, &said.title},
              {HPDF_INFO_AUTHOR, &said.author},
              {HPDF_INFO_SUBJECT, &said.subject},
              {HPDF_INFO_KEYWORDS, &said.keywords},
              {HPDF_INFO_CREATOR, &creator_},
              {HPDF_INFO_PRODUCER, &creator_}})
            if (!value->empty()) HPDF_SetInfoAttr(doc, key, codes_.encode(*value).c_str());
        std::tm utc{};
        gmtime_r(&options_.date, &utc);
        HPDF_Date date{utc.tm_year + 1900,
                       utc.tm_mon + 1,
                       utc.tm_mday,
                       utc.tm_hour,
                       utc.tm_min,
                       utc.tm_sec,
                       'Z',
                       0,
                       0};
        HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, date);
        HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, date);
        pdf_.check("document information");
        pdf_.set_metadata(xmp_metadata(said, utc, creator_));
        pdf_.set_reading(said.language, said.right_to_left);
    }

    static constexpr const char* encoding = "factpress";
    const PageLayout& layout_;
    const PdfOptions& options_;
    const std::string creator_ = fmt::format("factpress {}", FACTPRESS_VERSION);
    std::map<int, std::set<char32_t>> used_; // characters drawn, by face
    TextCodes codes_;
    HPDF_Encoder encoder_ = nullptr;
    PdfDocument pdf_;
    std::vector<HPDF_Page> pages_;
    std::vector<std::vector<int>> marked_; // a page's structure node by MCID
    std::optional<int> open_node_;         // of the marked-content sequence open, if any
    std::vector<LinkAnnotation> link_annotations_;
    std::map<int, HPDF_Font> fonts_;
    std::map<const Image*, HPDF_Image> images_;
};

} // namespace

std::string render_pdf(const PageLayout& layout, const PdfOptions& options) {
    try {
        return Renderer(layout, options).run();
    } catch (const std::length_error& error) { // more distinct characters than text codes
        throw PdfError(error.what());
    }
}

} // namespace factpress
