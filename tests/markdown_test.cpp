#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "nkclaims/error.hpp"

using namespace nkclaims;

namespace {

const std::filesystem::path kPages = std::filesystem::path(NKCLAIMS_TEST_DIR) / "fixtures" / "pages";

std::vector<std::string> sentences(const Document& d) {
    std::vector<std::string> out;
    for (const Sentence& s : d.sentences)
        if (!s.boilerplate) out.push_back(d.sentence_text(s));
    return out;
}

Document md(const std::string& text) { return parse_document("notes.md", text, test::gazetteer()); }

std::string error_of(const std::string& text) {
    try {
        md(text);
    } catch (const InputError& e) {
        return e.message();
    }
    return "";
}

}  // namespace

TEST_CASE("a Markdown transcript with front matter", "[markdown]") {
    const auto file = kPages / "briefing.md";
    const std::string bytes = test::slurp(file);
    const Document d = read_document(file, test::gazetteer());
    CHECK(d.meta.title == "Front-line briefing: the view from Kyiv");
    CHECK(d.meta.outlet == "the_harbour_ledger");
    REQUIRE(d.meta.published);
    CHECK(iso_day(*d.meta.published) == "2024-12-02");
    const auto claims = Extractor(test::gazetteer()).extract(d);
    REQUIRE(claims.size() == 1);
    const Claim& c = claims[0];
    CHECK(c.value.low == 12000);
    CHECK(c.metric == Metric::Troops);
    CHECK(c.source == "ukraine_intel");  // "Ukraine&#x27;s military intelligence"
    CHECK(c.location == "kursk");
    CHECK(c.date->iso() == "2024-12-02");  // dated from the front matter
    CHECK(bytes.substr(c.span.begin, c.span.end - c.span.begin) == "12,000");
    CHECK(bytes.substr(c.quote_span.begin, c.quote_span.end - c.quote_span.begin)
              .starts_with("Ukraine&#x27;s military intelligence says"));
    CHECK(c.quote == "Ukraine's military intelligence says some 12,000 North Korean troops are now in Kursk.");
    // Timestamps, speaker labels, emphasis, links' URLs and images are not in the text.
    CHECK(sentences(d) == std::vector<std::string>{
                              "Front-line briefing", "Welcome back, and thanks for joining us.",
                              "Ukraine's military intelligence says some 12,000 North Korean troops are now in Kursk.",
                              "That count comes from its own reports & it keeps rising."});
    CHECK(d.sentences[2].speaker == "ANALYST");
}

TEST_CASE("Markdown text", "[markdown]") {
    SECTION("headings, bullets, emphasis, links, images and escapes") {
        const auto d =
            md("# Title here\n\nA _plain_ **bold** line with [a link](http://x.example/(y)) and "
               "![pic](p.png) an \\*escaped star.\n\n1. First point\n2. Second point\n");
        CHECK(sentences(d) == std::vector<std::string>{"A plain bold line with a link and an *escaped star.",
                                                       "First point", "Second point"});
    }
    SECTION("a bracket that is no link stays; snake_case keeps its underscore") {
        CHECK(sentences(md("He said [sic] it was a snake_case name.\n")) ==
              std::vector<std::string>{"He said [sic] it was a snake_case name."});
    }
    SECTION("no front matter: the text alone") {
        const auto d = md("Plain words here.\n");
        CHECK_FALSE(d.meta.published);
    }
    SECTION("the date's variants and an outlet from the url") {
        const auto d = md("---\ndatePublished: 'March 3, 2025'\nurl: https://www.cnn.com/2025/x\n---\nText.\n");
        CHECK(iso_day(*d.meta.published) == "2025-03-03");
        CHECK(d.meta.outlet == "cnn");
    }
}

TEST_CASE("a malformed front matter is an error naming the file and the line", "[markdown]") {
    CHECK(error_of("---\ntitle: fine\n  bad: : indent\n---\nText.\n").starts_with("notes.md: front matter line 3: "));
    CHECK(error_of("---\ntitle: never closed\nText.\n") == "notes.md: front matter line 1: no closing '---' line");
    CHECK(error_of("---\n- a\n- list\n---\nText.\n") ==
          "notes.md: front matter line 2: not a list of 'key: value' lines");
}
