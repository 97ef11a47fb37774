#include "model/language_tag.hpp"

#include <cctype>

namespace factpress {
namespace {

std::string lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

std::string primary_language(std::string_view tag) {
    std::string primary = lowered(tag.substr(0, tag.find_first_of("-_")));
    // Norwegian is written as Bokmål; Dari and Iranian Persian are Persian (the macrolanguage
    // fa), with its labels and digits; iw is Hebrew's withdrawn code.
    if (primary == "no") return "nb";
    if (primary == "prs" || primary == "pes") return "fa";
    if (primary == "iw") return "he";
    return primary;
}

std::string script_subtag(std::string_view tag) {
    while (tag.find_first_of("-_") != std::string_view::npos) {
        tag.remove_prefix(tag.find_first_of("-_") + 1);
        std::string_view subtag = tag.substr(0, tag.find_first_of("-_"));
        if (subtag.size() == 1) break; // an extension or private use: no script after it
        if (subtag.size() == 4 && std::isalpha(static_cast<unsigned char>(subtag[0])))
            return lowered(subtag);
    }
    return {};
}

} // namespace factpress
