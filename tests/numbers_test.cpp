#include "nkclaims/numbers.hpp"

#include <catch2/catch.hpp>

using namespace nkclaims;

namespace {
std::optional<Quantity> quantity(std::string_view text) {
    static std::vector<TokenStream> keep;  // the quantity's token indices refer to these
    keep.push_back(tokenize(text));
    return parse_quantity(keep.back().tokens, 0, keep.back().tokens.size());
}
Value v(double lo, double hi) { return {lo, hi}; }
}  // namespace

TEST_CASE("parse_quantity", "[numbers]") {
    SECTION("digits with separators") { CHECK(quantity("30,000")->value == v(30000, 30000)); }
    SECTION("decimal multipliers: 1.5K, 6m") {
        CHECK(quantity("1.5K")->value == v(1500, 1500));
        CHECK(quantity("6m")->value == v(6e6, 6e6));
    }
    SECTION("scale words after digits: 1.2 million") { CHECK(quantity("1.2 million")->value == v(1.2e6, 1.2e6)); }
    SECTION("number words") {
        CHECK(quantity("ten thousand")->value == v(1e4, 1e4));
        CHECK(quantity("nine million")->value == v(9e6, 9e6));
        CHECK(quantity("twenty-five thousand")->value == v(25000, 25000));
        CHECK(quantity("one hundred and fifty")->value == v(150, 150));
        CHECK(quantity("a dozen")->value == v(12, 12));
        CHECK(quantity("three")->form == NumberForm::Words);
    }
    SECTION("ranges with an en dash, a hyphen, 'to', 'between ... and'") {
        CHECK(quantity("25,000\u201330,000")->value == v(25000, 30000));
        CHECK(quantity("10,000-20,000")->value == v(10000, 20000));
        CHECK(quantity("2,000 to 4,000")->value == v(2000, 4000));
        CHECK(quantity("between 2,000 and 4,000")->value == v(2000, 4000));
    }
    SECTION("a range's first half shares the scale word: 25 to 30 thousand") {
        CHECK(quantity("25 to 30 thousand")->value == v(25000, 30000));
    }
    SECTION("bounds") {
        CHECK(quantity("at least 3,000")->value == Value{3000, std::nullopt});
        CHECK(quantity("more than 3,000")->value == Value{3000, std::nullopt});
        CHECK(quantity("over 3,000")->value == Value{3000, std::nullopt});
        CHECK(quantity("up to 500")->value == Value{std::nullopt, 500});
        CHECK(quantity("fewer than 500")->value == Value{std::nullopt, 500});
        CHECK(quantity("3,000-plus")->value == Value{3000, std::nullopt});
    }
    SECTION("hedges are approximate") {
        for (auto text :
             {"about 12,000", "roughly 4,000", "nearly 4,000", "some 4,000", "around 4,000", "1500 or so"}) {
            INFO(text);
            auto q = quantity(text);
            REQUIRE(q);
            CHECK(q->approx);
        }
        CHECK_FALSE(quantity("4,000")->approx);
    }
    SECTION("the number's own words are its span; the bound is not") {
        auto q = quantity("at least 3,000");
        CHECK(q->num_first == 2);
        CHECK(q->num_last == 3);
        CHECK(q->bound == "at least");
    }
    SECTION("vague quantities: at least one unit, approximate") {
        auto q = quantity("thousands");
        CHECK(q->value == Value{1000, std::nullopt});
        CHECK(q->approx);
        CHECK(q->form == NumberForm::Vague);
        CHECK(quantity("tens of thousands")->value == Value{10000, std::nullopt});
        CHECK(quantity("a couple of thousand")->value == v(2000, 2000));
    }
    SECTION("a number said twice is one mention: 1.5K, so 1500") {
        auto q = quantity("1.5K, so 1500 soldiers");
        CHECK(q->value == v(1500, 1500));
        CHECK(q->num_last == 4);
    }
    SECTION("not quantities: ordinals, decades, codes, leading zeros, words") {
        CHECK_FALSE(quantity("8th"));
        CHECK_FALSE(quantity("1940s"));
        CHECK_FALSE(quantity("KN-23"));
        CHECK_FALSE(quantity("02124"));
        CHECK_FALSE(quantity("troops"));
        CHECK_FALSE(quantity("at least"));
    }
    SECTION("a hyphen before a word is a compound, not a range") {
        auto q = quantity("30,000-troop");
        CHECK(q->value == v(30000, 30000));
        CHECK(q->num_last == 1);
    }
}

TEST_CASE("numbers as broadcasters and wire copy write them", "[numbers]") {
    SECTION("digits joined to a scale by a hyphen are one number") {
        auto q = quantity("15-thousand troops");
        REQUIRE(q);
        CHECK(q->value == v(15000, 15000));
        CHECK(q->num_last == 3);  // "15", "-", "thousand"
        CHECK(quantity("27-hundred")->value == v(2700, 2700));
    }
    SECTION("words and digits in one hyphenated token") {
        auto q = quantity("four-thousand-100 soldiers");
        REQUIRE(q);
        CHECK(q->value == v(4100, 4100));
        CHECK(q->num_last == 1);
        CHECK(quantity("two-hundred")->value == v(200, 200));
    }
    SECTION("loose counts and articles before a scale") {
        auto q = quantity("a couple thousand");
        REQUIRE(q);
        CHECK(q->value == v(2000, 2000));
        CHECK(q->approx);
        CHECK(quantity("a thousand")->value == v(1000, 1000));
        CHECK(quantity("two dozen")->value == v(24, 24));
        CHECK(quantity("half a million")->value == v(500000, 500000));
        CHECK(quantity("half a dozen")->value == v(6, 6));
        CHECK(quantity("12K")->value == v(12000, 12000));
    }
    SECTION("bounds carried by verbs and adjectives") {
        CHECK(quantity("exceeded 3,000")->value == Value{3000, std::nullopt});
        CHECK(quantity("topped 1,000")->value == Value{1000, std::nullopt});
        CHECK(quantity("surpassed 11,000")->value == Value{11000, std::nullopt});
        CHECK(quantity("north of 10,000")->value == Value{10000, std::nullopt});
        CHECK(quantity("as high as 1,000")->value == Value{std::nullopt, 1000});
        CHECK(quantity("4,000 or more")->value == Value{4000, std::nullopt});
        auto q = quantity("nearing 2,000");
        CHECK(q->value == v(2000, 2000));
        CHECK(q->approx);
        CHECK(q->bound == "nearing");
        CHECK(q->num_first == 1);
    }
    SECTION("near misses: a unit only after a round ten; model names") {
        CHECK(quantity("three four")->value == v(3, 3));
        CHECK(quantity("three four")->num_last == 1);
        CHECK_FALSE(quantity("KN-23"));
        CHECK_FALSE(quantity("Su-34"));
        CHECK_FALSE(quantity("a couple"));
        CHECK_FALSE(quantity("half a"));
    }
}

TEST_CASE("numbers that are no quantity: too large, negative", "[numbers]") {
    SECTION("2^53 and beyond are refused: no negative or rounded figure can come of them") {
        CHECK(quantity("9007199254740991")->value == v(9007199254740991.0, 9007199254740991.0));
        CHECK_FALSE(quantity("9007199254740992"));
        CHECK_FALSE(quantity("9223372036854775808"));  // 2^63
        CHECK_FALSE(quantity("1" + std::string(308, '0')));
        CHECK_FALSE(quantity("1" + std::string(400, '0')));
        CHECK_FALSE(quantity("at least 20 quadrillion"));
    }
    SECTION("an unknown scale is never dropped: 9.9 quadrillion is not 9.9") {
        CHECK_FALSE(quantity("9.9 quadrillion"));
        CHECK(quantity("2 trillion")->value == v(2e12, 2e12));
        CHECK_FALSE(quantity("a zillion"));
        CHECK_FALSE(quantity("9 zillion"));
        auto ts = tokenize("9.9 quadrillion shells");  // nor is the scale a number of its own
        CHECK_FALSE(parse_quantity(ts.tokens, 1, ts.tokens.size()));
        auto hyphen = tokenize("15-thousand");
        CHECK_FALSE(parse_quantity(hyphen.tokens, 2, hyphen.tokens.size()));
        CHECK(quantity("thousand")->value == v(1000, 1000));
    }
    SECTION("a minus sign makes a number negative: not a count") {
        CHECK_FALSE(quantity("-5,000"));
        CHECK_FALSE(quantity("about \u22125,000"));
        auto ts = tokenize("changed by -5,000 troops");
        CHECK_FALSE(parse_quantity(ts.tokens, 3, ts.tokens.size()));
    }
    SECTION("a dash between numbers is a range, and a dash after a word is no sign") {
        auto ts = tokenize("10,000-12,000 troops");
        CHECK(parse_quantity(ts.tokens, 0, ts.tokens.size())->value == v(10000, 12000));
        CHECK(parse_quantity(ts.tokens, 2, ts.tokens.size())->value == v(12000, 12000));
        auto dash = tokenize("troops\u20145,000 of them");
        CHECK(parse_quantity(dash.tokens, 2, dash.tokens.size())->value == v(5000, 5000));
    }
}
