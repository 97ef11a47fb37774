#include "output/pdf_structure.hpp"
#include "pipeline/utf8.hpp"

#include <hpdf_doc.h>

#include <string>

namespace factpress {
namespace {

// A PDF text string for any Unicode: UTF-16BE after its byte order mark, written in hex.
std::string utf16_text(std::string_view utf8_text) {
    std::string bytes = "\xFE\xFF";
    for (std::size_t pos = 0; pos < utf8_text.size();)
        for (char16_t unit : utf8::utf16(utf8::next(utf8_text, pos))) {
            bytes += static_cast<char>(unit >> 8);
            bytes += static_cast<char>(unit & 0xFF);
        }
    return bytes;
}

class StructureWriter {
  public:
    explicit StructureWriter(PdfDocument& pdf) : pdf_(pdf), doc_(pdf.get()) {}

    // A dictionary written where it is put; object(): one of its own, referred to.
    HPDF_Dict dict() { return pdf_.check(HPDF_Dict_New(doc_->mmgr), "the structure tree"); }
    HPDF_Array list() { return pdf_.check(HPDF_Array_New(doc_->mmgr), "the structure tree"); }

    HPDF_Dict object(const char* type) {
        HPDF_Dict dict = this->dict();
        check(HPDF_Xref_Add(doc_->xref, dict));
        check(HPDF_Dict_AddName(dict, "Type", type));
        return dict;
    }

    HPDF_Dict element(const std::string& role, HPDF_Dict parent) {
        HPDF_Dict dict = object("StructElem");
        check(HPDF_Dict_AddName(dict, "S", role.c_str()));
        check(HPDF_Dict_Add(dict, "P", parent));
        return dict;
    }

    HPDF_Array array(HPDF_Dict in, const char* key) {
        HPDF_Array made = list();
        check(HPDF_Dict_Add(in, key, made));
        return made;
    }

    // A text string, any Unicode.
    HPDF_Binary text(std::string_view utf8_text) {
        std::string utf16 = utf16_text(utf8_text);
        return pdf_.check(HPDF_Binary_New(doc_->mmgr, reinterpret_cast<HPDF_BYTE*>(utf16.data()),
                                          static_cast<HPDF_UINT>(utf16.size())),
                          "a text of the structure tree");
    }

    // A string of ASCII characters (a language tag), as it is.
    HPDF_String ascii(const std::string& text) {
        return pdf_.check(HPDF_String_New(doc_->mmgr, text.c_str(), nullptr),
                          "a string of the structure tree");
    }

    void check(HPDF_STATUS status) { pdf_.check_status(status, "the structure tree"); }

  private:
    PdfDocument& pdf_;
    HPDF_Doc doc_;
};

} // namespace

void write_structure(PdfDocument& pdf, const std::vector<StructureNode>& nodes,
                     const std::vector<HPDF_Page>& pages,
                     const std::vector<std::vector<int>>& marked,
                     const std::vector<LinkAnnotation>& links) {
    StructureWriter w(pdf);
    HPDF_Dict root = w.object("StructTreeRoot");
    HPDF_Dict document = w.element("Document", root);
    w.check(HPDF_Dict_Add(root, "K", document));
    HPDF_Array document_kids = w.array(document, "K");
    std::vector<HPDF_Dict> elements;
    std::vector<HPDF_Array> kids;
    std::vector<std::vector<std::size_t>> children(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const StructureNode& node = nodes[i];
        HPDF_Dict parent = node.parent < 0 ? document : elements.at(node.parent);
        elements.push_back(w.element(node.role, parent));
        if (!node.alt.empty()) w.check(HPDF_Dict_Add(elements.back(), "Alt", w.text(node.alt)));
        if (!node.actual_text.empty())
            w.check(HPDF_Dict_Add(elements.back(), "ActualText", w.text(node.actual_text)));
        if (!node.language.empty())
            w.check(HPDF_Dict_Add(elements.back(), "Lang", w.ascii(node.language)));
        if (!node.expansion.empty())
            w.check(HPDF_Dict_Add(elements.back(), "E", w.text(node.expansion)));
        kids.push_back(w.array(elements.back(), "K"));
        if (node.parent >= 0) children.at(static_cast<std::size_t>(node.parent)).push_back(i);
    }
    // Each node's marked content in drawing order, and each page's entry of the parent tree.
    using Place = std::pair<std::size_t, std::size_t>; // page, MCID
    std::vector<std::vector<Place>> content(nodes.size());
    HPDF_Dict parent_tree = w.dict();
    HPDF_Array numbers = w.array(parent_tree, "Nums");
    for (std::size_t p = 0; p < pages.size() && p < marked.size(); ++p) {
        w.check(HPDF_Dict_AddNumber(pages[p], "StructParents", static_cast<HPDF_INT32>(p)));
        w.check(HPDF_Dict_AddName(pages[p], "Tabs", "S"));
        w.check(HPDF_Array_AddNumber(numbers, static_cast<HPDF_INT32>(p)));
        HPDF_Array owners = w.list();
        w.check(HPDF_Array_Add(numbers, owners));
        for (std::size_t id = 0; id < marked[p].size(); ++id) {
            auto node = static_cast<std::size_t>(marked[p][id]);
            content.at(node).push_back({p, id});
            w.check(HPDF_Array_Add(owners, elements[node]));
        }
    }
    // Where each node's words begin: its own first content or its children's (a Link whose
    // words are all an abbreviation's has no content of its own). Children come after parents.
    constexpr Place nowhere{SIZE_MAX, SIZE_MAX};
    std::vector<Place> first(nodes.size(), nowhere);
    for (std::size_t i = nodes.size(); i-- > 0;) {
        if (!content[i].empty()) first[i] = std::min(first[i], content[i].front());
        if (nodes[i].parent >= 0) {
            Place& parents = first[static_cast<std::size_t>(nodes[i].parent)];
            parents = std::min(parents, first[i]);
        }
    }
    // A node's kids: its own content with its Links and Spans among it, each where its words
    // begin; then its other children in reading order.
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        std::vector<std::size_t> inline_children, block_children;
        for (std::size_t child : children[i])
            (is_inline(nodes[child]) ? inline_children : block_children).push_back(child);
        auto next_inline = inline_children.begin();
        for (auto [page, id] : content[i]) {
            for (; next_inline != inline_children.end() && first[*next_inline] < Place{page, id};
                 ++next_inline)
                w.check(HPDF_Array_Add(kids[i], elements[*next_inline]));
            HPDF_Dict reference = w.dict();
            w.check(HPDF_Array_Add(kids[i], reference));
            w.check(HPDF_Dict_AddName(reference, "Type", "MCR"));
            w.check(HPDF_Dict_Add(reference, "Pg", pages[page]));
            w.check(HPDF_Dict_AddNumber(reference, "MCID", static_cast<HPDF_INT32>(id)));
        }
        for (; next_inline != inline_children.end(); ++next_inline)
            w.check(HPDF_Array_Add(kids[i], elements[*next_inline]));
        for (std::size_t child : block_children)
            w.check(HPDF_Array_Add(kids[i], elements[child]));
        if (nodes[i].parent < 0) w.check(HPDF_Array_Add(document_kids, elements[i]));
    }
    // Each link annotation: an object reference in its Link, and an entry of the parent tree
    // after the pages' that leads back to it.
    auto key = static_cast<HPDF_INT32>(pages.size());
    for (const LinkAnnotation& link : links) {
        auto node = static_cast<std::size_t>(link.node);
        HPDF_Dict reference = w.dict();
        w.check(HPDF_Array_Add(kids.at(node), reference));
        w.check(HPDF_Dict_AddName(reference, "Type", "OBJR"));
        w.check(HPDF_Dict_Add(reference, "Obj", link.annotation));
        w.check(HPDF_Dict_Add(reference, "Pg", pages.at(link.page)));
        w.check(HPDF_Dict_AddNumber(link.annotation, "StructParent", key));
        w.check(HPDF_Dict_Add(link.annotation, "Contents", w.text(nodes[node].words)));
        w.check(HPDF_Array_AddNumber(numbers, key++));
        w.check(HPDF_Array_Add(numbers, elements[node]));
    }
    w.check(HPDF_Dict_Add(root, "ParentTree", parent_tree));
    w.check(HPDF_Dict_AddNumber(root, "ParentTreeNextKey", key));
    HPDF_Catalog catalog = pdf.get()->catalog;
    w.check(HPDF_Dict_Add(catalog, "StructTreeRoot", root));
    HPDF_Dict mark_info = w.dict();
    w.check(HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE));
    w.check(HPDF_Dict_Add(catalog, "MarkInfo", mark_info));
}

} // namespace factpress
