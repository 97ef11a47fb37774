#include "pipeline/spelling.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace factpress {
namespace {

// Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one part).
std::size_t edits(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    std::iota(d[0].begin(), d[0].end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t substitution = d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, substitution});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

} // namespace

std::string nearest_name(std::string_view typed, const std::vector<std::string_view>& known) {
    constexpr std::size_t most = 2;
    std::size_t best = most + 1;
    std::string_view found;
    bool tie = false;
    for (std::string_view name : known) {
        std::size_t distance = edits(typed, name);
        if (distance < best)
            best = distance, found = name, tie = false;
        else if (distance == best && name != found)
            tie = true;
    }
    // A short name is within two edits of too much: "x" is not a misspelt "id".
    if (best > most || tie || best >= typed.size()) return {};
    return std::string(found);
}

std::string_view html_counterpart(std::string_view html_name) {
    static constexpr std::pair<std::string_view, std::string_view> counterparts[] = {
        {"b", "<strong>"},
        {"i", "<em>"},
        {"a", "<link href=\"...\">"},
        {"ul", "<list>"},
        {"ol", "<list type=\"number\">"},
        {"li", "<item>"},
        {"img", "<figure src=\"...\" alt=\"...\"> with a <caption>"},
        {"h1", "a <section> with a <heading>"},
        {"h2", "a <section> with a <heading>"},
        {"h3", "a <section> with a <heading>"},
        {"h4", "a <section> with a <heading>"},
        {"blockquote", "<quote>"},
        {"aside", "<note>"},
        {"figcaption", "<caption>"},
        {"acronym", "<abbr title=\"...\">"},
        {"br", "a new <p> (a line break has no element)"}};
    for (auto [html, ours] : counterparts)
        if (html_name == html) return ours;
    return {};
}

std::string did_you_mean(std::string_view typed, const std::vector<std::string_view>& known) {
    std::string name = nearest_name(typed, known);
    return name.empty() ? std::string() : fmt::format("; did you mean \"{}\"?", name);
}

} // namespace factpress
