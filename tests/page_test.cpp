#include "nkclaims/page.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "helpers.hpp"
#include "nkclaims/chart.hpp"

using namespace nkclaims;
using nkclaims::test::binary;
using nkclaims::test::run;
using nkclaims::test::TempDir;

TEST_CASE("html escaping", "[page]") {
    CHECK(html_escape("<script>alert('x')&\"</script>") ==
          "&lt;script&gt;alert(&#39;x&#39;)&amp;&quot;&lt;/script&gt;");
}

TEST_CASE("charts", "[page]") {
    auto claims = test::extract(
        "The NIS said last week that 1,500 soldiers were sent. On Wednesday, the White House said at "
        "least 3,000 soldiers had arrived. Kyiv said 25,000–30,000 more troops are expected.",
        "2024-10-25");
    std::vector<std::size_t> ids{0, 1, 2};
    auto conflicts = find_conflicts(claims, test::gazetteer(), {});
    SECTION("a point per figure of the metric and phase, the conflict drawn") {
        const auto svg =
            timeline_svg(claims, ids, Metric::Troops, Phase::Deployed, conflicts.conflicts, {"nis", "us_gov"});
        std::size_t points = 0;
        for (auto at = svg.find("class=\"point\""); at != std::string::npos; at = svg.find("class=\"point\"", at + 1))
            ++points;
        CHECK(points == 2);
        CHECK(svg.find("class=\"conflict\"") != std::string::npos);
        CHECK(svg.find("class=\"bound\"") != std::string::npos);  // at least 3,000: an arrow
    }
    SECTION("a range is a bar") {
        const auto svg =
            timeline_svg(claims, ids, Metric::Troops, Phase::Planned, conflicts.conflicts, {"ukraine_gov"});
        CHECK(svg.find("class=\"range\"") != std::string::npos);
    }
    SECTION("nothing to draw") { CHECK(timeline_svg(claims, ids, Metric::Shells, std::nullopt, {}, {}).empty()); }
}

TEST_CASE("report: hostile documents are escaped everywhere", "[page]") {
    TempDir tmp;
    const auto db = (tmp.path() / "r.db").string();
    tmp.write("evil.txt",
              "<script>alert(1)</script> The NIS said 1,500 soldiers were sent to Kursk. "
              "=HYPERLINK(\"http://evil.example\",\"x\") said 3,000 troops arrived in Kursk. </script><img src=x "
              "onerror=alert(2)>");
    REQUIRE(run(binary() + " ingest -q --db '" + db + "' --date 2024-10-25 --outlet cnn '" +
                (tmp.path() / "evil.txt").string() + "'")
                .status == 0);
    REQUIRE(run(binary() + " report -q --db '" + db + "' --out '" + (tmp.path() / "out").string() + "'").status == 0);
    const std::string html = test::slurp(tmp.path() / "out" / "index.html");
    SECTION("no markup from the document survives in the page") {
        CHECK(html.find("<script>alert") == std::string::npos);
        CHECK(html.find("<img src=x") == std::string::npos);
        CHECK(html.find("&lt;script&gt;alert(1)") != std::string::npos);
        // The only </script> tags are the page's own two.
        std::size_t closes = 0;
        for (auto at = html.find("</script>"); at != std::string::npos; at = html.find("</script>", at + 1)) ++closes;
        CHECK(closes == 2);
    }
    SECTION("no cell of the CSV is a formula") {
        auto csv = run(binary() + " claims --db '" + db + "' --format csv").out;
        CHECK(csv.find(",=HYPERLINK") == std::string::npos);
        CHECK(csv.find(",\"=HYPERLINK") == std::string::npos);
        CHECK(csv.find("'=HYPERLINK") != std::string::npos);
    }
    SECTION("the Markdown report escapes it too") {
        const std::string md = test::slurp(tmp.path() / "out" / "report.md");
        CHECK(md.find("<script>") == std::string::npos);
    }
}

TEST_CASE("report: the same database gives the same bytes", "[page]") {
    TempDir tmp;
    const auto db = (tmp.path() / "s.db").string();
    const std::string samples = std::string(NKCLAIMS_TEST_DATA) + "/samples";
    REQUIRE(run(binary() + " ingest -q --db '" + db + "' --manifest '" + samples + "/manifest.json' '" + samples + "'")
                .status == 0);
    for (const char* out : {"a", "b"})
        REQUIRE(run(binary() + " report -q --db '" + db + "' --out '" + (tmp.path() / out).string() + "'").status == 0);
    for (const char* f : {"index.html", "report.md", "report.json"}) {
        INFO(f);
        CHECK(test::slurp(tmp.path() / "a" / f) == test::slurp(tmp.path() / "b" / f));
        CHECK_FALSE(test::slurp(tmp.path() / "a" / f).empty());
    }
    SECTION("--stamp adds the date, and only then") {
        REQUIRE(
            run(binary() + " report -q --stamp --db '" + db + "' --out '" + (tmp.path() / "c").string() + "'").status ==
            0);
        CHECK(test::slurp(tmp.path() / "c" / "index.html").find("Generated ") != std::string::npos);
        CHECK(test::slurp(tmp.path() / "a" / "index.html").find("Generated ") == std::string::npos);
    }
    SECTION("report.json holds every claim and conflict") {
        auto j = nlohmann::json::parse(test::slurp(tmp.path() / "a" / "report.json"));
        CHECK(j["claims"].size() > 10);
        CHECK(j["conflicts"].size() > 3);
        CHECK(j["documents"].size() == 5);
    }
}
