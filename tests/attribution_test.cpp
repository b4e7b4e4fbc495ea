#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace nkclaims;

namespace {
// Source (and via) of the first claim in `text`.
std::string who(const std::string& text) {
    auto claims = test::figures(test::extract(text));
    if (claims.empty()) return "no claim";
    const Claim& c = claims.front();
    return c.via.empty() ? c.source : c.source + " via " + c.via;
}
}  // namespace

TEST_CASE("attribution", "[attribution]") {
    SECTION("X said") { CHECK(who("The White House said 3,000 North Korean soldiers had arrived.") == "us_gov"); }
    SECTION("X said, after the figure") {
        CHECK(who("Russia is massing 110,000 of its own troops, Ukraine's armed-forces commander Oleksandr Syrskyi "
                  "said.") == "ukraine_military");
    }
    SECTION("X told an outlet: the outlet relays") {
        CHECK(who("Ukrainian officials told CNN they expect 30,000 more troops.") == "ukraine_gov via cnn");
    }
    SECTION("X told a summit: not an outlet, no relay") {
        CHECK(who("Zelensky told a NATO summit that 10,000 soldiers were being prepared.") == "ukraine_gov");
    }
    SECTION("according to X") { CHECK(who("Four Russian naval vessels carried them, according to the NIS.") == "nis"); }
    SECTION("an outlet cited a source") {
        CHECK(who("CNN cited Ukrainian intelligence as saying 30,000 troops will be sent.") == "ukraine_intel via cnn");
    }
    SECTION("X, citing Y") {  // CONTRACT.md: Yonhap is sk_media
        CHECK(who("Yonhap, citing the NIS, said 1,500 soldiers were sent.") == "nis via sk_media");
    }
    SECTION("Y cited by X") {
        CHECK(who("South Korean intelligence cited by Reuters said 1,500 troops were sent.") == "nis via reuters");
    }
    SECTION("an X report that: the nearest attribution wins") {
        CHECK(who("Seoul said it cannot confirm a CNN report that North Korea plans to send 30,000 soldiers.") ==
              "cnn");
    }
    SECTION("X estimates, after the figure") {
        CHECK(who("Roughly 4,000 soldiers were killed or wounded, Western officials estimate.") == "western_officials");
    }
    SECTION("nobody named: the document's outlet") {
        CHECK(who("The state has an army of 1.2 million soldiers.") == "cnn");
    }
    SECTION("a country is a source only as a subject") {
        CHECK(who("Seoul said 3,000 troops were sent.") == "sk_gov");
        CHECK(who("Pyongyang supplied Russia with at least 100 ballistic missiles.") == "cnn");
    }
    SECTION("'they say' continues the previous sentence's source") {
        CHECK(test::figures(
                  test::extract("South Korean media reported the deployment. Okay. They say it is 1,500 soldiers."))
                  .front()
                  .source == "sk_media");
    }
    SECTION("'he said' is the person named before") {
        auto claims = test::extract(
            "Budanov spoke after the CNN story came out; he said no buildup of troops has been observed.");
        REQUIRE(claims.size() == 1);
        CHECK(claims[0].source == "ukraine_intel");
    }
    SECTION("the main clause's speaker, not a name inside an 'if' clause") {
        CHECK(who("Experts say that if Kim Jong Un wants, he can send 60,000 troops.") == "experts");
    }
}
