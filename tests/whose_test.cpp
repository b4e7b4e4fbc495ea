// Whose forces a figure counts (whose.cpp): the words of the figure, never a default first.
#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace nkclaims;

using test::only_figure;

TEST_CASE("whose: a nationality or a possessive in the figure's phrase", "[whose]") {
    CHECK(only_figure("Kyiv said 900 Russian soldiers were captured near Sudzha.").actor == "russia");
    CHECK(only_figure("Ukraine's 8,000 troops held the bridgehead, Syrskyi said.").actor == "ukraine");
    // A possessive that owns something else leaves the count to its own words.
    CHECK(only_figure("Russia's offensive drew in 12,000 North Korean troops.").actor == "north_korea");
}

TEST_CASE("whose: the subject that lost them", "[whose]") {
    const Claim c = only_figure("Russian forces suffered 2,500 casualties last week, Kyiv said.");
    CHECK(c.actor == "russia");
    CHECK(c.metric == Metric::Casualties);
    // Another country's loss before a deployment does not make the deployment its own.
    CHECK(only_figure("After Russia lost a village, 3,000 North Korean soldiers arrived.").actor == "north_korea");
}

TEST_CASE("whose: 'our' and 'the enemy' by the speaker's side", "[whose]") {
    const auto ours = test::figures(test::extract("SYRSKYI: Our units lost 150 soldiers in the assault."));
    REQUIRE(ours.size() == 1);
    CHECK(ours[0].actor == "ukraine");
    const auto enemy = test::figures(test::extract("SYRSKYI: The enemy lost 1,300 men over the past day."));
    REQUIRE(enemy.size() == 1);
    CHECK(enemy[0].actor == "russia");
    // A speaker with no side in data/sides.tsv gives "our" no actor of its own: the default.
    const auto analyst = test::figures(test::extract("An analyst at a think tank said our estimate is 4,000 troops."));
    REQUIRE(analyst.size() == 1);
    CHECK(analyst[0].actor == "north_korea");
}
