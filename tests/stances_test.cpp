// Stance rules (stances.cpp): stances by meaning, with what they are about.
#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace nkclaims;

namespace {
std::vector<Claim> stances(const std::string& text) {
    std::vector<Claim> out;
    for (const Claim& c : test::extract(text))
        if (c.kind == ClaimKind::Stance) out.push_back(c);
    return out;
}
}  // namespace

TEST_CASE("stances: negated verbs of confirming and observing", "[stances]") {
    SECTION("cannot corroborate: unconfirmed, about combat") {
        const auto s = stances("The Pentagon said it could not corroborate reports of North Korean troops in combat.");
        REQUIRE(s.size() == 1);
        CHECK(s[0].stance == Stance::Unconfirmed);
        CHECK(s[0].about == About::Combat);
        CHECK(s[0].source == "us_gov");
    }
    SECTION("no movements detected: a denial") {
        const auto s = stances("Seoul said no troop movements have been detected so far.");
        REQUIRE(s.size() == 1);
        CHECK(s[0].stance == Stance::Denies);
    }
    SECTION("did not deny is no denial") {
        const auto s = stances("The Kremlin did not deny the reports of North Korean troops.");
        REQUIRE(s.size() == 1);
        CHECK(s[0].stance == Stance::Unconfirmed);
    }
}

TEST_CASE("stances: confirmations say what they confirm", "[stances]") {
    const auto s = stances("Pyongyang confirmed it had sent troops and admitted that its soldiers were killed.");
    REQUIRE(s.size() == 2);
    CHECK(s[0].about == About::Deployment);
    CHECK(s[1].about == About::Casualties);
}
