#include "nkclaims/html.hpp"

#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "nkclaims/ingest.hpp"

using namespace nkclaims;
using nkclaims::test::TempDir;

namespace {

const std::filesystem::path kPages = std::filesystem::path(NKCLAIMS_TEST_DIR) / "fixtures" / "pages";

std::string bytes_at(const std::string& file, Span s) { return file.substr(s.begin, s.end - s.begin); }

std::vector<std::string> sentences(const Document& d) {
    std::vector<std::string> out;
    for (const Sentence& s : d.sentences) out.push_back(d.sentence_text(s));
    return out;
}

Document page(const std::string& html) { return parse_document("page.html", html, test::gazetteer()); }

}  // namespace

TEST_CASE("a saved web page gives the article's claims, spans in its own bytes", "[html]") {
    const auto file = kPages / "briefing.html";
    const std::string bytes = test::slurp(file);
    const Document d = read_document(file, test::gazetteer());
    const auto claims = Extractor(test::gazetteer()).extract(d);
    // The script's, the menu's, the newsletter box's and the footer's figures are not read.
    REQUIRE(claims.size() == 1);
    const Claim& c = claims[0];
    CHECK(c.value.low == 11000);
    CHECK(c.metric == Metric::Troops);
    CHECK(c.source == "nis");  // "Korea&rsquo;s spy agency": the reference is decoded
    REQUIRE(c.date);
    CHECK(c.date->iso() == "2024-11-04");  // article:published_time, before <time datetime>
    CHECK(bytes_at(bytes, c.span) == "11,000");
    CHECK(bytes_at(bytes, c.quote_span).starts_with("South Korea&rsquo;s spy agency said"));
    CHECK(bytes_at(bytes, c.quote_span).ends_with("to Russia."));
    CHECK(c.quote ==
          "South Korea\u2019s spy agency said on Monday that North Korea has now sent about 11,000 troops to "
          "Russia.");
    CHECK(d.meta.title == "Seoul raises its count of northern troops");
    CHECK(d.meta.outlet == "the_harbour_ledger");

    SECTION("the same article as plain text gives the same claim") {
        const Document t = read_document(kPages / "briefing.txt", test::gazetteer());
        const auto same = Extractor(test::gazetteer()).extract(t);
        REQUIRE(same.size() == 1);
        CHECK(same[0].value.low == c.value.low);
        CHECK(same[0].value.high == c.value.high);
        CHECK(same[0].metric == c.metric);
        CHECK(same[0].source == c.source);
        CHECK(same[0].date == c.date);
    }
    SECTION("a manifest wins over what the page says") {
        TempDir tmp;
        const auto copy = tmp.write("p.html", bytes);
        const auto manifest = tmp.write(
            "m.json", R"([{"file": "p.html", "published": "2024-12-20", "outlet": "bbc", "title": "Given"}])");
        const Inputs inputs(test::gazetteer(), {manifest.string()}, std::nullopt, "");
        const Document m = inputs.parse(copy, bytes);
        CHECK(m.meta.title == "Given");
        CHECK(m.meta.outlet == "bbc");
        const auto given = Extractor(test::gazetteer()).extract(m);
        REQUIRE(given.size() == 1);
        CHECK(iso_day(*m.meta.published) == "2024-12-20");
        CHECK(given[0].date->iso() == "2024-12-16");  // "on Monday", the Monday before that Friday
        CHECK(bytes_at(bytes, given[0].span) == "11,000");
    }
}

TEST_CASE("a web page's metadata", "[html]") {
    SECTION("a title's site tail goes; a title's own dash stays") {
        CHECK(page("<title>Troops on the move - CNN</title><p>Text here.</p>").meta.title == "Troops on the move");
        CHECK(page("<title>Kim's army - a long look at a secret force abroad</title><p>Text.</p>").meta.title ==
              "Kim's army - a long look at a secret force abroad");
        CHECK(page("<meta property='og:title' content='From og | Site'><title>Other</title><p>x</p>").meta.title ==
              "From og");
    }
    SECTION("an outlet the sources know takes its id; another is a slug") {
        CHECK(page("<meta property='og:site_name' content='CNN'><p>Text.</p>").meta.outlet == "cnn");
        CHECK(page("<meta property='og:site_name' content='Korea Ledger!'><p>Text.</p>").meta.outlet == "korea_ledger");
    }
    SECTION("the date from JSON-LD, else from <time datetime>") {
        const auto ld = page(R"(<script type="application/ld+json">{"@graph":[{"datePublished" : "2025-01-09T10:00Z"}]}
                               </script><time datetime="2025-02-01">x</time><p>Text.</p>)");
        CHECK(iso_day(*ld.meta.published) == "2025-01-09");
        CHECK(iso_day(*page("<p>Text <time datetime='2025-02-01'>then</time>.</p>").meta.published) == "2025-02-01");
        CHECK_FALSE(page("<p>No date at all.</p>").meta.published);
    }
}

TEST_CASE("a web page's text", "[html]") {
    SECTION("blocks end sentences; entities are decoded; white space is folded") {
        const auto d = page(
            "<body><h2>A heading without a stop</h2><p>One &amp;\n   two&nbsp;three</p>"
            "<ul><li>First item</li><li>Second item</li></ul></body>");
        CHECK(sentences(d) ==
              std::vector<std::string>{"A heading without a stop", "One & two three", "First item", "Second item"});
    }
    SECTION("without <article>, <main> is read; furniture by class, id and role is not") {
        const auto d = page(
            "<body><div id='promo-box'>Ad text.</div><main><p>Kept text.</p><div role='complementary'>Side "
            "text.</div><div class='share_tools'>Share text.</div></main><p>Outside text.</p></body>");
        CHECK(sentences(d) == std::vector<std::string>{"Kept text."});
    }
    SECTION("a wrapper named like furniture that holds most of the page is read") {
        const auto d = page(
            "<body><div class='layout-with-sidebar'><p>The whole story is in here.</p>"
            "<div class='sidebar'>Small.</div></div></body>");
        CHECK(sentences(d) == std::vector<std::string>{"The whole story is in here."});
    }
    SECTION("a page with no text is an error naming it") {
        CHECK_THROWS_WITH(page("<html><script>var x = 1;</script></html>"), "no text in file");
    }
    SECTION("a page nested too deep to parse in good time is refused, quickly") {
        std::string deep;
        for (int i = 0; i < 30000; ++i) deep += "<div>";
        CHECK_THROWS_WITH(page(deep + "They sent 3,000 troops."),
                          "web page nested too deeply to read (tags 14143 deep)");
        std::string wide;  // as many tags, side by side, are read
        for (int i = 0; i < 30000; ++i) wide += "<div>x</div>";
        CHECK_NOTHROW(page(wide));
    }
}

TEST_CASE("folders list web pages and Markdown files", "[html]") {
    TempDir tmp;
    for (const char* name : {"a.html", "b.htm", "c.md", "d.txt", "e.pdf"}) tmp.write(name, "x");
    std::vector<std::string> files;
    for_each_input(tmp.path(), [&](const std::filesystem::path& f) { files.push_back(f.filename().string()); });
    CHECK(files == std::vector<std::string>{"a.html", "b.htm", "c.md", "d.txt"});
}
