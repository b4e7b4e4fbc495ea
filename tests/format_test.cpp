#include "nkclaims/format.hpp"

#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace nkclaims;

namespace {
Value value(std::optional<double> low, std::optional<double> high) { return {low, high}; }

DisplayNames names() {
    DisplayNames n;
    n.add_source("nis", {"South Korea's National Intelligence Service", "NIS"});
    n.add_source("ap", {"Associated Press", "AP"});
    n.add_place("north_korea", {"North Korea", "North Korea"});
    return n;
}
}  // namespace

TEST_CASE("format: values in one notation for people", "[format]") {
    CHECK(number_words(3000) == "3,000");
    CHECK(number_words(1200000) == "1,200,000");
    CHECK(number_words(999) == "999");
    CHECK(number_words(1.5) == "1.5");
    CHECK(number_words(1e20) == "100,000,000,000,000,000,000");  // not a negative number
    CHECK(value_words(value(3000, 3000), false, false) == "3,000");
    CHECK(value_words(value(3000, std::nullopt), false, false) == "at least 3,000");
    CHECK(value_words(value(std::nullopt, 500), false, false) == "up to 500");
    CHECK(value_words(value(12000, 12000), true, false) == "about 12,000");
    CHECK(value_words(value(25000, 30000), false, false) == "25,000–30,000");
    CHECK(value_words(value(6000, 6000), false, true) == "+6,000");
    CHECK(value_words(value(1000, std::nullopt), true, false) == "at least about 1,000");  // "thousands"
    CHECK(what_words(Metric::Casualties, std::nullopt) == "casualties");
    CHECK(value_words(value(std::nullopt, std::nullopt), false, false).empty());
}

TEST_CASE("format: claims as people read them", "[format]") {
    const auto claims = test::extract(
        "The NIS said about 12,000 North Korean troops were sent, AP reported. Seoul cannot confirm the reports.",
        "2024-10-25");
    REQUIRE(claims.size() == 2);
    const Claim& figure = claims[0];
    SECTION("value, topic and voice, with names where they are known") {
        CHECK(value_words(figure) == "about 12,000");
        CHECK(topic_words(figure, names()) == "North Korea: troops deployed");
        CHECK(topic_words(figure, DisplayNames{}) == "North Korea: troops deployed");  // ids spelt as words
        Claim relayed = figure;
        relayed.via = "ap";
        CHECK(voice_words(relayed, names()) == "NIS via AP");
        CHECK(voice_words(relayed, DisplayNames{}) == "NIS via AP");  // initials when no name is known
        relayed.via = "ghana_news_service";
        CHECK(voice_words(relayed, DisplayNames{}) == "NIS via Ghana News Service");
    }
    SECTION("a stance says what it says") {
        REQUIRE(claims[1].kind == ClaimKind::Stance);
        CHECK(value_words(claims[1]) == "cannot confirm");
    }
}

TEST_CASE("format: dates and gaps", "[format]") {
    CHECK(date_words(std::nullopt) == "-");
    CHECK(date_words(parse_iso_range("2024-10-25")) == "2024-10-25");
    CHECK(date_words(parse_iso_range("2024-10")) == "2024-10");
    CHECK(date_words(parse_iso_range("2024-10-14/2024-10-20")) == "2024-10-14 to 2024-10-20");
    CHECK(gap_words(0) == "the same day");
    CHECK(gap_words(1) == "1 day apart");
    CHECK(gap_words(12) == "12 days apart");
}

TEST_CASE("format: text from outside is printable and valid", "[format]") {
    CHECK(printable("plain – text") == "plain – text");
    CHECK(printable("evil\x1b[2J.txt") == "evil\\x1b[2J.txt");
    CHECK(printable("a\rb\nc") == "a\\x0db\\x0ac");
    CHECK(printable("bad\xff.txt") == "bad\xEF\xBF\xBD.txt");
    CHECK(printable("c1\xC2\x9B") == "c1\\u009b");  // the one-byte CSI of C1
    CHECK(valid_utf8("Kyiv – Київ"));
    CHECK_FALSE(valid_utf8("bad\xff"));
    CHECK_FALSE(valid_utf8("\xC0\xAF"));      // an overlong '/'
    CHECK_FALSE(valid_utf8("\xED\xA0\x80"));  // a surrogate
    CHECK_FALSE(valid_utf8("cut \xE2\x80"));  // a sequence cut short
    CHECK(replace_invalid_utf8("a\xff\xfe b") == "a\xEF\xBF\xBD\xEF\xBF\xBD b");
}
