#include "nkclaims/quote.hpp"

#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace nkclaims;

TEST_CASE("quote: a short sentence is quoted whole", "[quote]") {
    const std::string text = "The NIS said 1,500 soldiers were sent.";
    CHECK(quote_span(text, {0, text.size()}, {13, 18}) == Span{0, text.size()});
}

TEST_CASE("quote: a sentence without an end is cut around the figure, at spaces", "[quote]") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "and the talks went on ";
    const std::size_t at = text.size();
    text += "the NIS said 1,500 soldiers were sent ";
    for (int i = 0; i < 200; ++i) text += "and the talks went on ";
    const Span figure{at + 13, at + 18};
    const Span q = quote_span(text, {0, text.size()}, figure);
    CHECK(q.end - q.begin <= kMaxQuoteBytes);
    CHECK(q.end - q.begin > kMaxQuoteBytes - 30);
    CHECK(q.begin < figure.begin);
    CHECK(q.end > figure.end);
    CHECK(text[q.begin - 1] == ' ');
    CHECK(text[q.end] == ' ');
    CHECK(text[q.begin] != ' ');
    CHECK(text[q.end - 1] != ' ');
}

TEST_CASE("quote: near the start, the room left goes after the figure", "[quote]") {
    std::string text = "Some 3,000 troops";
    while (text.size() < 5000) text += " and more words";
    const Span q = quote_span(text, {0, text.size()}, {5, 10});
    CHECK(q.begin == 0);
    CHECK(q.end > 580);
    CHECK(q.end <= kMaxQuoteBytes);
}

TEST_CASE("quote: a run without spaces is cut between characters, never inside one", "[quote]") {
    std::string text;
    for (int i = 0; i < 600; ++i) text += "\xD0\x96";  // Ж, two bytes
    text += " 1,500 ";
    for (int i = 0; i < 600; ++i) text += "\xD0\x96";
    const std::size_t figure = text.find("1,500");
    const Span q = quote_span(text, {0, text.size()}, {figure, figure + 5});
    CHECK(q.end - q.begin <= kMaxQuoteBytes);
    CHECK((static_cast<unsigned char>(text[q.begin]) & 0xC0) != 0x80);
    CHECK((q.end == text.size() || (static_cast<unsigned char>(text[q.end]) & 0xC0) != 0x80));
}

TEST_CASE("quote: a figure in a line of 20,000 bytes has a quote of at most 600 bytes, with its span", "[quote]") {
    std::string text;
    for (int i = 0; i < 400; ++i) text += "and the talks went on without a pause ";
    text += "the NIS said 1,500 soldiers were sent to Russia ";
    for (int i = 0; i < 100; ++i) text += "and the talks went on without a pause ";
    const auto figures = test::figures(test::extract(text));
    REQUIRE(figures.size() == 1);
    const Claim& c = figures[0];
    CHECK(c.as_written == "1,500");
    CHECK(c.quote.size() <= kMaxQuoteBytes);
    CHECK(c.quote == text.substr(c.quote_span.begin, c.quote_span.end - c.quote_span.begin));
    CHECK(c.quote.find("the NIS said 1,500 soldiers were sent to Russia") != std::string::npos);
}
