#include "nkclaims/views.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "helpers.hpp"

using namespace nkclaims;

namespace {
Claim figure(const std::string& source, double value, const std::string& date, const std::string& doc,
             const std::string& via = "", const std::string& actor = "north_korea") {
    Claim c;
    c.doc = doc;
    c.span = {10, 15};
    c.value = {value, value};
    c.metric = Metric::Troops;
    c.phase = Phase::Deployed;
    c.actor = actor;
    c.source = source;
    c.via = via;
    c.date = DateRange::of_day(*parse_iso_day(date));
    return c;
}

// "source value date" for each assessment, the way a reader follows them.
std::vector<std::string> story(const std::vector<Estimate>& rows) {
    std::vector<std::string> out;
    for (const auto& a : rows)
        out.push_back(a.first().source + " " + std::to_string(static_cast<long>(*a.first().value.low)) + " " +
                      a.first().date->iso() + (a.claims.size() > 1 ? " +" + std::to_string(a.claims.size() - 1) : ""));
    return out;
}

// The NIS says 1,500 (relayed by AP two days later), then revises to 3,000; the White House
// says 3,000 in between; Russia's own troops are another actor. Listed out of date order.
const std::vector<Claim> kClaims{
    figure("nis", 3000, "2024-10-30", "c.txt"),
    figure("us_gov", 3000, "2024-10-25", "b.txt"),
    figure("nis", 1500, "2024-10-20", "b.txt", "ap"),
    figure("nis", 1500, "2024-10-18", "a.txt"),
    figure("russia_gov", 110000, "2024-10-19", "a.txt", "", "russia"),
};
}  // namespace

TEST_CASE("views: an assessment folds its relays and restatements", "[views]") {
    const auto rows = group_assessments(kClaims);
    CHECK(story(rows) == std::vector<std::string>{"nis 1500 2024-10-18 +1", "russia_gov 110000 2024-10-19",
                                                  "us_gov 3000 2024-10-25", "nis 3000 2024-10-30"});
    CHECK(relays_of(rows.front()) == std::vector<std::string>{"ap"});
}

TEST_CASE("views: latest shows a source's revision, and what stood before with --as-of", "[views]") {
    CHECK(story(latest_assessments(kClaims)) ==
          std::vector<std::string>{"nis 3000 2024-10-30", "us_gov 3000 2024-10-25", "russia_gov 110000 2024-10-19"});
    CHECK(story(latest_assessments(kClaims, parse_iso_day("2024-10-26"))) ==
          std::vector<std::string>{"nis 1500 2024-10-18 +1", "us_gov 3000 2024-10-25", "russia_gov 110000 2024-10-19"});
    CHECK(latest_assessments(kClaims, parse_iso_day("2024-10-01")).empty());
}

TEST_CASE("views: the timeline is chronological across sources and actors", "[views]") {
    const auto rows = timeline_assessments(kClaims);
    REQUIRE(rows.size() == 4);
    for (std::size_t i = 1; i < rows.size(); ++i) CHECK(rows[i - 1].first().date->first <= rows[i].first().date->first);
    CHECK(rows[1].first().actor == "russia");
}

TEST_CASE("views: undated figures, stances and figures without a source are left out", "[views]") {
    std::vector<Claim> claims{figure("nis", 1500, "2024-10-18", "a.txt"), figure("", 10, "2024-10-18", "a.txt")};
    claims.push_back(figure("nis", 2000, "2024-10-19", "a.txt"));
    claims.back().date.reset();
    Claim stance;
    stance.kind = ClaimKind::Stance;
    stance.stance = Stance::Denies;
    stance.source = "russia_gov";
    stance.date = DateRange::of_day(*parse_iso_day("2024-10-20"));
    claims.push_back(stance);
    CHECK(story(group_assessments(claims)) == std::vector<std::string>{"nis 1500 2024-10-18"});
}

TEST_CASE("views: nkclaims latest and timeline over stored documents", "[views][cli]") {
    test::TempDir tmp;
    tmp.write("in/a.txt", "The NIS said 1,500 North Korean soldiers were sent to Russia.\n");
    tmp.write("in/b.txt", "The NIS said 3,000 North Korean soldiers were sent to Russia.\n");
    tmp.write("in/c.txt", "The Kremlin said 110,000 Russian troops were sent to Pokrovsk.\n");
    tmp.write("in/manifest.json", R"([{"file": "a.txt", "published": "2024-10-18"},
                                      {"file": "b.txt", "published": "2024-10-30"},
                                      {"file": "c.txt", "published": "2024-10-20"}])");
    const auto in = tmp.path() / "in";
    const std::string db = "--db '" + (tmp.path() / "v.db").string() + "'";
    REQUIRE(test::run(test::binary() + " ingest -q " + db + " --manifest '" + (in / "manifest.json").string() + "' '" +
                      in.string() + "'")
                .status == 0);
    auto values = [&](const std::string& args) {
        const auto r = test::run(test::binary() + " " + args + " " + db + " --format json");
        INFO(r.err);
        REQUIRE(r.status == 0);
        std::vector<std::string> out;
        const auto j = nlohmann::json::parse(r.out);
        for (const auto& a : j["assessments"])
            out.push_back(a["actor"].get<std::string>() + " " + a["date"].get<std::string>() + " " +
                          std::to_string(a["value"]["low"].get<long>()));
        return out;
    };
    SECTION("latest: the revision; --as-of: what stood before it; --actor") {
        CHECK(values("latest --metric troops --actor north_korea") ==
              std::vector<std::string>{"north_korea 2024-10-30 3000"});
        CHECK(values("latest --metric troops --actor north_korea --as-of 2024-10-20") ==
              std::vector<std::string>{"north_korea 2024-10-18 1500"});
    }
    SECTION("timeline: in date order, every actor, with an actor column") {
        CHECK(values("timeline --metric troops") == std::vector<std::string>{"north_korea 2024-10-18 1500",
                                                                             "russia 2024-10-20 110000",
                                                                             "north_korea 2024-10-30 3000"});
        const auto table = test::run(test::binary() + " timeline --metric troops " + db).out;
        CHECK(table.starts_with("DATE "));
        CHECK(table.find("ACTOR") != std::string::npos);
        CHECK(table.find("3 assessments") != std::string::npos);
    }
    SECTION("a bad date is a usage error") {
        CHECK(test::run(test::binary() + " latest --as-of yesterday " + db).status == 2);
    }
}
