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
