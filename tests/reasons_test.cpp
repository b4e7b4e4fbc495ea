#include "nkclaims/reasons.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "helpers.hpp"
#include "nkclaims/claim_json.hpp"
#include "nkclaims/extractor.hpp"

using namespace nkclaims;

TEST_CASE("reasons: a rule's name reads back as the same rule", "[reasons]") {
    const RuleRef rules[] = {{RuleId::FigureNoun, {}, false},
                             {RuleId::FigurePredicate, {}, true},
                             {RuleId::FigureElliptical, {}, false},
                             {RuleId::Stance, "can not confirm", false}};
    for (const RuleRef& r : rules) CHECK(parse_rule(to_string(r)) == r);
    CHECK(to_string(rules[1]) == "figure:predicate+restated");
    CHECK(to_string(rules[3]) == "stance:can not confirm");
    CHECK_FALSE(parse_rule("figure:verb"));
    CHECK_FALSE(parse_rule(""));
    CHECK_FALSE(parse_rule("figure:noun:extra"));
}

TEST_CASE("reasons: every rule of a field has its own name and sentence", "[reasons]") {
    std::set<std::string> names;
    for (int b = 0; b <= static_cast<int>(Because::About); ++b) {
        const auto because = static_cast<Because>(b);
        CHECK(names.insert(std::string(to_string(because))).second);
        CHECK_FALSE(describe(Reason{because, "v", "w", "m"}).empty());
    }
    CHECK(field_of(Because::SourceCarried) == Field::Source);
    CHECK(field_of(Because::PhaseDefaultIncrement) == Field::Phase);
    CHECK(describe(Reason{Because::SourceSubject, "nis via ap", "the spy agency", "told"}) ==
          "source nis via ap from 'the spy agency' before 'told'");
    CHECK(describe(
              {Reason{Because::MetricNoun, {}, "troops", {}}, Reason{Because::ActorDefault, "north_korea", {}, {}}}) ==
          "counts 'troops'; actor north_korea by default");
}

TEST_CASE("reasons: explaining says which rule set each field, and JSON carries them", "[reasons]") {
    auto d = test::doc("The NIS said on Monday that 2,000 more soldiers may be sent. It added that 300 were killed.");
    const Extractor ex(test::gazetteer());
    auto claims = ex.extract(d, Explain::Yes);
    REQUIRE(claims.size() == 2);
    auto because = [](const Claim& c, Field f) {
        for (const Reason& r : c.reasons)
            if (field_of(r.because) == f) return r.because;
        FAIL("no reason for " << to_string(f));
        return Because::ValueWords;
    };
    CHECK(because(claims[0], Field::Metric) == Because::MetricNoun);
    CHECK(because(claims[0], Field::Date) == Because::DateSaid);
    CHECK(because(claims[1], Field::Metric) == Because::MetricLossNoun);
    CHECK(because(claims[1], Field::Source) == Because::SourceCarried);
    std::string written;
    append_json(written, claims[1]);
    const auto j = nlohmann::json::parse(written);
    REQUIRE(j["reasons"].is_array());
    CHECK(j["reasons"][0]["field"] == "metric");
    CHECK(j.dump() == to_json(claims[1]).dump());
    // Without --explain the same claims, with no reasons.
    auto plain = ex.extract(d);
    REQUIRE(plain.size() == 2);
    CHECK(plain[1].reasons.empty());
    CHECK(plain[1].source == claims[1].source);
    CHECK(plain[1].metric == claims[1].metric);
}
