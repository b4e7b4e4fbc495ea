#include "nkclaims/assessments.hpp"

#include <catch2/catch.hpp>

#include "helpers.hpp"

using namespace nkclaims;

namespace {
// A figure of troops deployed as the extractor would give it, in document `doc`.
Claim fig(std::string source, std::string via, double low, std::optional<double> high, std::string date,
          std::string doc, bool increment = false) {
    Claim c;
    c.doc = std::move(doc);
    c.span = {10, 15};
    c.value = {low, high};
    c.metric = Metric::Troops;
    c.phase = Phase::Deployed;
    c.actor = "north_korea";
    c.source = std::move(source);
    c.via = std::move(via);
    c.increment = increment;
    c.date = parse_iso_range(date);
    return c;
}
std::vector<Assessment> assess_all(const std::vector<Claim>& claims) {
    return assess(claims, [](std::string_view id) { return test::gazetteer().is_outlet(id); });
}
}  // namespace

TEST_CASE("assessments: one origin's one value at one time, however many relays", "[assessments]") {
    SECTION("the spy agency's figure told to AP, to Yonhap and spoken by a broadcaster is one assessment") {
        const std::vector<Claim> claims{fig("nis", "ap", 1500, 1500, "2024-10-18", "a.txt"),
                                        fig("nis", "yonhap", 1500, 1500, "2024-10-19", "b.txt"),
                                        fig("kbs", "", 1500, 1500, "2024-10-21", "c.txt")};
        const auto a = assess_all(claims);
        REQUIRE(a.size() == 1);
        CHECK(a[0].source == "nis");
        CHECK(a[0].relays.size() == 3);
        CHECK(a[0].documents == 3);
        CHECK(a[0].outlets == std::vector<std::string>{"ap", "yonhap", "kbs"});
        CHECK(a[0].date->iso() == "2024-10-18/2024-10-21");
        const auto t = tally({&a[0]});
        CHECK(t.reports == 3);
        CHECK(t.origins == 1);
    }
    SECTION("two origins with one value are two assessments: two independent voices") {
        const std::vector<Claim> claims{fig("nis", "", 1500, 1500, "2024-10-18", "a.txt"),
                                        fig("us_gov", "", 1500, 1500, "2024-10-19", "b.txt")};
        const auto a = assess_all(claims);
        REQUIRE(a.size() == 2);
        CHECK(tally({&a[0], &a[1]}).origins == 2);
    }
    SECTION("an outlet's figure joins the origin nearest in time, not one past the window") {
        const std::vector<Claim> claims{
            fig("nis", "", 1500, 1500, "2024-10-01", "a.txt"), fig("us_gov", "", 1500, 1500, "2024-10-20", "b.txt"),
            fig("ap", "", 1500, 1500, "2024-10-18", "c.txt"), fig("cnn", "", 1500, 1500, "2024-12-01", "d.txt")};
        const auto a = assess_all(claims);
        REQUIRE(a.size() == 3);
        CHECK(a[1].source == "us_gov");
        CHECK(a[1].relays.size() == 2);
        CHECK(a[2].source == "cnn");  // nobody else said it then: the outlet's own assessment
    }
    SECTION("the same value said again a month later, another value, or an increment are other assessments") {
        const std::vector<Claim> claims{fig("nis", "", 1500, 1500, "2024-10-18", "a.txt"),
                                        fig("nis", "", 1500, 1500, "2024-11-30", "b.txt"),
                                        fig("nis", "", 3000, std::nullopt, "2024-10-19", "c.txt"),
                                        fig("nis", "", 1500, 1500, "2024-10-20", "d.txt", true)};
        CHECK(assess_all(claims).size() == 4);
    }
}

TEST_CASE("assessments: a source's running total is its last total plus later increments", "[assessments]") {
    const std::vector<Claim> claims{fig("nis", "", 1500, 1500, "2024-10-18", "a.txt"),
                                    fig("nis", "", 1500, 1500, "2024-10-23", "b.txt", true),
                                    fig("nis", "", 2000, std::nullopt, "2024-11-02", "c.txt", true)};
    const auto a = assess_all(claims);
    REQUIRE(a.size() == 3);
    const std::vector<const Assessment*> history{&a[0], &a[1], &a[2]};
    SECTION("a total is its own value") {
        auto t = running_total(history, 0);
        REQUIRE(t);
        CHECK(t->value.low == 1500);
        CHECK(t->increments.empty());
    }
    SECTION("1,500 and another 1,500 make 3,000; at least 2,000 more makes at least 5,000") {
        auto t = running_total(history, 1);
        REQUIRE(t);
        CHECK((t->value.low == 3000 && t->value.high == 3000));
        CHECK(t->total == &a[0]);
        auto u = running_total(history, 2);
        REQUIRE(u);
        CHECK(u->value.low == 5000);
        CHECK(!u->value.high);
        CHECK(u->increments.size() == 2);
    }
    SECTION("an increment no total precedes has no running total") {
        CHECK(!running_total({&a[1]}, 0));
        CHECK(running_totals({{100, 100, true}, {500, 500, false}, {50, 50, true}}).front() == std::nullopt);
        CHECK(running_totals({{100, 100, true}, {500, 500, false}, {50, 50, true}})[2]->low == 550);
    }
}

TEST_CASE("assessments: group_mentions numbers assessments by their earliest mention", "[assessments]") {
    const double open = std::numeric_limits<double>::infinity();
    const std::vector<Mention> m{{1, 0, 3000, open, 20, 20, false, false},
                                 {2, 0, 1500, 1500, 10, 10, false, false},
                                 {3, 0, 1500, 1500, 12, 12, false, true},
                                 {2, 0, 1500, 1500, 40, 40, false, false}};
    CHECK(group_mentions(m) == std::vector<std::uint32_t>{1, 0, 0, 2});
    AssessmentOptions wide;
    wide.window_days = 30;
    CHECK(group_mentions(m, wide) == std::vector<std::uint32_t>{1, 0, 0, 0});
}
