// Figure rules (figures.cpp) and what a number counts (counted.cpp).
#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace nkclaims;

using test::only_figure;

TEST_CASE("figures: losses come from the predicate", "[figures]") {
    SECTION("killed, whatever noun counts them") {
        const Claim c = only_figure("At least 500 North Korean soldiers have been killed, the NIS said.");
        CHECK(c.metric == Metric::Killed);
        CHECK_FALSE(c.phase.has_value());
        CHECK(c.rule.id == RuleId::FigureNoun);
    }
    SECTION("a bare number and its participle") {
        const Claim c = only_figure("Of those troops, some 1,700 have been wounded.");
        CHECK(c.metric == Metric::Wounded);
        CHECK(c.rule.id == RuleId::FigurePredicate);
    }
    SECTION("a loss verb before the number, and whose losses from the subject") {
        const Claim c = only_figure("Russia says Ukraine has lost more than 9,000 servicemen near Kursk.");
        CHECK(c.metric == Metric::Casualties);
        CHECK(c.actor == "ukraine");
    }
    SECTION("a deployment is no loss") {
        const Claim c = only_figure("Pyongyang sent 2,000 soldiers to replace the dead.");
        CHECK(c.metric == Metric::Troops);
    }
}

TEST_CASE("figures: suppositions and unit sizes", "[figures]") {
    SECTION("'could rise to' is hypothetical, a plain count is not") {
        CHECK(only_figure("The deployment could rise to 50,000 troops, Kyiv said.").hypothetical);
        CHECK_FALSE(only_figure("The deployment reached 12,000 troops, Kyiv said.").hypothetical);
    }
    SECTION("the size of a squad is no figure") {
        CHECK(test::figures(test::extract("The soldiers fight in squads of 40 men.")).empty());
    }
}
