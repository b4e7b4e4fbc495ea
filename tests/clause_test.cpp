#include "nkclaims/clause.hpp"

#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace nkclaims;

namespace {
struct Read {
    Document d;
    Clause c;
    explicit Read(const std::string& text) : d(test::doc(text)), c(test::gazetteer(), d, d.sentences.at(0)) {}
    std::size_t at(std::string_view text) const {
        for (std::size_t i = 0; i < d.tokens.tokens.size(); ++i)
            if (d.tokens.tokens[i].text == text) return i;
        FAIL("no token " << text);
        return 0;
    }
};
}  // namespace

TEST_CASE("clause: boundaries come from the vocabulary and punctuation", "[clause]") {
    Read r("Seoul said 1,500 troops left; but Kyiv, in March, said more.");
    CHECK(r.c.hard(r.at(";")));
    CHECK(r.c.hard(r.at("but")));
    CHECK_FALSE(r.c.hard(r.at("said")));
    CHECK(r.c.soft(r.at(",")));
    CHECK(r.c.crosses(r.at("1,500"), r.at("Kyiv"), Boundary::Hard));
    CHECK_FALSE(r.c.crosses(r.at("Kyiv"), r.at("1,500"), Boundary::Hard));  // b <= a: nothing between
    CHECK(r.c.in_date(r.at("March")));
    CHECK_FALSE(r.c.in_date(r.at("1,500")));
}

TEST_CASE("clause: word classes and phrases ending at a token", "[clause]") {
    Read r("They sent an additional 500 troops, not 6,000 more.");
    CHECK(r.c.ends_at(r.at("500"), WordClass::IncrementBefore));
    CHECK_FALSE(r.c.ends_at(r.at("6,000"), WordClass::IncrementBefore));
    CHECK(r.c.is(r.at("more"), WordClass::IncrementAfter));
    CHECK(r.c.is(r.at("They"), WordClass::Pronoun));
    CHECK_FALSE(r.c.is(r.at("They"), WordClass::PersonPronoun));
}
