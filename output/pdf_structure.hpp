// The logical structure of a tagged PDF, from the layout's structure nodes and the marked content
// the renderer drew for them: what a screen reader speaks, in order, and a reader reflows by.
#pragma once

#include "output/page_layout.hpp"
#include "output/pdf_document.hpp"

#include <vector>

namespace factpress {

// A link annotation drawn on page `page` for the Link node `node`.
struct LinkAnnotation {
    HPDF_Annotation annotation;
    std::size_t page;
    int node;
};

// Writes the structure tree: a Document element holding `nodes` in reading order, each node's
// marked content as its kids (`marked[page][mcid]` is the node of that page's sequence `mcid`),
// the parent tree that leads from content back to its node, each page's /StructParents, and the
// catalog's /MarkInfo. A Figure carries its alternative text (/Alt). A Link sits among its
// block's words where its own begin, and holds its annotations, which lead back to it and say
// its words (/Contents) to whoever cannot see them; pages
// take their annotations in the order of the structure (/Tabs /S).
void write_structure(PdfDocument& pdf, const std::vector<StructureNode>& nodes,
                     const std::vector<HPDF_Page>& pages,
                     const std::vector<std::vector<int>>& marked,
                     const std::vector<LinkAnnotation>& links);

} // namespace factpress
