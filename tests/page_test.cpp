#include "nkclaims/page.hpp"

#include <catch2/catch.hpp>
#include <cstring>
#include <nlohmann/json.hpp>
#include <set>
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

namespace {
// The chart of one metric and phase of `claims`, as the page draws it.
std::string chart_of(const std::vector<Claim>& claims, Metric m, std::optional<Phase> p,
                     const std::vector<Conflict>& conflicts) {
    ChartInput in;
    for (std::size_t i = 0; i < claims.size(); ++i)
        if (claims[i].metric == m && claims[i].phase == p && claims[i].date)
            in.figures.push_back(&claims[i]), in.ids.push_back(i);
    in.conflicts = &conflicts;
    return timeline_svg(in);
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

Claim troops(const std::string& source, double low, double high, const std::string& date) {
    Claim c;
    c.doc = source + date;
    c.value = {low, high};
    c.metric = Metric::Troops;
    c.phase = Phase::Deployed;
    c.source = source;
    c.date = parse_iso_range(date);
    return c;
}
}  // namespace

TEST_CASE("charts", "[page]") {
    auto claims = test::extract(
        "The NIS said last week that 1,500 soldiers were sent. On Wednesday, the White House said at "
        "least 3,000 soldiers had arrived. Kyiv said 25,000–30,000 more troops are expected.",
        "2024-10-25");
    auto conflicts = find_conflicts(claims, test::gazetteer(), {});
    SECTION("a point per figure of the metric and phase, the conflict drawn") {
        const auto svg = chart_of(claims, Metric::Troops, Phase::Deployed, conflicts.conflicts);
        CHECK(count(svg, "class=\"point\"") == 2);
        CHECK(svg.find("class=\"conflict\"") != std::string::npos);
        CHECK(svg.find("class=\"bound\"") != std::string::npos);  // at least 3,000: an arrow
    }
    SECTION("a range is a bar") {
        const auto svg = chart_of(claims, Metric::Troops, Phase::Planned, conflicts.conflicts);
        CHECK(svg.find("class=\"range\"") != std::string::npos);
    }
    SECTION("nothing to draw") { CHECK(chart_of(claims, Metric::Shells, std::nullopt, {}).empty()); }
}

TEST_CASE("charts that read", "[page]") {
    SECTION("values linear unless they span more than two orders of magnitude") {
        const std::vector<Claim> near{troops("nis", 1000, 1000, "2024-10-01"),
                                      troops("nis", 90000, 90000, "2024-11-01")};
        CHECK(chart_of(near, Metric::Troops, Phase::Deployed, {}).find("data-log=\"0\"") != std::string::npos);
        const std::vector<Claim> far{troops("nis", 100, 100, "2024-10-01"),
                                     troops("nis", 100000, 100000, "2024-11-01")};
        CHECK(chart_of(far, Metric::Troops, Phase::Deployed, {}).find("data-log=\"1\"") != std::string::npos);
    }
    SECTION("a figure of 1 followed by 308 zeros: a few ticks, not a loop until memory runs out") {
        const std::vector<Claim> huge{troops("nis", 1, 1, "2024-10-01"), troops("nis", 1e308, 1e308, "2024-11-01")};
        const auto svg = chart_of(huge, Metric::Troops, Phase::Deployed, {});
        CHECK(svg.find("data-log=\"1\"") != std::string::npos);
        CHECK(count(svg, "class=\"grid\"") <= 10);
        INFO(svg);
        CHECK(svg.find("\"inf") == std::string::npos);
        CHECK(svg.find("nan") == std::string::npos);
    }
    SECTION("one series per source, each its own colour and named at its end; revisions joined; hedged hollow") {
        std::vector<Claim> cs{troops("nis", 3000, 3000, "2024-10-23"), troops("nis", 11000, 11000, "2024-12-01"),
                              troops("ukraine_intel", 12000, 12000, "2024-11-15")};
        cs[2].approx = true;
        ChartInput in;
        for (std::size_t i = 0; i < cs.size(); ++i) in.figures.push_back(&cs[i]), in.ids.push_back(i);
        in.label = [](const std::string& s) { return s == "nis" ? "NIS" : "HUR"; };
        const auto svg = timeline_svg(in);
        CHECK(count(svg, "class=\"revision\"") == 1);  // the NIS's two figures; one figure is no line
        CHECK(count(svg, "<g class=\"label\">") == 2);
        CHECK(svg.find(">NIS</text>") != std::string::npos);
        CHECK(svg.find(">HUR</text>") != std::string::npos);
        CHECK(count(svg, "class=\"mark hedged\" fill=\"#fff\"") == 1);
        CHECK(svg.find(palette()[0]) != std::string::npos);
        CHECK(svg.find(palette()[1]) != std::string::npos);
    }
    SECTION("within a chart no two sources share a colour while the palette lasts") {
        std::vector<std::string> sources;
        for (int i = 0; i < 8; ++i) sources.push_back("s" + std::to_string(i));
        const auto colors = series_colors({"s0", "s3", "s8", "s11"}, sources);  // unranked: both would take s0's
        CHECK(std::set<std::string>(colors.begin(), colors.end()).size() == 4);
    }
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

namespace {
// The text a reader sees: the page without its tags, script and style.
std::string visible_text(std::string html) {
    for (const char* tag : {"script", "style"})
        for (auto at = html.find(std::string("<") + tag); at != std::string::npos;
             at = html.find(std::string("<") + tag)) {
            const auto end = html.find(std::string("</") + tag + ">", at);
            html.erase(at, end == std::string::npos ? std::string::npos : end - at + std::strlen(tag) + 3);
        }
    std::string text;
    bool in_tag = false;
    for (char c : html) {
        if (c == '<') in_tag = true;
        if (!in_tag) text += c;
        if (c == '>') in_tag = false, text += ' ';
    }
    return text;
}
}  // namespace

TEST_CASE("report: names for people, the summary first", "[page]") {
    TempDir tmp;
    const auto db = (tmp.path() / "r.db").string();
    tmp.write("a.txt", "Budanov said on Monday that 12,000 North Korean troops were in Kursk.");
    tmp.write("b.txt", "The NIS said 11,000 North Korean soldiers had been deployed to Russia.");
    for (const char* f : {"a.txt", "b.txt"})
        REQUIRE(run(binary() + " ingest -q --db '" + db + "' --date 2025-01-22 --outlet fox_news '" +
                    (tmp.path() / f).string() + "'")
                    .status == 0);
    REQUIRE(run(binary() + " report -q --db '" + db + "' --out '" + (tmp.path() / "out").string() + "'").status == 0);
    const std::string html = test::slurp(tmp.path() / "out" / "index.html");
    const std::string text = visible_text(html);
    SECTION("no canonical id in the visible text: names instead") {
        for (const char* id : {"ukraine_intel", "nis", "north_korea", "kursk", "fox_news"}) {
            INFO(id);
            CHECK(text.find(std::string(" ") + id + " ") == std::string::npos);
            CHECK(text.find(std::string(">") + id) == std::string::npos);
        }
        CHECK(text.find("Ukraine&#39;s military intelligence (HUR)") != std::string::npos);
        CHECK(text.find("Fox News") != std::string::npos);
    }
    SECTION("the summary is the first section, before any chart") {
        const auto summary = html.find("<section id=\"summary\">");
        REQUIRE(summary != std::string::npos);
        CHECK(html.find("<section") == summary);
        CHECK(summary < html.find("<svg"));
        CHECK(text.find("Estimates of North Korean troops in Russia range from 11,000 (South Korea&#39;s National "
                        "Intelligence Service, 22 January 2025) to 12,000 (Ukraine&#39;s military intelligence (HUR), "
                        "20 January 2025).") != std::string::npos);
    }
    SECTION("provenance: the figure marked in its quote") {
        CHECK(html.find("<mark>12,000</mark>") != std::string::npos);
    }
}

TEST_CASE("report folder: written aside, then put in place", "[page]") {
    TempDir tmp;
    const auto db = (tmp.path() / "s.db").string();
    const std::string samples = std::string(NKCLAIMS_TEST_DATA) + "/samples";
    REQUIRE(run(binary() + " ingest -q --db '" + db + "' --manifest '" + samples + "/manifest.json' '" + samples + "'")
                .status == 0);
    const auto out = tmp.path() / "out";
    const auto report = [&] { return run(binary() + " report -q --db '" + db + "' --out '" + out.string() + "'"); };
    SECTION("a symlink planted in the folder is replaced, never written through") {
        tmp.write("victim.txt", "precious");
        std::filesystem::create_directories(out);
        std::filesystem::create_symlink(tmp.path() / "victim.txt", out / "index.html.tmp");
        std::filesystem::create_symlink(tmp.path() / "victim.txt", out / "report.md");
        REQUIRE(report().status == 0);
        CHECK(test::slurp(tmp.path() / "victim.txt") == "precious");
        CHECK(std::filesystem::is_regular_file(std::filesystem::symlink_status(out / "report.md")));
        CHECK(test::slurp(out / "index.html").starts_with("<!doctype html>"));
    }
    SECTION("a failed report leaves the old one as it was") {
        tmp.write("out/index.html", "old page");
        tmp.write("out/notes.txt", "the user's own");
        std::filesystem::create_directories(out / "report.json");  // cannot be replaced by a file
        const auto r = report();
        CHECK(r.status != 0);
        CHECK(r.err.find("report.json") != std::string::npos);
        CHECK(test::slurp(out / "index.html") == "old page");
        CHECK(test::slurp(out / "notes.txt") == "the user's own");
        for (const auto& e : std::filesystem::directory_iterator(tmp.path()))
            CHECK_FALSE(e.path().filename().string().starts_with(".out.tmp"));  // no temporary folder left
    }
    SECTION("a folder holding only a report is replaced whole; other files are kept") {
        REQUIRE(report().status == 0);
        REQUIRE(report().status == 0);
        CHECK(test::slurp(out / "report.md").starts_with("# "));
        tmp.write("out/notes.txt", "the user's own");
        REQUIRE(report().status == 0);
        CHECK(test::slurp(out / "notes.txt") == "the user's own");
    }
}
