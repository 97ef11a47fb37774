#include "output/pdf_metadata.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace factpress {
namespace {

// Text as XML character data, and as an attribute value.
std::string escaped(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// The keywords as the Info dictionary joins them ("a, b"), one by one.
std::vector<std::string_view> split_keywords(std::string_view keywords) {
    std::vector<std::string_view> each;
    for (std::size_t start = 0; start < keywords.size();) {
        std::size_t end = std::min(keywords.find(", ", start), keywords.size());
        each.push_back(keywords.substr(start, end - start));
        start = end + 2;
    }
    return each;
}

// An rdf:Alt (one text in the default language), rdf:Seq or rdf:Bag of `items`.
std::string container(std::string_view kind, const std::vector<std::string_view>& items) {
    std::string out = fmt::format("<rdf:{}>", kind);
    for (std::string_view item : items)
        out += kind == "Alt"
                   ? fmt::format("<rdf:li xml:lang=\"x-default\">{}</rdf:li>", escaped(item))
                   : fmt::format("<rdf:li>{}</rdf:li>", escaped(item));
    return out + fmt::format("</rdf:{}>", kind);
}

} // namespace

std::string xmp_metadata(const DocumentInfo& info, const std::tm& utc, std::string_view producer) {
    std::string when =
        fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                    utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
    std::string properties = "<dc:format>application/pdf</dc:format>";
    auto add = [&](std::string_view name, std::string_view value) {
        if (!value.empty()) properties += fmt::format("<{0}>{1}</{0}>", name, value);
    };
    if (!info.title.empty()) add("dc:title", container("Alt", {info.title}));
    if (!info.author.empty()) add("dc:creator", container("Seq", {info.author}));
    if (!info.subject.empty()) add("dc:description", container("Alt", {info.subject}));
    if (!info.keywords.empty()) {
        add("dc:subject", container("Bag", split_keywords(info.keywords)));
        add("pdf:Keywords", escaped(info.keywords));
    }
    if (!info.language.empty()) add("dc:language", container("Bag", {info.language}));
    add("pdf:Producer", escaped(producer));
    add("xmp:CreatorTool", escaped(producer));
    add("xmp:CreateDate", when);
    add("xmp:ModifyDate", when);
    add("xmp:MetadataDate", when);
    // The packet's header and trailer let a tool find and rewrite it in place without parsing
    // the PDF; "w": it may be.
    return fmt::format(
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
        "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
        "{}\n"
        "</rdf:Description>\n"
        "</rdf:RDF>\n"
        "</x:xmpmeta>\n"
        "<?xpacket end=\"w\"?>",
        properties);
}

} // namespace factpress
