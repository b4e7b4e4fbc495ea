#include "nkclaims/summary.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "helpers.hpp"
#include "nkclaims/provenance.hpp"

using namespace nkclaims;

namespace {
Claim figure(const std::string& source, std::optional<double> low, std::optional<double> high, const std::string& date,
             bool approx = false) {
    Claim c;
    c.doc = "doc-" + date + ".txt";
    c.value = {low, high};
    c.approx = approx;
    c.metric = Metric::Troops;
    c.phase = Phase::Deployed;
    c.actor = "north_korea";
    c.source = source;
    c.date = parse_iso_range(date);
    return c;
}
const Headline& troops_deployed() { return headlines().front(); }
}  // namespace

TEST_CASE("the spread of current estimates in one sentence", "[summary]") {
    const Wording w(&test::gazetteer());
    const std::vector<Claim> claims{figure("nis", 3000, 3000, "2024-10-23"), figure("nis", 15000, 15000, "2025-04-30"),
                                    figure("western_officials", 11000, 11000, "2025-01-22", true)};
    std::vector<const Claim*> all;
    for (const Claim& c : claims) all.push_back(&c);
    SECTION("each source's latest estimate: a revised figure shows only the later one") {
        const auto latest = latest_by_source(all);
        REQUIRE(latest.size() == 2);
        CHECK(*latest[0]->value.low == 15000);
        CHECK(latest[1]->source == "western_officials");
    }
    SECTION("lowest to highest, each with its source's name and date") {
        CHECK(spread_sentence(latest_by_source(all), troops_deployed().phrase, w) ==
              "Estimates of North Korean troops in Russia range from about 11,000 (Western officials, 22 January "
              "2025) to 15,000 (South Korea's National Intelligence Service, 30 April 2025).");
    }
    SECTION("one source, and sources that agree") {
        CHECK(spread_sentence({all[1]}, "troops", w) ==
              "Only South Korea's National Intelligence Service gives an estimate of troops: 15,000 (30 April 2025).");
        const Claim same = figure("us_gov", 15000, 15000, "2025-05-02");
        CHECK(spread_sentence({all[1], &same}, "troops", w) ==
              "The 2 sources with an estimate of troops agree: 15,000.");
        CHECK(spread_sentence({}, "troops", w).empty());
    }
    SECTION("what is not an estimate: another 1,500, a figure without a date, another actor's") {
        Claim more = figure("nis", 1500, 1500, "2025-05-01");
        more.increment = true;
        Claim undated = figure("nis", 1500, 1500, "2025-05-01");
        undated.date.reset();
        Claim russian = figure("nis", 1500, 1500, "2025-05-01");
        russian.actor = "russia";
        Claim supposed = figure("nis", 60000, 60000, "2025-05-01");
        supposed.hypothetical = true;  // "if he sent even 60,000"
        for (const Claim* c : {&more, &undated, &russian, &supposed})
            CHECK_FALSE(estimates(*c, troops_deployed(), "north_korea"));
        CHECK(estimates(claims[0], troops_deployed(), "north_korea"));
    }
}

TEST_CASE("the summary section", "[summary]") {
    const Wording w(&test::gazetteer());
    const std::vector<Claim> claims{figure("nis", 15000, 15000, "2025-04-30"),
                                    figure("ukraine_intel", 12000, 12000, "2025-03-01")};
    std::ostringstream out;
    write_summary(out, claims, "north_korea", 3, {}, w);
    const std::string html = out.str();
    CHECK(html.starts_with("<section id=\"summary\">"));
    CHECK(html.find("<a href=\"#conflicts\">3 open conflicts</a>") != std::string::npos);
    CHECK(html.find("Ukraine&#39;s military intelligence (HUR)") != std::string::npos);
    CHECK(html.find("ukraine_intel") == std::string::npos);
    CHECK(html.find("No estimate in these documents.") != std::string::npos);  // no planned troops
}

TEST_CASE("words for people", "[summary]") {
    SECTION("display names, and ids nobody named spelt as words") {
        const Wording w(&test::gazetteer());
        CHECK(w.source("nis") == "South Korea's National Intelligence Service");
        CHECK(w.source_brief("sk_military") == "JCS");
        CHECK(w.place("russia_far_east") == "Russia's Far East");
        CHECK(w.heading("north_korea", Metric::Troops, Phase::Deployed) == "North Korea's troops deployed");
        CHECK(w.heading("russia", Metric::Casualties, Phase::Total) == "Russia's casualties");
        CHECK(w.heading("north_korea", Metric::Killed, std::nullopt) == "North Korea's soldiers killed");
        CHECK(w.source("fox_news") == "Fox News");
        CHECK(w.source("afp") == "AFP");
        Claim c = figure("ukraine_intel", 1, 1, "2025");
        c.via = "cnn";
        CHECK(w.voice(c) == "HUR, via CNN");
    }
    SECTION("values") {
        CHECK(people_value(figure("x", 25000, 30000, "2025")) == "25,000–30,000");
        CHECK(people_value(figure("x", 3000, std::nullopt, "2025")) == "at least 3,000");
        CHECK(people_value(figure("x", std::nullopt, 500, "2025", true)) == "up to 500");
        CHECK(people_value(figure("x", 11000, 12000, "2025", true)) == "about 11,000–12,000");
        CHECK(people_number(1.2e6) == "1.2 million");
        CHECK(people_number(1e308) == "1e+308");
        CHECK(people_number(9.3e18) == "9.3e+18");
    }
    SECTION("dates") {
        CHECK(people_date(*parse_iso_range("2025-01-22")) == "22 January 2025");
        CHECK(people_date(*parse_iso_range("2024-10")) == "October 2024");
        CHECK(people_date(*parse_iso_range("2025")) == "2025");
        CHECK(people_date(*parse_iso_range("2024-10-14/2024-10-20")) == "14–20 October 2024");
        CHECK(people_date(*parse_iso_range("2024-12-30/2025-01-05")) == "30 December 2024 – 5 January 2025");
    }
}

TEST_CASE("a quote with its figure marked", "[summary]") {
    auto claims = test::extract("Officials said on Monday that\nabout 2,000 soldiers had been sent.", "2025-03-03");
    REQUIRE(claims.size() == 1);
    const auto parts = quote_parts(claims[0]);
    CHECK(parts.figure == claims[0].as_written);
    CHECK(parts.before + parts.figure + parts.after == claims[0].quote);
    const Wording w(&test::gazetteer());
    CHECK(quote_html(claims[0], nullptr, w).find("<mark>" + claims[0].as_written + "</mark>") != std::string::npos);
}
