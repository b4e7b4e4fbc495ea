#include "nkclaims/claim_json.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "nkclaims/format.hpp"

using namespace nkclaims;

namespace {
// What append_json() prints for `c`, checked against nlohmann's tree and read back.
std::string fast_json(const Claim& c) {
    std::string fast = "[";  // appended to, never replaced
    append_json(fast, c);
    REQUIRE(fast.substr(1) == to_json(c).dump());
    CHECK(to_json(claim_from_json(nlohmann::json::parse(fast.substr(1)))).dump() == fast.substr(1));
    return fast.substr(1);
}

Claim figure() {
    Claim c;
    c.doc = "a.txt";
    c.span = {10, 16};
    c.as_written = "12,000";
    c.value = {12000.0, 12000.0};
    c.metric = Metric::Troops;
    c.phase = Phase::Planned;
    c.actor = "north_korea";
    c.source = "nis";
    c.date = DateRange::of_day(*parse_iso_day("2024-10-18"));
    c.quote = "The NIS said 12,000 troops.";
    c.quote_span = {0, 27};
    c.rule = RuleRef{RuleId::FigureNoun, {}, false};
    return c;
}
}  // namespace

TEST_CASE("claims as JSON: the fast writer, the tree and the reader agree", "[claim_json]") {
    auto claims = test::extract(
        "Seoul said it cannot confirm a CNN report that North Korea plans to send about 30,000 \"elite\"\n"
        "soldiers\tto Russia's Kursk region; \\ at least 1,500 troops deployed last November.",
        "2025-07-02");
    REQUIRE(claims.size() == 3);
    for (const Claim& c : claims) {
        std::string fast;
        append_json(fast, c);
        CHECK(fast == to_json(c).dump());
        const Claim back = claim_from_json(nlohmann::json::parse(fast));
        CHECK(to_json(back).dump() == fast);
    }
}

TEST_CASE("claims as JSON: hypothetical figures and what a stance is about", "[claim_json]") {
    auto claims =
        test::extract("Seoul said it cannot confirm a CNN report that North Korea plans to send about 30,000 soldiers.",
                      "2025-07-02");
    REQUIRE(claims.size() == 2);
    for (Claim& c : claims) {
        if (c.kind == ClaimKind::Figure) c.hypothetical = true, c.metric = Metric::Killed;
        if (c.kind == ClaimKind::Stance) c.about = About::Figure;
        std::string fast;
        append_json(fast, c);
        CHECK(fast == to_json(c).dump());
        const auto j = nlohmann::json::parse(fast);
        if (c.kind == ClaimKind::Figure) {
            CHECK(j.at("hypothetical") == true);
            CHECK(j.at("metric") == "killed");
        } else {
            CHECK(j.at("about") == "figure");
        }
        CHECK(to_json(claim_from_json(j)).dump() == fast);
    }
    // Absent means false, and no stance about anything said: the JSON of most claims is as before.
    Claim plain = claims[0];
    plain.hypothetical = false;
    plain.about.reset();
    CHECK_FALSE(to_json(plain).contains("hypothetical"));
    CHECK_FALSE(to_json(plain).contains("about"));
}

TEST_CASE("claims as JSON: escapes wherever they fall", "[claim_json]") {
    // The writer looks at eight bytes at a time, the last eight overlapping: an escape must be
    // found in a short string, in a whole word, and in the overlap.
    Claim c = figure();
    SECTION("short strings") {
        for (const char* q : {"\"", "a\\", "ab\n", "\t1234", "1234567\""}) {
            c.quote = q;
            fast_json(c);
        }
    }
    SECTION("each position of a longer string") {
        const std::string plain = "Kim said 1,500 more would come";
        for (std::size_t at = 0; at <= plain.size(); ++at)
            for (const char e : {'"', '\\', '\x01', '\x1f', '\r'}) {
                c.quote = plain;
                c.quote.insert(at, 1, e);
                fast_json(c);
            }
    }
    SECTION("control characters without a short form, and UTF-8") {
        c.quote = std::string("a\x02") + "b \xe2\x80\x94 Kursk\x7f";  // an em dash, DEL
        CHECK(fast_json(c).find(std::string("\"quote\":\"a\\u0002b \xe2\x80\x94 Kursk\x7f\"")) != std::string::npos);
    }
    SECTION("a quote longer than the writer's own buffer") {
        c.quote = std::string(3000, '"');
        CHECK(fast_json(c).size() > 6000);
    }
}

TEST_CASE("claims as JSON: numbers, dates and empty fields", "[claim_json]") {
    Claim c = figure();
    SECTION("a whole number, a fraction, an open bound") {
        c.value = {1.5, std::nullopt};
        CHECK(fast_json(c).find(R"("value":{"high":null,"low":1.5})") != std::string::npos);
    }
    SECTION("months, years and ranges of days") {
        c.date = DateRange::of_month(std::chrono::year{2025}, std::chrono::month{7});
        c.event_date = DateRange{*parse_iso_day("2024-10-21"), *parse_iso_day("2024-10-27")};
        const auto j = fast_json(c);
        CHECK(j.find(R"("date":"2025-07")") != std::string::npos);
        CHECK(j.find(R"("event_date":"2024-10-21/2024-10-27")") != std::string::npos);
    }
    SECTION("no metric, no source, no date: null") {
        c.metric.reset();
        c.source.clear();
        c.date.reset();
        const auto j = fast_json(c);
        CHECK(j.find(R"("metric":null)") != std::string::npos);
        CHECK(j.find(R"("source":null)") != std::string::npos);
        CHECK(j.find(R"("date":null)") != std::string::npos);
    }
    SECTION("a stance has no value, actor or metric") {
        c.kind = ClaimKind::Stance;
        c.stance = Stance::Denies;
        const auto j = fast_json(c);
        CHECK(j.find("\"value\"") == std::string::npos);
        CHECK(j.find(R"("stance":"denies")") != std::string::npos);
    }
}

TEST_CASE("claims as JSON: a file name that is not UTF-8, and display names", "[claim_json]") {
    Claim c = figure();
    SECTION("the bad bytes become U+FFFD and the object says so, in both writers") {
        c.doc = "bad\xff.txt";
        for (const ClaimKind kind : {ClaimKind::Figure, ClaimKind::Stance}) {
            c.kind = kind;
            c.stance = Stance::Denies;
            std::string fast;
            append_json(fast, c);
            CHECK(fast == to_json(c).dump());
            const auto j = nlohmann::json::parse(fast);
            CHECK(j["doc"] == "bad\xEF\xBF\xBD.txt");
            CHECK(j["invalid_utf8"] == nlohmann::json::array({"doc"}));
        }
    }
    SECTION("names beside the ids, in both writers, only when names are known") {
        DisplayNames names;
        names.add_source("nis", {"National Intelligence Service", "NIS"});
        c.via = "ap";
        c.location = "kursk";
        std::string fast;
        append_json(fast, c, &names);
        CHECK(fast == to_json(c, &names).dump());
        const auto j = nlohmann::json::parse(fast);
        CHECK(j["source"] == "nis");
        CHECK(j["source_name"] == "National Intelligence Service");
        CHECK(j["via_name"] == "ap");  // no name: the id
        CHECK(j["location_name"] == "kursk");
        const DisplayNames none;
        CHECK(to_json(c, &none).dump() == to_json(c).dump());
    }
}

TEST_CASE("documents as JSON: read back as written, bad bytes replaced and noted", "[claim_json]") {
    StoredDocument d{"/data/in/a.txt", "a.txt", "abc123", {}, 120, 3};
    d.meta.title = "A title";
    d.meta.published = parse_iso_day("2024-10-25");
    const auto j = to_json(d);
    CHECK(j.dump() ==
          R"({"bytes":120,"claims":3,"hash":"abc123","kind":"","name":"a.txt","outlet":"","path":"/data/in/a.txt",)"
          R"("published":"2024-10-25","recorded":"","title":"A title"})");
    const StoredDocument back = document_from_json(j, 3);
    CHECK(to_json(back).dump() == j.dump());
    d.name = "b\xfe.txt";
    d.path = "/data/in/b\xfe.txt";
    const auto bad = to_json(d);
    CHECK(bad["invalid_utf8"] == nlohmann::json::array({"name", "path"}));
    CHECK_NOTHROW(bad.dump());
}

TEST_CASE("conflicts as JSON: the claims follow what the conflict is", "[claim_json]") {
    Claim a = figure(), b = figure();
    b.source = "us_gov";
    b.value = {3000.0, std::nullopt};
    Conflict c{ConflictKind::Disagreement,   {&a, &b}, 2.0 / 3.0, 5,  "they differ",
               "north_korea troops planned", 42.5,     {},        {}, {}};
    std::string out;
    append_json(out, c);
    const auto j = nlohmann::json::parse(out);
    CHECK(out.starts_with(R"({"gap_days":5,"kind":"disagreement","rank":42.5,"reason":"they differ","reports":[],)"
                          R"("severity":0.667,)"));
    CHECK(j["topic"] == "north_korea troops planned");
    REQUIRE(j["claims"].size() == 2);
    CHECK(j["claims"][1] == to_json(b));
}
