// Total-fit line breaking on abstract items, and the typesetter on real fonts.
#include "output/line_breaker.hpp"
#include "output/text_wrap.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace factpress;

namespace {

// Words of given widths separated by glue of width 1 (stretch 0.5, shrink 0.25), ending the
// paragraph.
std::vector<BreakItem> paragraph(const std::vector<double>& words) {
    std::vector<BreakItem> items;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) items.push_back(BreakItem::glue(1, 0.5, 0.25));
        items.push_back(BreakItem::box(words[i]));
    }
    items.push_back(BreakItem::glue(0, 1e6, 0));
    items.push_back(BreakItem::make_penalty(0, -infinite_penalty));
    return items;
}

double line_width(const std::vector<BreakItem>& items, std::size_t from, std::size_t to) {
    double w = 0;
    while (from < to && items[from].type != BreakItem::Type::box)
        ++from;
    for (std::size_t i = from; i < to; ++i)
        if (items[i].type != BreakItem::Type::penalty) w += items[i].width;
    return w;
}

} // namespace

TEST_CASE("total fit finds the exact-fit break over a loose one") {
    // Width 10: "4 3 1" is exactly 10 wide; "4 3" would be loose (ratio 4).
    auto items = paragraph({4, 3, 1, 3, 3});
    BreakOptions options;
    options.line_width = 10;
    options.tolerance = 10;
    auto breaks = break_lines(items, options);
    REQUIRE(breaks.size() == 2);
    CHECK(breaks[0].position == 5); // after "4 4 1": 10 wide, exact
    CHECK(breaks[0].ratio == doctest::Approx(0));
}

TEST_CASE("a perfectly fitting paragraph breaks at ratio zero") {
    auto items = paragraph({4, 5, 4, 5});
    BreakOptions options;
    options.line_width = 10;
    auto breaks = break_lines(items, options);
    REQUIRE(breaks.size() == 2);
    CHECK(breaks[0].ratio == doctest::Approx(0));
}

TEST_CASE("no line is set wider than the measure, whatever the words") {
    for (double measure : {12.0, 20.0, 33.0}) {
        auto items = paragraph({3, 7, 2, 9, 4, 4, 11, 1, 6, 6, 5, 8, 2, 2, 10, 3});
        BreakOptions options;
        options.line_width = measure;
        auto breaks = break_lines_robust(items, options);
        REQUIRE_FALSE(breaks.empty());
        std::size_t start = 0;
        for (const auto& b : breaks) {
            double natural = line_width(items, start, b.position);
            double shrink = 0;
            for (std::size_t i = start; i < b.position; ++i)
                shrink += items[i].shrink;
            CHECK(natural - shrink <= measure + 1e-9);
            CHECK(b.ratio >= -1);
            start = b.position + 1;
        }
    }
}

TEST_CASE("impossible tolerance fails, the robust breaker still answers") {
    auto items = paragraph({9, 9, 9});
    BreakOptions options;
    options.line_width = 15;
    options.tolerance = 0.1;
    CHECK(break_lines(items, options).empty());
    CHECK(break_lines_robust(items, options).size() == 3);
}

TEST_CASE("at most two hyphenated lines in a row") {
    // Every word can be hyphenated; the breaker must not end three consecutive lines with hyphens.
    std::vector<BreakItem> items;
    for (int i = 0; i < 30; ++i) {
        if (i) items.push_back(BreakItem::glue(1, 0.5, 0.25));
        items.push_back(BreakItem::box(3));
        items.push_back(BreakItem::make_penalty(0.5, 50, true));
        items.push_back(BreakItem::box(3));
    }
    items.push_back(BreakItem::glue(0, 1e6, 0));
    items.push_back(BreakItem::make_penalty(0, -infinite_penalty));
    BreakOptions options;
    options.line_width = 17.5;
    auto breaks = break_lines_robust(items, options);
    int run = 0, longest = 0;
    for (const auto& b : breaks) {
        run = items[b.position].flagged ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    CHECK(longest <= 2);
}

TEST_CASE("briefing wrap: display columns, hanging indents, long words alone") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("\u65E5\u672C") == 4); // wide characters count 2
    CHECK(display_width("e\u0301") == 1);      // a combining mark counts 0
    auto lines = wrap("one two three four five six", 10, "* ", "  ");
    CHECK(lines == std::vector<std::string>{"* one two", "  three", "  four", "  five six"});
    auto url = wrap("see https://www.example.org/a/very/long/path now", 20, "", "");
    CHECK(url ==
          std::vector<std::string>{"see", "https://www.example.org/a/very/long/path", "now"});
    auto marker = wrap("https://www.example.org/a/very/long/path", 20, "[1] ", "    ");
    CHECK(marker == std::vector<std::string>{"[1]", "https://www.example.org/a/very/long/path"});
    // Any other word too long for its bullet's line stays after the bullet, indented.
    auto bullet =
        wrap("Donaudampfschifffahrtsgesellschaftskapitänsmützen sind nicht", 30, "  * ", "    ");
    CHECK(bullet == std::vector<std::string>{
                        "  * Donaudampfschifffahrtsgesellschaftskapitänsmützen", "    sind nicht"});
}

TEST_CASE("first fit fills each ragged line as far as it can") {
    auto items = paragraph({4, 4, 1, 3, 3});
    auto breaks = break_lines_first_fit(items, 10);
    REQUIRE(breaks.size() == 2);
    CHECK(breaks[0].position == 3); // "4 4" (9); adding " 1" would make 11
    CHECK(breaks[1].position == items.size() - 1);
}

TEST_CASE("briefing wrap: a spaced dash never opens a line") {
    auto lines = wrap("one two three \u2013 four", 13, "", "");
    CHECK(lines == std::vector<std::string>{"one two", "three \u2013 four"});
    for (int width = 8; width < 30; ++width)
        for (const auto& line :
             wrap("twenty-four hours a day \u2013 365 days a year \u2014 so that", width, "", ""))
            CHECK_FALSE(line.starts_with("\u2013"));
}
