#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace nkclaims;

TEST_CASE("extractor: spans, quotes and provenance", "[extractor]") {
    const std::string text =
        "Intro line.\nOn Wednesday, the White House said at least 3,000 North Korean\nsoldiers had arrived.";
    const auto claims = test::extract(text, "2024-10-25");
    REQUIRE(claims.size() == 1);
    const Claim& c = claims[0];
    SECTION("the span is the number's own bytes in the original text") {
        CHECK(text.substr(c.span.begin, c.span.end - c.span.begin) == "3,000");
    }
    SECTION("the quote is the sentence with line breaks folded; its span covers it") {
        CHECK(c.quote == "On Wednesday, the White House said at least 3,000 North Korean soldiers had arrived.");
        CHECK(text.substr(c.quote_span.begin, 8) == "On Wedne");
    }
    SECTION("every field") {
        CHECK(c.value == Value{3000, std::nullopt});
        CHECK(c.metric == Metric::Troops);
        CHECK(c.phase == Phase::Deployed);
        CHECK(c.actor == "north_korea");
        CHECK(c.source == "us_gov");
        CHECK(c.date->iso() == "2024-10-23");
        CHECK(c.rule.id == RuleId::FigureNoun);
        CHECK(c.doc == "test.txt");
    }
}

TEST_CASE("extractor: elliptical numbers and context", "[extractor]") {
    SECTION("a bare number governed by a deployment verb counts the troops named before") {
        auto c =
            test::figures(test::extract("That level of coordination between the two armies was low and that's only "
                                        "ten thousand if you're now sending thirty thousand you can multiply that.",
                                        "2025-07-08", "nk_news"));
        REQUIRE(c.size() == 2);
        CHECK(c[0].rule.id == RuleId::FigureElliptical);
        CHECK(c[0].phase == Phase::Deployed);
        CHECK(c[1].value == Value{30000, 30000});
        CHECK(c[1].phase == Phase::Planned);
        CHECK(c[1].source == "nk_news");
    }
    SECTION("a bare number with nothing counted nearby is nothing") {
        CHECK(test::extract("The score was ten thousand if you count the bonus.").empty());
    }
    SECTION("a group of N after troops were sent") {
        auto c = test::figures(
            test::extract("These men that have been sent, the 1500 or so, are part of a large group of 12,000."));
        REQUIRE(c.size() == 2);
        CHECK(c[0].phase == Phase::Deployed);
        CHECK(c[1].value == Value{12000, 12000});
        CHECK(c[1].phase == Phase::Planned);
    }
}

TEST_CASE("extractor: --explain says why", "[extractor]") {
    auto d = test::doc("Western officials estimate 4,000 soldiers were killed or wounded.");
    auto claims = Extractor(test::gazetteer()).extract(d, Explain::Yes);
    REQUIRE(claims.size() == 1);
    const auto& why = claims[0].reasons;
    auto has = [&](Because b, const std::string& value, const std::string& words) {
        return std::any_of(why.begin(), why.end(), [&](const Reason& r) {
            return r.because == b && (value.empty() || r.value == value) && (words.empty() || r.words == words);
        });
    };
    CHECK(has(Because::MetricNoun, "", "soldiers"));
    CHECK(has(Because::MetricCasualties, "casualties", ""));
    CHECK(has(Because::SourceSubject, "western_officials", "western officials"));
    CHECK(describe(why).find("counts 'soldiers'") != std::string::npos);
    CHECK(describe(why).find("casualties: killed or wounded") != std::string::npos);
    CHECK(describe(why).find("source western_officials") != std::string::npos);
    auto plain = Extractor(test::gazetteer()).extract(d);
    CHECK(plain[0].reasons.empty());
    CHECK(plain[0].rule == claims[0].rule);  // explaining observes; it never changes a claim
    CHECK(plain[0].value == claims[0].value);
    CHECK(plain[0].source == claims[0].source);
}

TEST_CASE("extractor: a document without a date gives claims without one", "[extractor]") {
    auto claims = test::extract("The NIS said 1,500 soldiers were sent.", "", "");
    REQUIRE(claims.size() == 1);
    CHECK_FALSE(claims[0].date);
    CHECK(claims[0].source == "nis");
}
