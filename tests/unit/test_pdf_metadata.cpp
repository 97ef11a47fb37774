// The XMP metadata packet: what it says, escaped, and its dates.
#include "output/pdf_metadata.hpp"

#include <doctest/doctest.h>

using namespace factpress;

TEST_CASE("the XMP packet says the document information, escaped") {
    DocumentInfo info;
    info.title = "Q&A: <NATO> \"today\"";
    info.author = "NATO";
    info.keywords = "Iraq, NMI";
    info.language = "fr-BE";
    std::time_t date = 86400 * 365;
    std::tm utc{};
    gmtime_r(&date, &utc);
    std::string xmp = xmp_metadata(info, utc, "factpress 1.0");
    CHECK(xmp.starts_with("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"));
    CHECK(xmp.ends_with("<?xpacket end=\"w\"?>"));
    CHECK(xmp.find("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Q&amp;A: &lt;NATO&gt; "
                   "&quot;today&quot;</rdf:li></rdf:Alt></dc:title>") != std::string::npos);
    CHECK(xmp.find("<dc:creator><rdf:Seq><rdf:li>NATO</rdf:li></rdf:Seq></dc:creator>") !=
          std::string::npos);
    CHECK(xmp.find("<dc:subject><rdf:Bag><rdf:li>Iraq</rdf:li><rdf:li>NMI</rdf:li></rdf:Bag>") !=
          std::string::npos);
    CHECK(xmp.find("<pdf:Keywords>Iraq, NMI</pdf:Keywords>") != std::string::npos);
    CHECK(xmp.find("<dc:language><rdf:Bag><rdf:li>fr-BE</rdf:li></rdf:Bag>") != std::string::npos);
    CHECK(xmp.find("<pdf:Producer>factpress 1.0</pdf:Producer>") != std::string::npos);
    CHECK(xmp.find("<xmp:CreateDate>1971-01-01T00:00:00Z</xmp:CreateDate>") != std::string::npos);
    CHECK(xmp.find("dc:description") == std::string::npos); // nothing for what is not given
}
