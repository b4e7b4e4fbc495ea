#include "nkclaims/fields.hpp"

#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace nkclaims;

namespace {
// One sentence of a document, read for its fields, with the index of a token by its text.
struct Read {
    Document d;
    Clause clause;
    SentenceAttribution who;
    FieldRules fields;
    Read(const std::string& text, const std::string& date)
        : d(test::doc(text, date)),
          clause(test::gazetteer(), d, d.sentences.at(0)),
          who(clause, std::nullopt),
          fields(d, clause, who, Explain::Yes) {}
    std::size_t at(std::string_view text) const {
        for (std::size_t i = 0; i < d.tokens.tokens.size(); ++i)
            if (d.tokens.tokens[i].text == text) return i;
        FAIL("no token " << text);
        return 0;
    }
    Claim figure(Metric m) const {
        Claim c;
        c.metric = m;
        return c;
    }
    // A figure of troops from `number` to `noun`, with the dates its sentence gives it.
    Claim dated(std::string_view number, std::string_view noun) const {
        Claim c = figure(Metric::Troops);
        fields.date(c, at(number), at(noun) + 1);
        return c;
    }
};
}  // namespace

TEST_CASE("fields: phase", "[fields]") {
    SECTION("the nearest cue in the clause") {
        Read r("Pyongyang plans to send 12,000 troops to Russia.", "2025-07-02");
        Claim c = r.figure(Metric::Troops);
        CHECK(r.fields.phase(r.at("12,000"), r.at("troops") + 1, c) == Phase::Planned);
        REQUIRE(!c.reasons.empty());
        CHECK(c.reasons.back() == Reason{Because::PhaseCue, "planned", "plans to send", {}});
        CHECK(describe(c.reasons.back()) == "phase planned from 'plans to send'");
    }
    SECTION("people with no cue are deployed; in an 'if' clause, planned") {
        Read plain("There are 11,000 soldiers in Kursk.", "2025-07-02");
        Claim c = plain.figure(Metric::Troops);
        CHECK(plain.fields.phase(plain.at("11,000"), plain.at("soldiers") + 1, c) == Phase::Deployed);
        Read iff("If 5,000 soldiers are sent, the front changes.", "2025-07-02");
        Claim h = iff.figure(Metric::Troops);
        CHECK(iff.fields.phase(iff.at("5,000"), iff.at("soldiers") + 1, h) == Phase::Planned);
    }
    SECTION("casualties have no phase") {
        Read r("Some 3,000 soldiers were killed.", "2025-07-02");
        Claim c = r.figure(Metric::Casualties);
        CHECK_FALSE(r.fields.phase(r.at("3,000"), r.at("soldiers") + 1, c).has_value());
    }
}

TEST_CASE("fields: places", "[fields]") {
    SECTION("after a locative preposition, first after the figure") {
        Read r("From Vladivostok, North Korea moved 3,000 troops to the Kursk region.", "2025-07-02");
        CHECK(r.fields.location(r.at("3,000"), r.at("troops") + 1) == "kursk");
    }
    SECTION("else the last one before it in its clause") {
        Read r("In Kursk, about 3,000 troops are fighting.", "2025-07-02");
        CHECK(r.fields.location(r.at("3,000"), r.at("troops") + 1) == "kursk");
    }
    SECTION("'the war in Ukraine' is no place of the figure") {
        Read r("During the war in Ukraine, 3,000 troops arrived.", "2025-07-02");
        CHECK_FALSE(r.fields.location(r.at("3,000"), r.at("troops") + 1).has_value());
    }
    SECTION("a stance's place may follow any word") {
        Read r("Kyiv denied troops were sent Kursk.", "2025-07-02");
        CHECK_FALSE(r.fields.place_after(r.at("denied") + 1, Lead::Preposition).has_value());
        CHECK(r.fields.place_after(r.at("denied") + 1, Lead::AnyWord) == "kursk");
    }
}

TEST_CASE("fields: dates", "[fields]") {
    SECTION("a date by the speech verb is when it was said; one after the figure, when it happened") {
        Read r("On Monday, the NIS said 1,500 troops were deployed last November.", "2024-10-25");
        const Claim c = r.dated("1,500", "troops");
        REQUIRE(c.date);
        CHECK(c.date->iso() == "2024-10-21");
        REQUIRE(c.event_date);
        CHECK(c.event_date->iso() == "2023-11");
        CHECK(r.clause.in_date(r.at("November")));
        CHECK_FALSE(r.clause.in_date(r.at("1,500")));
    }
    SECTION("no date in the sentence: the document's") {
        Read r("The NIS said 1,500 troops were deployed.", "2024-10-25");
        const Claim c = r.dated("1,500", "troops");
        REQUIRE(c.date);
        CHECK(c.date->iso() == "2024-10-25");
        CHECK_FALSE(c.event_date);
    }
}

TEST_CASE("fields: clauses", "[fields]") {
    Read r("The NIS said 1,500 troops arrived, but Kyiv said 3,000 if counted.", "2025-07-02");
    CHECK(r.clause.crosses(r.at("1,500"), r.at("Kyiv"), Boundary::Hard));
    CHECK(r.clause.crosses(r.at("arrived"), r.at("Kyiv"), Boundary::Soft));
    CHECK_FALSE(r.clause.crosses(r.at("The"), r.at("1,500"), Boundary::Hard));
    CHECK(r.clause.conditional(r.at("counted")));
    CHECK_FALSE(r.clause.conditional(r.at("1,500")));
    CHECK(r.clause.join_norm(r.at("The"), r.at("said")) == "the nis");
}
